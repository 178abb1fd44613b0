/**
 * Step 7, maxout: one maxout unit h(x) = maxᵢ (wᵢx + bᵢ) with k linear pieces, fitted by gradient descent (Adam,
 * full batch, squared error) to a convex target on [-2, 2]. Built from the core's Linear (1 → k) and maxout ops.
 * Pieces start as lines with slopes spread over the range (seeded jitter), so each one is the maximum somewhere; a
 * piece that is never the maximum gets no gradient, which is the unit's own version of a dead neuron.
 */
import { Linear, Rng, adam, maxout, mse, noGrad, tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { MaxoutViews } from './views';
import { linspace } from './task';
import { learningRateSetter } from '../params';
import { fullBatchCurveView, fullBatchSteps, startFullBatchRun } from '../fullBatchRun';
import { learningRateParam } from '../paramSpecs';
import { intParam } from '../paramValues';

export const MAXOUT_TARGETS = {
  x2: { label: 'x²', f: (x: number) => x * x },
  abs: { label: '|x|', f: (x: number) => Math.abs(x) },
  exp: { label: 'eˣ⁻¹', f: (x: number) => Math.exp(x - 1) },
  softplus: { label: 'softplus 2·log(1 + eˣ)', f: (x: number) => 2 * Math.log1p(Math.exp(x)) },
} as const;
export type MaxoutTarget = keyof typeof MAXOUT_TARGETS;

export const maxoutParams: ParamTable = [
  { name: 'k', label: 'Pieces k', type: 'int', live: false, default: 3, min: 1, max: 8 },
  {
    name: 'target',
    label: 'Convex target',
    type: 'enum',
    live: false,
    default: 'x2',
    options: Object.entries(MAXOUT_TARGETS).map(([value, t]) => ({ value, label: t.label })),
  },
  learningRateParam({ default: 0.05, min: 0.001, max: 1, step: 0.001 }),
];

export const MAXOUT_RANGE: [number, number] = [-2, 2];
const N_POINTS = 81;
const PLOT_N = 161;

export function isMaxoutTarget(s: unknown): s is MaxoutTarget {
  return typeof s === 'string' && Object.hasOwn(MAXOUT_TARGETS, s);
}

export function createMaxout(params: ParamValues, seed: number): Trainer<MaxoutViews> {
  const rng = new Rng(seed);
  const k = intParam(params, 'k', 3, 1, 8);
  const target: MaxoutTarget = isMaxoutTarget(params.target) ? params.target : 'x2';
  const f = MAXOUT_TARGETS[target].f;
  const xs = linspace(MAXOUT_RANGE[0], MAXOUT_RANGE[1], N_POINTS);
  const ys = Float32Array.from(xs, f);
  const x = tensor(xs, [N_POINTS, 1]); // [N, 1]

  const layer = new Linear({ inFeatures: 1, outFeatures: k }, rng.fork()); // W [k, 1], b [k]
  for (let i = 0; i < k; i++) {
    // slopes spread over [-2, 2] (one piece: slope 0), intercepts near the target's mean
    layer.weight.data[i] = (k === 1 ? 0 : -2 + (4 * i) / (k - 1)) + rng.uniform(-0.2, 0.2);
    layer.bias!.data[i] = rng.uniform(-0.5, 0.5);
  }
  const opt = adam(layer.parameters(), { lr: typeof params.lr === 'number' ? params.lr : 0.05 });
  const forward = (input: typeof x) => maxout(layer.forward(input), k); // [N, k] → [N, 1]
  const lossNow = () => noGrad(() => mse(forward(x), ys).item());
  const run = startFullBatchRun(lossNow());

  return {
    step(n) {
      // The curve shows the loss at the weights after each update.
      fullBatchSteps(run, opt, () => mse(forward(x), ys), n, lossNow);
    },
    metrics(): Metrics {
      return { step: run.steps, epoch: run.steps, loss: run.loss, pieces: k };
    },
    views(wanted): Partial<MaxoutViews> {
      const views: Partial<MaxoutViews> = {};
      if (wanted.includes('fit')) {
        const px = linspace(MAXOUT_RANGE[0], MAXOUT_RANGE[1], PLOT_N);
        const h = noGrad(() => forward(tensor(px, [PLOT_N, 1])).data.slice()); // [PLOT_N]
        views.fit = {
          x: px,
          target: Float32Array.from(px, f),
          h,
          w: layer.weight.data.slice(), // [k]
          b: layer.bias!.data.slice(), // [k]
        };
      }
      if (wanted.includes('curves')) views.curves = fullBatchCurveView(run);
      return views;
    },
    set: learningRateSetter(maxoutParams, () => [opt]),
    divergence: () => run.diverged,
  };
}

export const maxoutExperiment: Experiment<MaxoutViews> = {
  id: 'activations-maxout',
  title: 'A maxout unit fits a convex function',
  params: maxoutParams,
  create: createMaxout,
};
