/**
 * Step 5: why cross-entropy and not squared error for probabilities. One sigmoid neuron, h(x) = σ(θ₀ + θ₁x₁ + θ₂x₂),
 * on two blobs, started confidently wrong: θ = (0, −c, −c), so a typical point of class 1 gets z ≈ −c and h ≈ 0.
 * Two copies from the same start and the same data train side by side with full-batch gradient descent:
 *   run "mse": L = 1/N Σ (σ(zᵢ) − yᵢ)²   → ∂L/∂zᵢ ∝ (hᵢ − yᵢ)·hᵢ(1 − hᵢ): the σ′ factor is ≈ 0 when saturated, so it stalls
 *   run "bce": L = BCE(σ(zᵢ), yᵢ)         → ∂L/∂zᵢ ∝ hᵢ − yᵢ ≈ ±1: a confident mistake gets a full push
 * Both losses are the core's (mse on the core's sigmoid, binaryCrossEntropy from logits).
 *
 * Metrics: loss = the BCE run's cross-entropy; per run r ∈ {mse, bce}: acc_r, sq_r (its mean squared error of h),
 * ce_r (its cross-entropy), so both runs are compared on the same two scales.
 * Views (types in views.ts):
 *   history  { accMse, accBce, sqMse, sqBce }: each interleaved [step, value, …] (bounded, PointRecorder)
 */
import { noGrad } from '../../core/autograd';
import { binaryCrossEntropy, mse } from '../../core/losses';
import { Linear } from '../../core/nn/linear';
import { sigmoid } from '../../core/ops/activations';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { Tensor } from '../../core/tensor';
import { PointRecorder } from '../descent/recorder';
import { learningRateSetter } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import { allFinite, twoBlobs, type LabelledPoints } from './data';
import type { SaturationViews } from './views';
import { learningRateParam } from '../paramSpecs';

export const SATURATION_POINTS = 200;

export const saturationParams: ParamTable = [
  learningRateParam({ default: 1, min: 0.01, max: 10 }),
  {
    name: 'wrong',
    label: 'Wrong start c',
    type: 'number',
    default: 8,
    min: 0,
    max: 12,
    step: 0.5,
    live: false,
    help: 'θ starts at (0, −c, −c).',
  },
];

type RunName = 'mse' | 'bce';

interface Run {
  name: RunName;
  model: Linear;
  optimizer: SGD;
  acc: PointRecorder;
  sq: PointRecorder;
}

/** Everything a saturation run mutates: the two runs and the step count; the blobs are fixed. */
interface SaturationState {
  data: LabelledPoints;
  /** The blobs' points as one tensor [n, 2]. */
  inputs: Tensor;
  runs: Run[];
  step: number;
  diverged: string | null;
}

/** One run started confidently wrong: θ = (0, −c, −c), the same for both losses. */
function makeRun(name: RunName, c: number, lr: number, seed: number): Run {
  const model = new Linear({ inFeatures: 2, outFeatures: 1 }, seed);
  model.weight.data.set([-c, -c]); // W [1, 2]
  model.bias!.data[0] = 0; // b [1]
  return {
    name,
    model,
    optimizer: new SGD(model.parameters(), { lr }),
    acc: new PointRecorder(1024),
    sq: new PointRecorder(1024),
  };
}

function buildSaturationState(params: ParamValues, seed: number): SaturationState {
  const data = twoBlobs(SATURATION_POINTS, new Rng(seed).nextU32());
  const c = params.wrong as number;
  const lr = params.lr as number;
  return {
    data,
    inputs: new Tensor(data.x, [data.n, 2]),
    runs: [makeRun('mse', c, lr, seed), makeRun('bce', c, lr, seed)],
    step: 0,
    diverged: null,
  };
}

/** Accuracy, mean squared error of h and cross-entropy of one run at its current θ. */
function evaluateRun(state: SaturationState, run: Run): { acc: number; sq: number; ce: number } {
  const { data, inputs } = state;
  return noGrad(() => {
    const logits = run.model.forward(inputs); // [n, 1]
    const ce = binaryCrossEntropy(logits, data.y).item();
    const sq = mse(sigmoid(logits), data.y).item();
    let correct = 0;
    for (let i = 0; i < data.n; i++) if (logits.data[i] > 0 === data.y[i] > 0.5) correct++;
    return { acc: correct / data.n, sq, ce };
  });
}

function recordHistory(state: SaturationState): void {
  for (const run of state.runs) {
    const e = evaluateRun(state, run);
    run.acc.push(state.step, e.acc);
    run.sq.push(state.step, e.sq);
  }
}

/** One full-batch step of one run on its own loss (squared error of σ(z), or cross-entropy from the logits). */
function trainRun(state: SaturationState, run: Run): void {
  const { data } = state;
  run.optimizer.zeroGrad();
  const logits = run.model.forward(state.inputs); // [n, 1]
  const loss = run.name === 'mse' ? mse(sigmoid(logits), data.y) : binaryCrossEntropy(logits, data.y); // []
  loss.backward();
  run.optimizer.step();
}

function stepSaturation(state: SaturationState, n: number): void {
  const { runs } = state;
  for (let k = 0; k < n && state.diverged === null; k++) {
    for (const run of runs) trainRun(state, run);
    state.step++;
    recordHistory(state);
    if (!runs.every((r) => r.model.parameters().every((p) => allFinite(p.data))))
      state.diverged = `a weight became non-finite at step ${state.step}`;
  }
}

function saturationMetrics(state: SaturationState): Metrics {
  const [a, b] = state.runs.map((run) => evaluateRun(state, run));
  return {
    step: state.step,
    epoch: state.step,
    loss: b.ce,
    accMse: a.acc,
    accBce: b.acc,
    sqMse: a.sq,
    sqBce: b.sq,
    ceMse: a.ce,
    ceBce: b.ce,
  };
}

function saturationViews(state: SaturationState, wanted: readonly string[]): Partial<SaturationViews> {
  const out: Partial<SaturationViews> = {};
  if (wanted.includes('history')) {
    const [a, b] = state.runs;
    out.history = {
      accMse: a.acc.toInterleaved(),
      accBce: b.acc.toInterleaved(),
      sqMse: a.sq.toInterleaved(),
      sqBce: b.sq.toInterleaved(),
    };
  }
  return out;
}

export function createSaturation(params: ParamValues, seed: number): Trainer<SaturationViews> {
  const state = buildSaturationState(params, seed);
  recordHistory(state);
  return {
    step: (n) => stepSaturation(state, n),
    metrics: () => saturationMetrics(state),
    views: (wanted) => saturationViews(state, wanted),
    set: learningRateSetter(saturationParams, () => state.runs.map((r) => r.optimizer)),
    divergence: () => state.diverged,
  };
}

export const saturationExperiment: Experiment<SaturationViews> = {
  id: 'loss-saturation',
  title: 'Squared error vs cross-entropy from a confidently wrong start',
  params: saturationParams,
  create: createSaturation,
};
