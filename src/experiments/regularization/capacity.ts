/**
 * Regularisation step 2: the capacity of a network. An MLP 1 → width × depth (tanh) → 1 is trained with Adam on the
 * full training set of step 1's data (the same noisy samples); training and validation error are recorded every
 * step and the step with the lowest validation error so far is reported (where early stopping would stop).
 * Errors use the chapter's J = 1/(2m) Σ (h − y)², i.e. half the core's mean squared error.
 */
import { MLP, Rng, Tensor, adam, mse, noGrad } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { CapacityViews } from './views';
import { PointRecorder } from '../descent/recorder';
import { regressionData } from './data';
import { NOISE_PARAM, POINTS_PARAM, curveXs, dataView } from './shared';
import { learningRateSetter } from '../params';
import { learningRateParam } from '../paramSpecs';

export const capacityParams: ParamTable = [
  {
    name: 'width',
    label: 'Neurons per hidden layer',
    type: 'int',
    default: 32,
    min: 1,
    max: 64,
    live: false,
  },
  { name: 'depth', label: 'Hidden layers', type: 'int', default: 2, min: 1, max: 4, live: false },
  learningRateParam({ default: 0.01, min: 0.0001, max: 0.1, step: 0.0001 }),
  POINTS_PARAM,
  NOISE_PARAM,
];

export function createCapacity(params: ParamValues, seed: number): Trainer<CapacityViews> {
  const root = new Rng(seed);
  const data = regressionData(params.points as number, params.noise as number, seed);
  const sizes = [1, ...Array<number>(params.depth as number).fill(params.width as number), 1];
  const model = new MLP({ sizes, activation: 'tanh' }, root.nextU32());
  const optimizer = adam(model.parameters(), { lr: params.lr as number });
  const trainX = new Tensor(data.train.x, [data.train.n, 1]); // [m, 1]
  const valX = new Tensor(data.val.x, [data.val.n, 1]); // [60, 1]
  const curveX = new Tensor(curveXs(), [curveXs().length, 1]); // [161, 1]
  const trainCurve = new PointRecorder(1024);
  const valCurve = new PointRecorder(1024);
  let steps = 0;
  let diverged: string | null = null;
  const valError = () => noGrad(() => mse(model.forward(valX), data.val.y).item() / 2);
  let train = noGrad(() => mse(model.forward(trainX), data.train.y).item() / 2);
  let val = valError();
  let best = { step: 0, val };
  trainCurve.push(0, train);
  valCurve.push(0, val);

  return {
    step(n) {
      for (let i = 0; i < n && diverged === null; i++) {
        optimizer.zeroGrad();
        const loss = mse(model.forward(trainX), data.train.y); // [] mean (h − y)²
        const value = loss.item() / 2;
        if (!Number.isFinite(value)) {
          diverged = `the training error became ${value} at step ${steps + 1}`;
          break;
        }
        loss.backward();
        optimizer.step();
        steps++;
        // The error before this update; close enough for a curve and free (no second forward pass).
        train = value;
        val = valError();
        if (val < best.val) best = { step: steps, val };
        trainCurve.push(steps, train);
        valCurve.push(steps, val);
      }
    },
    metrics(): Metrics {
      return {
        step: steps,
        epoch: steps,
        loss: train,
        valLoss: val,
        bestStep: best.step,
        bestVal: best.val,
        parameters: model.parameterCount(),
      };
    },
    views(wanted) {
      const views: Partial<CapacityViews> = {};
      if (wanted.includes('curves')) {
        views.curves = {
          train: trainCurve.toInterleaved([steps, train]),
          val: valCurve.toInterleaved([steps, val]),
          bestStep: best.step,
          bestVal: best.val,
          parameters: model.parameterCount(),
        };
      }
      if (wanted.includes('fit')) {
        const fitY = noGrad(() => model.forward(curveX).data.slice()); // [161]
        views.fit = { ...dataView(data), fitY };
      }
      return views;
    },
    set: learningRateSetter(capacityParams, () => [optimizer]),
    divergence: () => diverged,
  };
}

export const capacityExperiment: Experiment<CapacityViews> = {
  id: 'reg-capacity',
  title: 'Capacity of an MLP: training vs validation error',
  params: capacityParams,
  create: createCapacity,
};
