/**
 * Step 4, vanishing gradients: a deep, narrow MLP (2–12 hidden layers) trained with plain SGD on a 2-D set, with the
 * gradient norm ‖∂L/∂W⁽ˡ⁾‖₂ of every layer's weights measured at each step. With the sigmoid the norms shrink by a
 * factor of several per layer towards the input; with ReLU they stay within a small factor of each other.
 * Init follows usual practice: Xavier for sigmoid/tanh, He for ReLU.
 */
import { BatchSampler, Rng, sgd } from '../../core';
import { learningRateSetter } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { DepthViews } from './views';
import { CurveRecorder } from './curve';
import { ActivationNet, usualInit } from './net';
import {
  PLANE_TASK_PARAM,
  addPlaneViews,
  evaluate,
  makePlaneTask,
  trainTaskStep,
  type Evaluation,
  type TaskTrainingState,
} from './task';
import type { ActivationName } from './functions';
import { learningRateParam } from '../paramSpecs';
import { intParam } from '../paramValues';

export const depthParams: ParamTable = [
  {
    name: 'depth',
    label: 'Hidden layers',
    type: 'int',
    live: false,
    default: 8,
    min: 2,
    max: 12,
    help: 'Depth of the network; each layer multiplies the gradient by one more factor on its way back.',
  },
  {
    name: 'act',
    label: 'Activation',
    type: 'enum',
    live: false,
    default: 'sigmoid',
    options: [
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'tanh', label: 'tanh' },
      { value: 'relu', label: 'ReLU' },
    ],
  },
  { name: 'width', label: 'Neurons per layer', type: 'int', live: false, default: 8, min: 2, max: 16 },
  learningRateParam({ default: 0.1, min: 0.001, max: 3, step: 0.001 }),
  PLANE_TASK_PARAM,
];

const BATCH = 16;
/** Smoothing of the per-layer norms shown in the bar chart (exponential moving average over steps). */
const EMA = 0.9;

/** Everything a depth run mutates: the network, the batch order, the per-layer gradient norms and the loss curve. */
interface DepthState extends TaskTrainingState {
  /** Hidden layers + output layer. */
  layers: number;
  /** Per-layer ‖∂L/∂W‖₂ of the last step, and their moving average. */
  latest: Float64Array;
  smoothed: Float64Array;
  /** Train, test loss. */
  curve: CurveRecorder;
  sampledAt: number;
  cached: { train: Evaluation; test: Evaluation };
}

/** Builds the data, the network and the batch order; the seed draws happen in a fixed order (task, weights, batches). */
function buildDepthState(params: ParamValues, seed: number): DepthState {
  const rng = new Rng(seed);
  const task = makePlaneTask(params.task, rng.nextU32());
  const depth = intParam(params, 'depth', 8, 2, 12);
  const width = intParam(params, 'width', 8, 2, 16);
  const act: ActivationName = params.act === 'tanh' || params.act === 'relu' ? params.act : 'sigmoid';
  const sizes = [task.inDim, ...Array.from({ length: depth }, () => width), 1];
  const model = new ActivationNet(
    { sizes, activations: Array.from({ length: depth }, () => act), init: usualInit(act) },
    rng.nextU32(),
  );
  const opt = sgd(model.parameters(), { lr: typeof params.lr === 'number' ? params.lr : 0.1 });
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize: BATCH }, rng.nextU32());
  const layers = depth + 1;
  return {
    task,
    model,
    opt,
    sampler,
    layers,
    latest: new Float64Array(layers),
    smoothed: new Float64Array(layers),
    curve: new CurveRecorder(2),
    steps: 0,
    epoch: 0,
    diverged: null,
    sampledAt: -1,
    cached: { train: evaluate(task, model, task.train), test: evaluate(task, model, task.test) },
  };
}

/** Train and test losses at the current step (cached per step; also extends the loss curves). */
function sample(state: DepthState): { train: Evaluation; test: Evaluation } {
  if (state.sampledAt === state.steps) return state.cached;
  const { task, model } = state;
  state.cached = { train: evaluate(task, model, task.train), test: evaluate(task, model, task.test) };
  state.sampledAt = state.steps;
  state.curve.push(state.steps, state.cached.train.loss, state.cached.test.loss);
  return state.cached;
}

/** Records this step's per-layer weight-gradient norms (the first step seeds the moving average). */
function recordGradNorms(state: DepthState): void {
  const norms = state.model.weightGradNorms();
  for (let l = 0; l < state.layers; l++) {
    state.latest[l] = norms[l];
    state.smoothed[l] = state.steps === 0 ? norms[l] : EMA * state.smoothed[l] + (1 - EMA) * norms[l];
  }
}

function stepDepth(state: DepthState, n: number): void {
  const options = {
    lossHint: 'Lower the learning rate and press Reset.',
    beforeUpdate: () => recordGradNorms(state),
  };
  for (let k = 0; k < n && state.diverged === null; k++) trainTaskStep(state, options);
}

function depthMetrics(state: DepthState): Metrics {
  const { steps, smoothed, layers } = state;
  const { train, test } = sample(state);
  const m: Metrics = { step: steps, epoch: state.epoch, loss: train.loss, valLoss: test.loss };
  if (train.accuracy !== undefined) m.accuracy = train.accuracy;
  if (steps > 0) {
    m.gradFirst = smoothed[0];
    m.gradLast = smoothed[layers - 1];
    if (smoothed[0] > 0) m.gradRatio = smoothed[layers - 1] / smoothed[0];
  }
  return m;
}

function depthViews(state: DepthState, wanted: readonly string[]): Partial<DepthViews> {
  const { task, model } = state;
  const views: Partial<DepthViews> = {};
  // [depth + 1]: layer 1 (input side) … output layer; 'gradNorms' smoothed, 'gradNormsStep' this step only.
  if (wanted.includes('gradNorms')) views.gradNorms = state.smoothed.slice();
  if (wanted.includes('gradNormsStep')) views.gradNormsStep = state.latest.slice();
  if (wanted.includes('curves')) {
    sample(state);
    const { x, ys } = state.curve.view();
    views.curves = { x, train: ys[0], test: ys[1] };
  }
  addPlaneViews(task, model, wanted, views);
  return views;
}

export function createDepth(params: ParamValues, seed: number): Trainer<DepthViews> {
  const state = buildDepthState(params, seed);
  return {
    step: (n) => stepDepth(state, n),
    metrics: () => depthMetrics(state),
    views: (wanted) => depthViews(state, wanted),
    set: learningRateSetter(depthParams, () => [state.opt]),
    divergence: () => state.diverged,
  };
}

export const depthExperiment: Experiment<DepthViews> = {
  id: 'activations-depth',
  title: 'Vanishing gradients in a deep MLP',
  params: depthParams,
  create: createDepth,
};
