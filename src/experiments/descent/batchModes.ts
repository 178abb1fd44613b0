import { Rng } from '../../core/random';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { PointRecorder, isDiverging } from './recorder';
import { lineData, lineGradient, lineLoss, lineLossGrid } from './regression';

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
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.1,
    min: 0.001,
    max: 1.5,
    step: 0.001,
    scale: 'log',
    live: true,
  },
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

export function createBatchModes(params: ParamValues, seed: number): Trainer {
  const n = Number(params.samples);
  const miniSize = Math.max(1, Math.min(Number(params.batch), n));
  let alpha = Number(params.lr);
  let pace = String(params.pace);
  const data = lineData(n, seed);
  const initialLoss = lineLoss(data, START.w, START.b);
  let diverged: string | null = null;
  let steps = 0;

  const sizes: Record<ModeId, number> = { batch: n, mini: miniSize, sgd: 1 };
  const runs: Run[] = MODE_IDS.map((id) => {
    const run: Run = {
      id,
      batchSize: sizes[id],
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
  });

  /** One update of one run on its next batch. Returns false if it diverged. */
  function update(run: Run): boolean {
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
    if (isDiverging(run.loss, initialLoss) || !Number.isFinite(run.w) || !Number.isFinite(run.b)) {
      diverged = `The ${label(run.id)} run diverged at iteration ${run.iterations}: α = ${alpha} is too large for it. Lower α and press Reset.`;
      return false;
    }
    run.path.push(run.w, run.b);
    run.byIteration.push(run.iterations, run.loss);
    run.byEpoch.push(run.samplesSeen / n, run.loss);
    return true;
  }

  let grid: ReturnType<typeof lineLossGrid> | null = null;

  return {
    step(count) {
      for (let k = 0; k < count && diverged === null; k++) {
        for (const run of runs) {
          if (pace === 'data') {
            run.budget += miniSize;
            while (run.budget >= Math.min(run.batchSize, n - run.cursor) && diverged === null) {
              run.budget -= Math.min(run.batchSize, n - run.cursor);
              if (!update(run)) return;
            }
          } else if (!update(run)) return;
        }
        steps++;
      }
    },
    metrics(): Metrics {
      const [batch, mini, sgd] = runs;
      return {
        step: steps,
        epoch: Math.floor(mini.samplesSeen / n),
        loss: mini.loss,
        lossBatch: batch.loss,
        lossMini: mini.loss,
        lossSgd: sgd.loss,
        itersBatch: batch.iterations,
        itersMini: mini.iterations,
        itersSgd: sgd.iterations,
      };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('runs')) {
        const out: Record<string, Views[string]> = {};
        for (const run of runs) {
          out[run.id] = {
            batchSize: run.batchSize,
            itersPerEpoch: iterationsPerEpoch(n, run.batchSize),
            iterations: run.iterations,
            epochs: run.samplesSeen / n,
            loss: run.loss,
            w: run.w,
            b: run.b,
          };
        }
        views.runs = { ...out, samples: n, pace };
      }
      for (const run of runs) {
        if (wanted.includes('paths')) {
          const paths = (views.paths ?? {}) as Record<string, Float32Array>;
          paths[run.id] = run.path.toInterleaved([run.w, run.b]);
          views.paths = paths;
        }
        if (wanted.includes('curves')) {
          const curves = (views.curves ?? {}) as Record<
            string,
            { byIteration: Float32Array; byEpoch: Float32Array }
          >;
          curves[run.id] = {
            byIteration: run.byIteration.toInterleaved(),
            byEpoch: run.byEpoch.toInterleaved(),
          };
          views.curves = curves;
        }
      }
      if (wanted.includes('grid')) {
        grid ??= lineLossGrid(data);
        views.grid = { ...grid, values: grid.values.slice() };
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if (name === 'lr' && typeof value === 'number') alpha = value;
      if (name === 'pace' && typeof value === 'string') {
        pace = value;
        for (const run of runs) run.budget = 0;
      }
    },
    divergence() {
      return diverged;
    },
  };
}

function label(id: ModeId): string {
  return id === 'batch' ? 'batch' : id === 'mini' ? 'mini-batch' : 'stochastic';
}

export const batchModesExperiment: Experiment = {
  id: 'descent-batch',
  title: 'Batch, mini-batch and stochastic gradient descent',
  params: batchModesParams,
  create: createBatchModes,
};
