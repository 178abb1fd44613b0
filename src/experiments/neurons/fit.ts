/**
 * The universal-approximation step's trained counterpart to the hand-built bumps: a 1 → N → 1 network (sigmoid
 * hidden layer, linear output) fitted by Adam, full batch, squared error, to one of the chapter's targets on [0, 1].
 *
 *   ŷ(x) = Σᵢ vᵢ · σ(wᵢ x + bᵢ) + c       W₁ [N, 1], b₁ [N], W₂ [1, N], c [1]
 *
 * Init (seeded): each hidden unit starts as a moderately steep sigmoid (|wᵢ| in [4, 12], random sign) whose switch
 * point −bᵢ/wᵢ lies somewhere in [0, 1], so every unit bends the curve inside the plotted range; the output weights
 * start near 0 and the output bias at the target's mean. Training moves all of them — nothing is placed by hand.
 */
import { Linear, Rng, adam, mse, noGrad, sigmoid, tensor, type Tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { FitViews } from './views';
import { TARGETS, isTargetName, maxError, type TargetName } from './targets';
import { learningRateSetter } from '../params';
import { fullBatchCurveView, fullBatchSteps, startFullBatchRun } from '../fullBatchRun';
import { numberParam } from '../paramValues';
import { learningRateParam } from '../paramSpecs';

export const FIT_UNITS = { default: 8, min: 2, max: 80 } as const;

export const fitParams: ParamTable = [
  {
    name: 'units',
    label: 'Hidden neurons',
    type: 'int',
    live: false,
    default: FIT_UNITS.default,
    min: FIT_UNITS.min,
    max: FIT_UNITS.max,
    step: 2,
  },
  {
    name: 'target',
    label: 'Target function',
    type: 'enum',
    live: false,
    default: 'wave',
    options: Object.entries(TARGETS).map(([value, t]) => ({ value, label: t.label })),
  },
  learningRateParam({ default: 0.01, min: 0.0005, max: 0.5, step: 0.0005 }),
];

/** Training points on [0, 1] (full batch). */
const TRAIN_N = 201;
/** Points of the drawn curve (the figure's hand-built curve uses as many). */
export const FIT_PLOT_N = 301;

const grid = (n: number) => Float32Array.from({ length: n }, (_, i) => i / (n - 1));

/** Even, like the hand-built network beside it (two units per bump), so both have the same N. */
function readUnits(params: ParamValues): number {
  const n = 2 * Math.round(numberParam(params, 'units', FIT_UNITS.default) / 2);
  return Math.max(FIT_UNITS.min, Math.min(FIT_UNITS.max, n));
}

class FitNet {
  readonly hidden: Linear; // W₁ [N, 1], b₁ [N]
  readonly out: Linear; // W₂ [1, N], c [1]

  constructor(units: number, targetMean: number, rng: Rng) {
    this.hidden = new Linear({ inFeatures: 1, outFeatures: units }, rng.fork());
    this.out = new Linear({ inFeatures: units, outFeatures: 1 }, rng.fork());
    for (let i = 0; i < units; i++) {
      const w = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(4, 12);
      this.hidden.weight.data[i] = w;
      this.hidden.bias!.data[i] = -w * rng.uniform(0, 1); // switches at a random point of [0, 1]
      this.out.weight.data[i] = rng.uniform(-0.1, 0.1);
    }
    this.out.bias!.data[0] = targetMean;
  }

  forward(x: Tensor): Tensor {
    return this.out.forward(sigmoid(this.hidden.forward(x))); // [B, 1] → [B, N] → [B, 1]
  }

  parameters(): Tensor[] {
    return [...this.hidden.parameters(), ...this.out.parameters()];
  }

  /** ŷ at one x in float64, from the current weights (for the max error on a dense grid). */
  predictOne(x: number): number {
    const w1 = this.hidden.weight.data;
    const b1 = this.hidden.bias!.data;
    const w2 = this.out.weight.data;
    let y = this.out.bias!.data[0];
    for (let i = 0; i < w1.length; i++) {
      const z = w1[i] * x + b1[i];
      y += w2[i] * (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
    }
    return y;
  }
}

export function createFit(params: ParamValues, seed: number): Trainer<FitViews> {
  const rng = new Rng(seed);
  const units = readUnits(params);
  const targetName: TargetName = isTargetName(params.target) ? params.target : 'wave';
  const f = TARGETS[targetName].f;
  const xs = grid(TRAIN_N);
  const ys = Float32Array.from(xs, f);
  const x = tensor(xs, [TRAIN_N, 1]);
  const mean = ys.reduce((a, b) => a + b, 0) / TRAIN_N;
  const net = new FitNet(units, mean, rng);
  const opt = adam(net.parameters(), { lr: typeof params.lr === 'number' ? params.lr : 0.01 });
  const run = startFullBatchRun(noGrad(() => mse(net.forward(x), ys).item()));
  let worst = maxError(f, (v) => net.predictOne(v));

  return {
    step(n) {
      // The curve shows each step's own loss (at the weights before its update): no second forward pass.
      fullBatchSteps(
        run,
        opt,
        () => mse(net.forward(x), ys),
        n,
        (stepLoss) => stepLoss,
      );
      worst = maxError(f, (v) => net.predictOne(v));
    },
    metrics(): Metrics {
      return { step: run.steps, epoch: run.steps, loss: run.loss, maxError: worst };
    },
    views(wanted): Partial<FitViews> {
      const views: Partial<FitViews> = {};
      if (wanted.includes('fit')) {
        const px = grid(FIT_PLOT_N);
        views.fit = { x: px, y: Float64Array.from(px, (v) => net.predictOne(v)), maxError: worst, units };
      }
      if (wanted.includes('curves')) views.curves = fullBatchCurveView(run);
      return views;
    },
    set: learningRateSetter(fitParams, () => [opt]),
    divergence: () => run.diverged,
  };
}

export const fitExperiment: Experiment<FitViews> = {
  id: 'neurons-fit',
  title: 'One hidden layer of sigmoids trained to fit a curve',
  params: fitParams,
  create: createFit,
};
