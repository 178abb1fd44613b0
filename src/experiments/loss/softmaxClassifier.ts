/**
 * Steps 3 and 6: softmax + cross-entropy on a three-class plane, trained by full-batch gradient descent.
 * The model is an MLP 2 → hidden (tanh) → 3 logits (no hidden layer = multinomial logistic regression); the loss is
 * the core's crossEntropy from logits, L = −(1/N) Σᵢ log h_{yᵢ}(xᵢ).
 *
 * `sign = dropped` trains on the loss with its minus sign removed, +(1/N) Σᵢ log h_{yᵢ}(xᵢ) — the slip in the source
 * notes. Minimising that pushes every true-class probability towards 0. The `loss` read-out is always the correctly
 * signed cross-entropy, so in that mode it climbs; `objective` is what the optimiser actually minimises.
 *
 * Views (types in views.ts):
 *   probs       class probabilities on a GRID_SIZE² grid over PLANE²: values[(j·nx + i)·3 + c] (Grid2D, k = 3)
 *   points      x [n, 2] row-major, y [n] class indices
 *   pointProbs  h(xᵢ) for every training point, [n, 3] row-major
 */
import { noGrad } from '../../core/autograd';
import { crossEntropy } from '../../core/losses';
import { MLP } from '../../core/nn/linear';
import { softmax } from '../../core/ops/activations';
import { scale } from '../../core/ops/elementwise';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { Tensor } from '../../core/tensor';
import { learningRateSetter } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { SoftmaxViews } from './views';
import {
  GRID_SIZE,
  PLANE,
  allFinite,
  planeGridPoints,
  threeBlobs,
  threeSpirals,
  type LabelledPoints,
} from './data';
import { learningRateParam } from '../paramSpecs';

export const CLASSES = 3;

export const softmaxParams: ParamTable = [
  {
    name: 'dataset',
    label: 'Dataset',
    type: 'enum',
    default: 'blobs',
    options: [
      { value: 'blobs', label: 'Three blobs' },
      { value: 'spiral', label: 'Three spirals' },
    ],
    live: false,
  },
  {
    name: 'hidden',
    label: 'Hidden neurons',
    type: 'int',
    default: 8,
    min: 0,
    max: 32,
    live: false,
    help: '0 = no hidden layer: the logits are a linear function of the input.',
  },
  learningRateParam({ default: 0.5, min: 0.001, max: 5 }),
  {
    name: 'sign',
    label: 'Loss sign',
    type: 'enum',
    default: 'correct',
    options: [
      { value: 'correct', label: '−Σ y log h (correct)' },
      { value: 'dropped', label: '+Σ y log h (minus dropped)' },
    ],
    live: false,
    help: 'Drop the minus to see what the slip in the notes would train.',
  },
];

export const SOFTMAX_POINTS = 150;

/** Everything a softmax run mutates: the network and its optimiser, the step count and the cached read-outs. */
interface SoftmaxState {
  data: LabelledPoints;
  model: MLP;
  weights: Tensor[];
  optimizer: SGD;
  /** 1 for the correct cross-entropy, −1 for the slip with the minus dropped. */
  signFactor: number;
  /** Training points [n, 2] and the probability grid's points [g², 2] as tensors. */
  inputs: Tensor;
  gridInputs: Tensor;
  step: number;
  diverged: string | null;
  cached: { step: number; metrics: Metrics } | null;
}

function buildSoftmaxState(params: ParamValues, seed: number): SoftmaxState {
  const root = new Rng(seed);
  const dataSeed = root.nextU32();
  const initSeed = root.nextU32();
  const data =
    params.dataset === 'spiral'
      ? threeSpirals(SOFTMAX_POINTS, dataSeed)
      : threeBlobs(SOFTMAX_POINTS, dataSeed);
  const hidden = params.hidden as number;
  const model = new MLP(
    { sizes: hidden > 0 ? [2, hidden, CLASSES] : [2, CLASSES], activation: 'tanh' },
    initSeed,
  );
  const weights = model.parameters();
  return {
    data,
    model,
    weights,
    optimizer: new SGD(weights, { lr: params.lr as number }),
    signFactor: params.sign === 'dropped' ? -1 : 1,
    inputs: new Tensor(data.x, [data.n, 2]),
    gridInputs: new Tensor(planeGridPoints(), [GRID_SIZE * GRID_SIZE, 2]),
    step: 0,
    diverged: null,
    cached: null,
  };
}

/** n full-batch steps on the (possibly sign-flipped) objective; stops at a non-finite loss or weight. */
function stepSoftmax(state: SoftmaxState, n: number): void {
  const { model, optimizer, inputs, data, weights } = state;
  for (let k = 0; k < n && state.diverged === null; k++) {
    optimizer.zeroGrad();
    const ce = crossEntropy(model.forward(inputs), data.y); // []
    const objective = state.signFactor === 1 ? ce : scale(ce, -1); // [] what gradient descent minimises
    const value = objective.item();
    if (!Number.isFinite(value)) {
      state.diverged = `the loss became ${value} at step ${state.step + 1}`;
      return;
    }
    objective.backward();
    optimizer.step();
    state.step++;
    if (!weights.every((w) => allFinite(w.data)))
      state.diverged = `a weight became non-finite at step ${state.step}`;
  }
}

/** Correctly signed cross-entropy, accuracy and mean true-class probability (cached per step). */
function softmaxMetrics(state: SoftmaxState): Metrics {
  const { step, data } = state;
  if (state.cached?.step === step) return state.cached.metrics;
  const { loss, probs } = noGrad(() => {
    const logits = state.model.forward(state.inputs); // [n, 3]
    return { loss: crossEntropy(logits, data.y).item(), probs: softmax(logits).data };
  });
  let correct = 0;
  let pTrue = 0;
  for (let i = 0; i < data.n; i++) {
    const row = probs.subarray(i * CLASSES, (i + 1) * CLASSES);
    const truth = data.y[i];
    pTrue += row[truth];
    if (row.every((p, c) => c === truth || p < row[truth])) correct++;
  }
  const metrics: Metrics = {
    step,
    epoch: step,
    loss,
    accuracy: correct / data.n,
    pTrue: pTrue / data.n,
    objective: state.signFactor * loss,
  };
  state.cached = { step, metrics };
  return metrics;
}

function softmaxViews(state: SoftmaxState, wanted: readonly string[]): Partial<SoftmaxViews> {
  const { model, data } = state;
  const out: Partial<SoftmaxViews> = {};
  if (wanted.includes('probs')) {
    const values = noGrad(() => softmax(model.forward(state.gridInputs)).data.slice()); // [g², 3]
    out.probs = {
      values,
      nx: GRID_SIZE,
      ny: GRID_SIZE,
      x0: PLANE[0],
      x1: PLANE[1],
      y0: PLANE[0],
      y1: PLANE[1],
    };
  }
  if (wanted.includes('points')) out.points = { x: data.x.slice(), y: data.y.slice() };
  // h(xᵢ) for the training points, [n, 3].
  if (wanted.includes('pointProbs'))
    out.pointProbs = noGrad(() => softmax(model.forward(state.inputs)).data.slice());
  return out;
}

export function createSoftmaxClassifier(params: ParamValues, seed: number): Trainer<SoftmaxViews> {
  const state = buildSoftmaxState(params, seed);
  return {
    step: (n) => stepSoftmax(state, n),
    metrics: () => softmaxMetrics(state),
    views: (wanted) => softmaxViews(state, wanted),
    set: learningRateSetter(softmaxParams, () => [state.optimizer]),
    divergence: () => state.diverged,
  };
}

export const softmaxClassifierExperiment: Experiment<SoftmaxViews> = {
  id: 'loss-softmax',
  title: 'Softmax + cross-entropy on three classes',
  params: softmaxParams,
  create: createSoftmaxClassifier,
};
