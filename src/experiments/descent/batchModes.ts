import { Rng } from '../../core/random';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import { liveLearningRate } from '../params';
import { PointRecorder, isDiverging } from './recorder';
import { lineData, lineGradient, lineLoss, lineLossGrid } from './regression';
import type { BatchModesViews, BatchRunsView, ModeRunView } from './views';
import { learningRateParam } from '../paramSpecs';

/**
 * Gradient-descent step 1: the same line model h(x) = wx + b, the same data, start and seed, trained three ways:
 * batch (B = n), mini-batch (B from the slider) and stochastic (B = 1). Each epoch shuffles the data (seeded) and
 * walks it in batches of B, so iterations per epoch = ⌈n / B⌉ — exactly n / B when B divides n (500 / 50 = 10).
 *
 * Pace 'updates': every trainer step makes one update in each run (compare per iteration).
 * Pace 'data': every trainer step feeds each run the same number of samples (one mini-batch worth), so batch GD
 * updates only once per n samples and SGD many times (compare per sample seen).
 */
export const batchModesParams: ParamTable = [
  { name: 'samples', label: 'Dataset size n', type: 'int', default: 500, min: 10, max: 2000, live: false },
  {
    name: 'batch',
    label: 'Mini-batch size B',
    type: 'int',
    default: 50,
    min: 1,
    max: 2000,
    live: false,
    help: 'Samples per update for the mini-batch run (capped at n).',
  },
  learningRateParam({ default: 0.1, min: 0.001, max: 1.5, step: 0.001 }),
  {
    name: 'pace',
    label: 'Compare by',
    type: 'enum',
    default: 'data',
    options: [
      { value: 'updates', label: 'the same number of updates' },
      { value: 'data', label: 'the same amount of data' },
    ],
    live: true,
  },
];

export const MODE_IDS = ['batch', 'mini', 'sgd'] as const;
export type ModeId = (typeof MODE_IDS)[number];

export const START = { w: -2, b: 2.5 } as const;

/** Iterations in one epoch for n samples in batches of B: n / B, rounded up when the last batch is partial. */
export function iterationsPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / Math.max(1, Math.min(batchSize, n)));
}

interface Run {
  id: ModeId;
  batchSize: number;
  w: number;
  b: number;
  perm: Int32Array;
  cursor: number;
  rng: Rng;
  iterations: number;
  samplesSeen: number;
  /** Samples fed but not yet used (pace 'data'). */
  budget: number;
  loss: number;
  path: PointRecorder;
  byIteration: PointRecorder;
  byEpoch: PointRecorder;
}

/** Everything a batch-modes run mutates: the three runs, the live settings and the divergence message. */
interface BatchModesState {
  n: number;
  miniSize: number;
  alpha: number;
  pace: string;
  data: ReturnType<typeof lineData>;
  initialLoss: number;
  runs: Run[];
  diverged: string | null;
  steps: number;
  /** The loss surface, computed on first request. */
  grid: ReturnType<typeof lineLossGrid> | null;
}

function makeRun(id: ModeId, batchSize: number, n: number, seed: number, initialLoss: number): Run {
  const run: Run = {
    id,
    batchSize,
    w: START.w,
    b: START.b,
    perm: new Int32Array(n),
    cursor: 0,
    // The same seed for every run's shuffle stream: the only difference between runs is B.
    rng: new Rng(seed ^ 0x5bd1e995),
    iterations: 0,
    samplesSeen: 0,
    budget: 0,
    loss: initialLoss,
    path: new PointRecorder(1024),
    byIteration: new PointRecorder(1024),
    byEpoch: new PointRecorder(1024),
  };
  for (let i = 0; i < n; i++) run.perm[i] = i;
  run.path.push(run.w, run.b);
  run.byIteration.push(0, initialLoss);
  run.byEpoch.push(0, initialLoss);
  return run;
}

function buildBatchModesState(params: ParamValues, seed: number): BatchModesState {
  const n = params.samples as number;
  const miniSize = Math.max(1, Math.min(params.batch as number, n));
  const data = lineData(n, seed);
  const initialLoss = lineLoss(data, START.w, START.b);
  const sizes: Record<ModeId, number> = { batch: n, mini: miniSize, sgd: 1 };
  return {
    n,
    miniSize,
    alpha: params.lr as number,
    pace: params.pace as string,
    data,
    initialLoss,
    runs: MODE_IDS.map((id) => makeRun(id, sizes[id], n, seed, initialLoss)),
    diverged: null,
    steps: 0,
    grid: null,
  };
}

/** One update of one run on its next batch. Returns false if it diverged. */
function updateRun(state: BatchModesState, run: Run): boolean {
  const { n, data, alpha } = state;
  if (run.cursor === 0) run.rng.shuffle(run.perm);
  const from = run.cursor;
  const to = Math.min(n, from + run.batchSize);
  const [gw, gb] = lineGradient(data, run.w, run.b, run.perm, from, to);
  run.w -= alpha * gw;
  run.b -= alpha * gb;
  run.cursor = to >= n ? 0 : to;
  run.iterations++;
  run.samplesSeen += to - from;
  run.loss = lineLoss(data, run.w, run.b);
  if (isDiverging(run.loss, state.initialLoss) || !Number.isFinite(run.w) || !Number.isFinite(run.b)) {
    state.diverged = `The ${label(run.id)} run diverged at iteration ${run.iterations}: α = ${alpha} is too large for it. Lower α and press Reset.`;
    return false;
  }
  run.path.push(run.w, run.b);
  run.byIteration.push(run.iterations, run.loss);
  run.byEpoch.push(run.samplesSeen / n, run.loss);
  return true;
}

/**
 * `count` steps. Pace 'updates': every run makes one update a step. Pace 'data': every run is fed the mini-batch's
 * worth of samples a step and updates as often as that budget allows. Returns early on divergence.
 */
function stepBatchModes(state: BatchModesState, count: number): void {
  const { n, miniSize, runs } = state;
  for (let k = 0; k < count && state.diverged === null; k++) {
    for (const run of runs) {
      if (state.pace === 'data') {
        run.budget += miniSize;
        while (run.budget >= Math.min(run.batchSize, n - run.cursor) && state.diverged === null) {
          run.budget -= Math.min(run.batchSize, n - run.cursor);
          if (!updateRun(state, run)) return;
        }
      } else if (!updateRun(state, run)) return;
    }
    state.steps++;
  }
}

function batchModesMetrics(state: BatchModesState): Metrics {
  const [batch, mini, sgd] = state.runs;
  return {
    step: state.steps,
    epoch: Math.floor(mini.samplesSeen / state.n),
    loss: mini.loss,
    lossBatch: batch.loss,
    lossMini: mini.loss,
    lossSgd: sgd.loss,
    itersBatch: batch.iterations,
    itersMini: mini.iterations,
    itersSgd: sgd.iterations,
  };
}

/** `f` of each mode's run, by mode id. */
function perMode<T>(runs: readonly Run[], f: (run: Run) => T): Record<ModeId, T> {
  const of = (id: ModeId) => {
    const run = runs.find((r) => r.id === id);
    if (!run) throw new Error(`batch modes: no ${id} run`);
    return f(run);
  };
  return { batch: of('batch'), mini: of('mini'), sgd: of('sgd') };
}

/** The table's read-outs: each run's batch size, progress and position. */
function runsView(state: BatchModesState): BatchRunsView {
  const { n } = state;
  const modeRun = (run: Run): ModeRunView => ({
    batchSize: run.batchSize,
    itersPerEpoch: iterationsPerEpoch(n, run.batchSize),
    iterations: run.iterations,
    epochs: run.samplesSeen / n,
    loss: run.loss,
    w: run.w,
    b: run.b,
  });
  return { ...perMode(state.runs, modeRun), samples: n, pace: state.pace };
}

function batchModesViews(state: BatchModesState, wanted: readonly string[]): Partial<BatchModesViews> {
  const views: Partial<BatchModesViews> = {};
  if (wanted.includes('runs')) views.runs = runsView(state);
  if (wanted.includes('paths'))
    views.paths = perMode(state.runs, (run) => run.path.toInterleaved([run.w, run.b]));
  if (wanted.includes('curves')) {
    views.curves = perMode(state.runs, (run) => ({
      byIteration: run.byIteration.toInterleaved(),
      byEpoch: run.byEpoch.toInterleaved(),
    }));
  }
  if (wanted.includes('grid')) {
    state.grid ??= lineLossGrid(state.data);
    views.grid = { ...state.grid, values: state.grid.values.slice() };
  }
  return views;
}

function setBatchModes(state: BatchModesState, name: string, value: ParamValue): void {
  const lr = liveLearningRate(batchModesParams, name, value);
  if (lr !== null) state.alpha = lr;
  if (name === 'pace' && typeof value === 'string') {
    state.pace = value;
    for (const run of state.runs) run.budget = 0;
  }
}

export function createBatchModes(params: ParamValues, seed: number): Trainer<BatchModesViews> {
  const state = buildBatchModesState(params, seed);
  return {
    step: (count) => stepBatchModes(state, count),
    metrics: () => batchModesMetrics(state),
    views: (wanted) => batchModesViews(state, wanted),
    set: (name, value) => setBatchModes(state, name, value),
    divergence: () => state.diverged,
  };
}

function label(id: ModeId): string {
  return id === 'batch' ? 'batch' : id === 'mini' ? 'mini-batch' : 'stochastic';
}

export const batchModesExperiment: Experiment<BatchModesViews> = {
  id: 'descent-batch',
  title: 'Batch, mini-batch and stochastic gradient descent',
  params: batchModesParams,
  create: createBatchModes,
};
