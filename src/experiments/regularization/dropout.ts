/**
 * Regularisation step 4: dropout. Two copies of the same network (same initial weights, same data) train side by
 * side with Adam on the full training set: one plain, one with dropout of probability p after each hidden layer.
 * Errors are measured in inference mode (no units dropped). The read-outs check both scaling rules on the dropout
 * network's first hidden layer: classic (scale by 1 − p at inference) and inverted (scale by 1/(1 − p) in training).
 */
import { Rng, Tensor, adam, mse, noGrad, type Adam } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { PointRecorder } from '../descent/recorder';
import { regressionData } from './data';
import { DropoutNet, scalingCheck, type DropoutMode } from './dropoutNet';
import { liveLearningRate } from '../params';

export const dropoutParams: ParamTable = [
  {
    name: 'p',
    label: 'Drop probability p',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 0.9,
    step: 0.05,
    live: true,
    help: 'Each hidden unit is dropped with probability p at every training step (never at inference).',
  },
  {
    name: 'mode',
    label: 'Scaling',
    type: 'enum',
    default: 'inverted',
    options: [
      { value: 'inverted', label: 'inverted: ×1/(1 − p) while training' },
      { value: 'classic', label: 'classic: ×(1 − p) at inference' },
    ],
    live: false,
  },
  {
    name: 'width',
    label: 'Neurons per hidden layer',
    type: 'int',
    default: 64,
    min: 8,
    max: 128,
    live: false,
  },
  {
    name: 'lr',
    label: 'Learning rate α',
    type: 'number',
    default: 0.01,
    min: 0.0001,
    max: 0.1,
    step: 0.0001,
    scale: 'log',
    live: true,
  },
];

interface Run {
  net: DropoutNet;
  optimizer: Adam;
  train: number;
  val: number;
  trainCurve: PointRecorder;
  valCurve: PointRecorder;
}

export function createDropout(params: ParamValues, seed: number): Trainer {
  const root = new Rng(seed);
  const initSeed = root.nextU32();
  const maskSeed = root.nextU32();
  const checkSeed = root.nextU32();
  const data = regressionData(15, 0.25, seed);
  const width = Number(params.width);
  const mode = String(params.mode) as DropoutMode;
  let p = Number(params.p);
  const trainX = new Tensor(data.train.x, [data.train.n, 1]); // [m, 1]
  const valX = new Tensor(data.val.x, [data.val.n, 1]); // [60, 1]
  const lr = Number(params.lr);

  const makeRun = (rate: number): Run => {
    const net = new DropoutNet(width, rate, mode, initSeed, maskSeed);
    return {
      net,
      optimizer: adam(net.parameters(), { lr }),
      train: NaN,
      val: NaN,
      trainCurve: new PointRecorder(1024),
      valCurve: new PointRecorder(1024),
    };
  };
  const runs = { plain: makeRun(0), dropout: makeRun(p) };
  let steps = 0;
  let diverged: string | null = null;

  /** Half mean squared error in inference mode (no dropout). */
  const errorOf = (net: DropoutNet, x: Tensor, y: Float32Array) =>
    noGrad(() => {
      net.eval();
      const e = mse(net.forward(x), y).item() / 2;
      net.train();
      return e;
    });
  const record = (run: Run) => {
    run.train = errorOf(run.net, trainX, data.train.y);
    run.val = errorOf(run.net, valX, data.val.y);
    run.trainCurve.push(steps, run.train);
    run.valCurve.push(steps, run.val);
  };
  record(runs.plain);
  record(runs.dropout);

  const trainStep = (run: Run) => {
    run.optimizer.zeroGrad();
    const loss = mse(run.net.forward(trainX), data.train.y); // [] with this step's dropout masks
    const value = loss.item();
    if (!Number.isFinite(value)) diverged = `the training error became ${value} at step ${steps + 1}`;
    else {
      loss.backward();
      run.optimizer.step();
    }
  };

  const curves = (run: Run) => ({
    train: run.trainCurve.toInterleaved([steps, run.train]),
    val: run.valCurve.toInterleaved([steps, run.val]),
    trainNow: run.train,
    valNow: run.val,
  });

  return {
    step(n) {
      for (let i = 0; i < n && diverged === null; i++) {
        trainStep(runs.plain);
        trainStep(runs.dropout);
        if (diverged !== null) break;
        steps++;
        // Measuring costs two forward passes per run: do it every step early on, then every 5th.
        if (steps < 200 || steps % 5 === 0) {
          record(runs.plain);
          record(runs.dropout);
        }
      }
    },
    metrics(): Metrics {
      return { step: steps, epoch: steps, loss: runs.dropout.train, valLoss: runs.dropout.val };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('curves'))
        views.curves = { plain: curves(runs.plain), dropout: curves(runs.dropout) };
      if (wanted.includes('masks')) {
        // Which units of training sample 1 were dropped at the last step, per hidden layer ([width], 1 = kept).
        const [m1, m2] = runs.dropout.net.lastMasks;
        const firstRow = (m: Float32Array) =>
          Uint8Array.from({ length: width }, (_, j) => (m.length ? +(m[j] > 0) : 1));
        views.masks = { layer1: firstRow(m1), layer2: firstRow(m2), p, width };
      }
      if (wanted.includes('scaling')) {
        const a = noGrad(() => runs.dropout.net.firstActivations(valX).detach()); // [60, width]
        views.scaling = {
          p,
          classic: { ...scalingCheck(a, p, 'classic', checkSeed) },
          inverted: { ...scalingCheck(a, p, 'inverted', checkSeed) },
        };
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if (typeof value !== 'number') return;
      if (name === 'p') {
        p = value;
        runs.dropout.net.p = value;
      }
      const lr = liveLearningRate(name, value);
      if (lr !== null) for (const run of [runs.plain, runs.dropout]) run.optimizer.lr = lr;
    },
    divergence: () => diverged,
  };
}

export const dropoutExperiment: Experiment = {
  id: 'reg-dropout',
  title: 'Dropout: with and without, classic and inverted scaling',
  params: dropoutParams,
  create: createDropout,
};
