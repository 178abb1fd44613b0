/**
 * Step 2 and step 8 (playground): two networks of the same shape, trained side by side from the same seed on the
 * same batches, differing only in their activations. Network A has one activation per hidden layer (a1…a4);
 * network B uses `actB` in every hidden layer ('off' trains A alone). Both start from identical weights: one init
 * scheme (Xavier) for both, so the activation is the only difference.
 */
import { BatchSampler, Rng, adam, gatherRows, sgd, tensor, type Optimizer, type Tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { CompareViews } from './views';
import { learningRateSetter } from '../params';
import { ACTIVATIONS, ACTIVATION_NAMES, isActivationName, type ActivationName } from './functions';
import { CurveRecorder } from './curve';
import { ActivationNet } from './net';
import { TASK_OPTIONS, evaluate, makeTask, outputField, taskLoss, type Task } from './task';
import { learningRateParam } from '../paramSpecs';
import { intParam, numberParam } from '../paramValues';

export const MAX_DEPTH = 4;
const ACT_OPTIONS = ACTIVATION_NAMES.map((value) => ({ value, label: ACTIVATIONS[value].label }));

export const compareParams: ParamTable = [
  { name: 'task', label: 'Dataset', type: 'enum', live: false, default: 'circle', options: TASK_OPTIONS },
  {
    name: 'noise',
    label: 'Noise',
    type: 'number',
    live: false,
    default: 0.05,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'Standard deviation of the jitter added to the data.',
  },
  {
    name: 'test',
    label: 'Test fraction',
    type: 'number',
    live: false,
    default: 0.2,
    min: 0,
    max: 0.5,
    step: 0.05,
    help: 'Share of the points held out to measure the test loss.',
  },
  { name: 'depth', label: 'Hidden layers', type: 'int', live: false, default: 2, min: 1, max: MAX_DEPTH },
  { name: 'width', label: 'Neurons per layer', type: 'int', live: false, default: 6, min: 1, max: 8 },
  ...Array.from({ length: MAX_DEPTH }, (_, i) => ({
    name: `a${i + 1}`,
    label: `A: layer ${i + 1} activation`,
    type: 'enum' as const,
    live: false,
    default: 'tanh',
    options: ACT_OPTIONS,
  })),
  {
    name: 'actB',
    label: 'B: activation (all layers)',
    type: 'enum',
    live: false,
    default: 'relu',
    options: [{ value: 'off', label: 'off (A only)' }, ...ACT_OPTIONS],
  },
  learningRateParam({ default: 0.03, min: 0.001, max: 3, step: 0.001 }),
  { name: 'batch', label: 'Batch size', type: 'int', live: false, default: 10, min: 1, max: 64 },
  {
    name: 'opt',
    label: 'Optimiser',
    type: 'enum',
    live: false,
    default: 'sgd',
    options: [
      { value: 'sgd', label: 'gradient descent (SGD)' },
      { value: 'adam', label: 'Adam' },
    ],
  },
];

/** Points per dataset (before the split) and figure resolution. */
const N_POINTS_2D = 200;
const N_POINTS_1D = 80;
export const GRID_N = 40;
export const FIT_N = 121;

interface Run {
  label: 'A' | 'B';
  model: ActivationNet;
  opt: Optimizer;
  lastBatchLoss: number;
  diverged: string | null;
}

function actParam(params: ParamValues, name: string, fallback: ActivationName): ActivationName {
  const v = params[name];
  return typeof v === 'string' && isActivationName(v) ? v : fallback;
}

/** Everything one comparison run mutates: the data, both networks, the batch order and the loss history. */
interface CompareState {
  task: Task;
  runs: Run[];
  sampler: BatchSampler;
  /** Reused batch buffers (one allocation per run, not per step). */
  xBuf: Float32Array;
  yBuf: Float32Array;
  /** Train A, train B, test A, test B. */
  curve: CurveRecorder;
  steps: number;
  epoch: number;
  sampledAt: number;
  cached: { a: RunLosses; b: RunLosses | null } | null;
}

type RunLosses = ReturnType<typeof evalRun>;

/** Builds the task and both networks; the seed draws happen in a fixed order (task, weights, batches). */
function buildCompareState(params: ParamValues, seed: number): CompareState {
  const rng = new Rng(seed);
  const taskName = typeof params.task === 'string' ? params.task : 'circle';
  const regression = ['sine', 'step', 'abs'].includes(taskName);
  const task: Task = makeTask(
    taskName,
    {
      n: regression ? N_POINTS_1D : N_POINTS_2D,
      noise: numberParam(params, 'noise', 0.05),
      testFraction: numberParam(params, 'test', 0.2),
    },
    rng.nextU32(),
  );
  const depth = intParam(params, 'depth', 2, 1, MAX_DEPTH);
  const width = intParam(params, 'width', 6, 1, 8);
  const sizes = [task.inDim, ...Array.from({ length: depth }, () => width), 1];
  const actsA = Array.from({ length: depth }, (_, i) => actParam(params, `a${i + 1}`, 'tanh'));
  const actB = params.actB === 'off' ? null : actParam(params, 'actB', 'relu');
  const initSeed = rng.nextU32(); // the same initial weights for both networks
  const lr = numberParam(params, 'lr', 0.03);

  const makeRun = (label: 'A' | 'B', acts: ActivationName[]): Run => {
    const model = new ActivationNet({ sizes, activations: acts, init: 'xavierUniform' }, initSeed);
    const opt = params.opt === 'adam' ? adam(model.parameters(), { lr }) : sgd(model.parameters(), { lr });
    return { label, model, opt, lastBatchLoss: NaN, diverged: null };
  };
  const runs: Run[] = [makeRun('A', actsA)];
  if (actB)
    runs.push(
      makeRun(
        'B',
        Array.from({ length: depth }, () => actB),
      ),
    );

  const batchSize = intParam(params, 'batch', 10, 1, 64);
  const sampler = new BatchSampler(task.train.n, { mode: 'minibatch', batchSize }, rng.nextU32());
  return {
    task,
    runs,
    sampler,
    xBuf: new Float32Array(batchSize * task.inDim),
    yBuf: new Float32Array(batchSize),
    curve: new CurveRecorder(4),
    steps: 0,
    epoch: 0,
    sampledAt: -1,
    cached: null,
  };
}

function evalRun(task: Task, run: Run) {
  return { train: evaluate(task, run.model, task.train), test: evaluate(task, run.model, task.test) };
}

/** Full-set losses at the current step (cached per step; also extends the loss curves). */
function sampleLosses(state: CompareState): { a: RunLosses; b: RunLosses | null } {
  if (state.cached && state.sampledAt === state.steps) return state.cached;
  const a = evalRun(state.task, state.runs[0]);
  const b = state.runs[1] ? evalRun(state.task, state.runs[1]) : null;
  state.cached = { a, b };
  state.sampledAt = state.steps;
  state.curve.push(state.steps, a.train.loss, b?.train.loss ?? 0, a.test.loss, b?.test.loss ?? 0);
  return state.cached;
}

function compareDivergence(state: CompareState): string | null {
  return state.runs.find((r) => r.diverged)?.diverged ?? null;
}

/** One update of one network on the batch; marks the run diverged (and returns false) on a non-finite loss or weight. */
function trainRunOnBatch(state: CompareState, run: Run, x: Tensor, y: Float32Array): boolean {
  run.opt.zeroGrad();
  const loss = taskLoss(state.task, run.model.forward(x), y); // scalar
  loss.backward();
  run.lastBatchLoss = loss.item();
  if (!Number.isFinite(run.lastBatchLoss)) {
    run.diverged = `Network ${run.label}'s loss became ${run.lastBatchLoss} at step ${state.steps + 1}: the learning rate is too high for it. Lower α and press Reset.`;
    return false;
  }
  run.opt.step();
  if (!run.model.allFinite()) {
    run.diverged = `Network ${run.label}'s weights overflowed at step ${state.steps + 1}. Lower α and press Reset.`;
    return false;
  }
  return true;
}

/** n steps: both networks see the same batch each step; stops at the first divergence. */
function stepCompare(state: CompareState, n: number): void {
  const { task, sampler, xBuf, yBuf, runs } = state;
  for (let k = 0; k < n && compareDivergence(state) === null; k++) {
    const batch = sampler.next();
    const size = batch.indices.length;
    const x = tensor(
      gatherRows(task.train.x, task.inDim, batch.indices, xBuf.subarray(0, size * task.inDim)),
      [size, task.inDim],
    ); // [B, in]
    const y = gatherRows(task.train.y, 1, batch.indices, yBuf.subarray(0, size)); // [B]
    for (const run of runs) if (!trainRunOnBatch(state, run, x, y)) break;
    if (compareDivergence(state) !== null) break;
    state.steps++;
    state.epoch = batch.epoch;
  }
}

function compareMetrics(state: CompareState): Metrics {
  const { a, b } = sampleLosses(state);
  const m: Metrics = { step: state.steps, epoch: state.epoch, loss: a.train.loss, valLoss: a.test.loss };
  if (a.train.accuracy !== undefined) m.accuracy = a.train.accuracy;
  if (a.test.accuracy !== undefined) m.valAccuracy = a.test.accuracy;
  if (b) {
    m.lossB = b.train.loss;
    m.valLossB = b.test.loss;
    if (b.train.accuracy !== undefined) m.accuracyB = b.train.accuracy;
    if (b.test.accuracy !== undefined) m.valAccuracyB = b.test.accuracy;
  }
  return m;
}

function compareViews(state: CompareState, wanted: readonly string[]): Partial<CompareViews> {
  const { task, runs, curve } = state;
  const views: Partial<CompareViews> = {};
  if (wanted.includes('data')) {
    views.data = {
      kind: task.kind,
      inDim: task.inDim,
      trainX: task.train.x.slice(),
      trainY: task.train.y.slice(),
      testX: task.test.x.slice(),
      testY: task.test.y.slice(),
    };
  }
  if (wanted.includes('fields')) {
    const n = task.kind === 'classify' ? GRID_N : FIT_N;
    views.fields = {
      kind: task.kind,
      n,
      a: outputField(task, runs[0].model, n),
      ...(runs[1] ? { b: outputField(task, runs[1].model, n) } : {}),
    };
  }
  if (wanted.includes('curves')) {
    sampleLosses(state);
    const { x, ys } = curve.view();
    views.curves = { x, trainA: ys[0], trainB: ys[1], testA: ys[2], testB: ys[3], hasB: runs.length > 1 };
  }
  if (wanted.includes('weights')) {
    views.weights = runs.map((r) => ({
      label: r.label,
      acts: [...r.model.activations],
      layers: r.model.weightView(),
    }));
  }
  return views;
}

export function createCompare(params: ParamValues, seed: number): Trainer<CompareViews> {
  const state = buildCompareState(params, seed);
  return {
    step: (n) => stepCompare(state, n),
    metrics: () => compareMetrics(state),
    views: (wanted) => compareViews(state, wanted),
    set: learningRateSetter(compareParams, () => state.runs.map((r) => r.opt)),
    divergence: () => compareDivergence(state),
  };
}

export const compareExperiment: Experiment<CompareViews> = {
  id: 'activations-compare',
  title: 'Two activations side by side (same seed)',
  params: compareParams,
  create: createCompare,
};
