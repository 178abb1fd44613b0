import { BatchSampler, gatherRows } from '../../core/data/batching';
import { dataset2D, type Dataset2D } from '../../core/data/datasets2d';
import { binaryCrossEntropy } from '../../core/losses';
import { MLP } from '../../core/nn/linear';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { tensor, type Tensor } from '../../core/tensor';
import { dataset2DOptions, learningRateParam } from '../paramSpecs';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import { FlatLossEvaluator, flatLayout, flatten, type FlatLayout } from './flatMlp';
import {
  computeSlice,
  filterNormalize,
  principalDirections,
  projectOntoPlane,
  type Slice,
} from './lossSlice';
import { liveLearningRate } from '../params';
import type { LandscapeViews, SliceView } from './views';

/**
 * Backprop step 5: the loss landscape of the network being trained. A 2-8-8-1 tanh MLP (the core's MLP, autodiff,
 * SGD) learns a 2D dataset; every `every` steps a 2D slice of its loss is computed around the current weights θ*:
 *
 *   f(s, t) = L(θ* + s·δ + t·η),  s, t ∈ [−r, r],  on a 41 × 41 grid,
 *
 * with δ, η two seeded Gaussian directions, filter-normalised as in Li et al. (2018), "Visualizing the Loss
 * Landscape of Neural Nets": for every neuron, the slice of the direction that touches it (its incoming weights and
 * its bias) is rescaled to the norm of the same slice of θ*. The training path (snapshots of θ) is projected onto
 * the plane by least squares. The grid is evaluated with a plain float64 forward pass over flat weights (no tape, no
 * allocation per point) — 1,681 full-dataset losses — so it is cheap enough for the worker to redo every few steps.
 */
export const SIZES = [2, 8, 8, 1] as const;

export const landscapeParams: ParamTable = [
  {
    name: 'dataset',
    label: 'Dataset',
    type: 'enum',
    default: 'circle',
    options: dataset2DOptions({ circle: 'Circle', xor: 'XOR', gaussians: 'Two blobs', spiral: 'Spiral' }),
    live: false,
  },
  learningRateParam({ default: 0.1, min: 0.001, max: 3, step: 0.001 }),
  { name: 'batch', label: 'Batch size', type: 'int', default: 20, min: 1, max: 200, live: false },
  {
    name: 'every',
    label: 'Recompute slice every',
    type: 'int',
    default: 25,
    min: 1,
    max: 500,
    unit: 'steps',
    live: true,
  },
  {
    name: 'plane',
    label: 'Directions',
    type: 'enum',
    default: 'random',
    options: [
      { value: 'random', label: 'random (filter-normalised)' },
      { value: 'pca', label: 'principal, of the path (PCA)' },
    ],
    live: true,
    help: 'Two random directions show the landscape around the weights; the two principal directions of the training path (PCA) show where training actually went.',
  },
  {
    name: 'range',
    label: 'Slice half-width r',
    type: 'number',
    default: 1,
    min: 0.1,
    max: 3,
    step: 0.1,
    live: true,
  },
];

const MAX_SNAPSHOTS = 256;

/** The slice's plane and half-width in direction units. */
interface Plane {
  d1: Float64Array;
  d2: Float64Array;
  halfWidth: number;
  /** Share of the path's variance the PCA plane explains (NaN for random directions). */
  explained: number;
}

/**
 * The plane through the training path's two principal directions. They are unit vectors, so the window is sized to
 * the path (at least 0.1 so a short path still shows terrain), scaled by the `range` setting. Null when the path is
 * too short to have two directions.
 */
function pcaPlane(snapshots: readonly Float64Array[], theta: Float64Array, range: number): Plane | null {
  const rows = snapshots.map((s) => s.map((v, i) => v - theta[i]));
  const pcs = principalDirections(rows);
  if (!pcs) return null;
  let extent = 0;
  for (const row of rows) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < row.length; i++) {
      a += row[i] * pcs.d1[i];
      b += row[i] * pcs.d2[i];
    }
    extent = Math.max(extent, Math.abs(a), Math.abs(b));
  }
  return { d1: pcs.d1, d2: pcs.d2, halfWidth: Math.max(0.1, 1.3 * extent) * range, explained: pcs.explained };
}

/** A slice as the trainer keeps it: with the settings it was taken for and its plane's explained variance. */
type TakenSlice = Slice & { plane: PlaneKind; explained: number };

/** Which directions span the slice (the 'plane' parameter). */
type PlaneKind = SliceView['plane'];

/**
 * The slice around `theta`: on the PCA plane of the path when asked for and possible, else on the two raw random
 * directions filter-normalised to `theta`.
 */
function takeSlice(
  at: { layout: FlatLayout; data: Dataset2D; theta: Float64Array; step: number },
  raw: readonly [Float64Array, Float64Array],
  path: readonly Float64Array[],
  view: { plane: PlaneKind; range: number },
): TakenSlice {
  const { layout, data, theta, step } = at;
  const pca = view.plane === 'pca' ? pcaPlane(path, theta, view.range) : null;
  const d1 = pca ? pca.d1 : filterNormalize(raw[0], theta, layout);
  const d2 = pca ? pca.d2 : filterNormalize(raw[1], theta, layout);
  const halfWidth = pca ? pca.halfWidth : view.range;
  const explained = pca ? pca.explained : Number.NaN;
  return { ...computeSlice(layout, theta, data, d1, d2, halfWidth, step), ...view, explained };
}

/** The `slice` view: the loss grid with its window and how it was taken. */
function sliceView(s: TakenSlice): SliceView {
  return {
    values: s.values.slice(),
    nx: s.n,
    ny: s.n,
    x0: -s.halfWidth,
    x1: s.halfWidth,
    y0: -s.halfWidth,
    y1: s.halfWidth,
    plane: s.plane,
    explained: Number.isFinite(s.explained) ? s.explained : -1,
    step: s.step,
    ms: s.ms,
    min: s.min,
    max: s.max,
    centerLoss: s.values[((s.n - 1) / 2) * s.n + (s.n - 1) / 2],
  };
}

/** The `path` view: every snapshot, then the current weights, projected onto the slice's plane, [x0, y0, x1, …]. */
function pathView(s: Slice, thetas: readonly Float64Array[]): Float32Array {
  const pts = new Float32Array(2 * thetas.length);
  const diff = new Float64Array(s.center.length);
  thetas.forEach((theta, i) => {
    for (let p = 0; p < diff.length; p++) diff[p] = theta[p] - s.center[p];
    const [a, b] = projectOntoPlane(diff, s.d1, s.d2);
    pts[2 * i] = a;
    pts[2 * i + 1] = b;
  });
  return pts;
}

/**
 * Snapshots of θ along the training path for the PCA plane, at most MAX_SNAPSHOTS: when full, every other one is
 * dropped and the stride between them doubles, so they always span the whole run.
 */
class PathSnapshots {
  list: { step: number; theta: Float64Array }[];
  private stride = 1;

  constructor(theta: Float64Array) {
    this.list = [{ step: 0, theta }];
  }

  /** Called at every slice step (`step % every === 0`). */
  offer(step: number, every: number, theta: () => Float64Array) {
    if (step % (every * this.stride) !== 0) return;
    this.list.push({ step, theta: theta() });
    if (this.list.length > MAX_SNAPSHOTS) {
      this.list = this.list.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  thetas(): Float64Array[] {
    return this.list.map((x) => x.theta);
  }
}

/** Share of points on the right side of the boundary, from logits [n]. */
function accuracyOf(logits: Float64Array, data: Dataset2D): number {
  let right = 0;
  for (let i = 0; i < data.n; i++) if (logits[i] > 0 === (data.y[i] === 1)) right++;
  return right / data.n;
}

/** One mini-batch SGD step; returns the batch loss, and steps only when it is finite. */
function sgdStep(model: MLP, opt: SGD, sampler: BatchSampler, data: Dataset2D): number {
  const batch = sampler.next();
  const x: Tensor = tensor(gatherRows(data.x, 2, batch.indices), [batch.indices.length, 2]); // [B, 2]
  const y = gatherRows(data.y, 1, batch.indices); // [B]
  opt.zeroGrad();
  const loss = binaryCrossEntropy(model.forward(x), y); // scalar
  loss.backward();
  const value = loss.item();
  if (Number.isFinite(value)) opt.step();
  return value;
}

/** How the slice is taken, all live: every how many steps, how wide, and on which plane. */
interface SliceSettings {
  every: number;
  range: number;
  plane: PlaneKind;
}

/** Two fixed raw directions for the whole run; they are re-normalised to the current weights at each slice. */
function rawDirections(layout: FlatLayout, seed: number): readonly [Float64Array, Float64Array] {
  const dirRng = new Rng(seed ^ 0x2545f491);
  const direction = () => new Float64Array(layout.total).map(() => dirRng.normal());
  return [direction(), direction()] as const;
}

/** The slice settings a run starts with (the table has validated them). */
function sliceSettings(params: ParamValues): SliceSettings {
  return { every: params.every as number, range: params.range as number, plane: params.plane as PlaneKind };
}

/** A live change of a slice setting (other names are left alone); the table has validated the value. */
function setSliceSetting(settings: SliceSettings, name: string, value: ParamValue): void {
  if (name === 'plane') settings.plane = value as PlaneKind;
  if (typeof value !== 'number') return;
  if (name === 'every') settings.every = value;
  if (name === 'range') settings.range = value;
}

export function createLandscape(params: ParamValues, seed: number): Trainer<LandscapeViews> {
  const data = dataset2D(params.dataset as string, { n: 200, noise: 0.05 }, seed);
  const model = new MLP({ sizes: SIZES, activation: 'tanh' }, seed);
  const layout: FlatLayout = flatLayout(SIZES);
  const opt = new SGD(model.parameters(), { lr: params.lr as number });
  const sampler = new BatchSampler(
    data.n,
    { mode: 'minibatch', batchSize: params.batch as number },
    seed + 1,
  );
  const settings = sliceSettings(params);
  const raw = rawDirections(layout, seed);

  let step = 0;
  let epoch = 0;
  let diverged: string | null = null;
  const snapshots = new PathSnapshots(flatten(model, layout));
  let slice: TakenSlice | null = null;
  let sliceDue = true;

  const evaluator = new FlatLossEvaluator(layout, data);
  const fullLoss = () => evaluator.loss(flatten(model, layout));
  let lastLoss = fullLoss();
  let lastAccuracy = accuracyOf(evaluator.lastLogits(), data);

  /** One mini-batch SGD step; false (and `diverged` set) when the loss is no longer finite. */
  function trainStep(): boolean {
    const value = sgdStep(model, opt, sampler, data);
    if (!Number.isFinite(value)) {
      diverged = `The loss became ${value} at step ${step + 1}: lower the learning rate and press Reset.`;
      return false;
    }
    step++;
    epoch = Math.floor(step / sampler.iterationsPerEpoch);
    if (step % settings.every === 0) {
      sliceDue = true;
      snapshots.offer(step, settings.every, () => flatten(model, layout));
    }
    return true;
  }

  /** The slice for the current settings, recomputed when due or when its range or plane changed. */
  function currentSlice(): TakenSlice {
    if (!sliceDue && slice !== null && slice.range === settings.range && slice.plane === settings.plane)
      return slice;
    const at = { layout, data, theta: flatten(model, layout), step };
    slice = takeSlice(at, raw, snapshots.thetas(), { plane: settings.plane, range: settings.range });
    sliceDue = false;
    return slice;
  }

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) if (!trainStep()) return;
      lastLoss = fullLoss();
      lastAccuracy = accuracyOf(evaluator.lastLogits(), data);
    },
    metrics(): Metrics {
      return { step, epoch, loss: lastLoss, accuracy: lastAccuracy };
    },
    views(wanted) {
      const views: Partial<LandscapeViews> = {};
      if (!wanted.includes('slice') && !wanted.includes('path')) return views;
      const s = currentSlice();
      if (wanted.includes('slice')) views.slice = sliceView(s);
      if (wanted.includes('path')) views.path = pathView(s, [...snapshots.thetas(), flatten(model, layout)]);
      return views;
    },
    set(name: string, value: ParamValue) {
      const lr = liveLearningRate(landscapeParams, name, value);
      if (lr !== null) opt.lr = lr;
      setSliceSetting(settings, name, value);
    },
    divergence() {
      return diverged;
    },
  };
}

export const landscapeExperiment: Experiment<LandscapeViews> = {
  id: 'descent-landscape',
  title: 'Loss-surface slice of a 2-8-8-1 MLP',
  params: landscapeParams,
  create: createLandscape,
};
