import { BatchSampler, gatherRows } from '../../core/data/batching';
import { dataset2D, type Dataset2D } from '../../core/data/datasets2d';
import { binaryCrossEntropy } from '../../core/losses';
import { MLP } from '../../core/nn/linear';
import { SGD } from '../../core/optim';
import { Rng } from '../../core/random';
import { tensor, type Tensor } from '../../core/tensor';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';

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
export const SLICE_N = 41;

export const landscapeParams: ParamTable = [
  {
    name: 'dataset',
    label: 'Dataset',
    type: 'enum',
    default: 'circle',
    options: [
      { value: 'circle', label: 'Circle' },
      { value: 'xor', label: 'XOR' },
      { value: 'gaussians', label: 'Two blobs' },
      { value: 'spiral', label: 'Spiral' },
    ],
    live: false,
  },
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.1,
    min: 0.001,
    max: 3,
    step: 0.001,
    scale: 'log',
    live: true,
  },
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
      { value: 'random', label: 'two random directions (filter-normalised)' },
      { value: 'pca', label: 'the two main directions of the training path (PCA)' },
    ],
    live: true,
    help: 'Random directions show the landscape around the weights; PCA directions show where training actually went.',
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

/** Flat layout of an MLP's parameters: per layer, W [out, in] row-major, then b [out]. */
export interface FlatLayout {
  sizes: readonly number[];
  /** Offset of each layer's W and b in the flat vector. */
  wOffset: number[];
  bOffset: number[];
  total: number;
}

export function flatLayout(sizes: readonly number[]): FlatLayout {
  const wOffset: number[] = [];
  const bOffset: number[] = [];
  let o = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    wOffset.push(o);
    o += sizes[l] * sizes[l + 1];
    bOffset.push(o);
    o += sizes[l + 1];
  }
  return { sizes, wOffset, bOffset, total: o };
}

/** Copies the MLP's weights into a flat float64 vector (layout above). */
export function flatten(model: MLP, layout: FlatLayout, out = new Float64Array(layout.total)): Float64Array {
  model.layers.forEach((layer, l) => {
    out.set(layer.weight.data, layout.wOffset[l]);
    if (layer.bias) out.set(layer.bias.data, layout.bOffset[l]);
  });
  return out;
}

/**
 * tanh through one exp: V8's Math.tanh costs several times more than Math.exp, and the slice evaluates 16 of them
 * per sample per grid point. Absolute error ≤ 1e-15 (checked against Math.tanh in the tests).
 */
export function fastTanh(z: number): number {
  if (z > 20) return 1;
  if (z < -20) return -1;
  const e = Math.exp(2 * z);
  return (e - 1) / (e + 1);
}

/**
 * Mean binary cross-entropy (from logits) of a tanh MLP with identity output, on flat weights θ + s·d1 + t·d2.
 * Evaluated layer by layer over the whole dataset (tight loops over typed arrays, no allocation per call once the
 * evaluator exists) — the slice calls it 1,681 times per refresh.
 */
export class FlatLossEvaluator {
  private readonly w: Float64Array;
  private readonly acts: Float64Array[];

  constructor(
    private readonly layout: FlatLayout,
    private readonly data: Dataset2D,
  ) {
    this.w = new Float64Array(layout.total);
    this.acts = layout.sizes.map((width) => new Float64Array(width * data.n)); // [n, width] per layer
    const x0 = this.acts[0];
    for (let i = 0; i < 2 * data.n; i++) x0[i] = data.x[i];
  }

  loss(theta: Float64Array, d1?: Float64Array, s = 0, d2?: Float64Array, t = 0): number {
    const { layout, data, w, acts } = this;
    const P = layout.total;
    if (d1 && d2) for (let i = 0; i < P; i++) w[i] = theta[i] + s * d1[i] + t * d2[i];
    else for (let i = 0; i < P; i++) w[i] = theta[i];
    const N = data.n;
    const L = layout.sizes.length - 1;
    for (let l = 0; l < L; l++) {
      const nIn = layout.sizes[l];
      const nOut = layout.sizes[l + 1];
      const wo = layout.wOffset[l];
      const bo = layout.bOffset[l];
      const input = acts[l]; // [N, nIn]
      const output = acts[l + 1]; // [N, nOut]
      const hidden = l < L - 1;
      for (let n = 0; n < N; n++) {
        const ib = n * nIn;
        const ob = n * nOut;
        for (let j = 0; j < nOut; j++) {
          let z = w[bo + j];
          const row = wo + j * nIn;
          for (let k = 0; k < nIn; k++) z += w[row + k] * input[ib + k];
          output[ob + j] = hidden ? fastTanh(z) : z;
        }
      }
    }
    const logits = acts[L]; // [N, 1]
    let total = 0;
    for (let n = 0; n < N; n++) {
      const z = logits[n];
      total += (z > 0 ? z : 0) - z * data.y[n] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return total / N;
  }

  /** Logits of the last evaluation, [n]. */
  lastLogits(): Float64Array {
    return this.acts[this.acts.length - 1];
  }
}

/** One-off convenience (tests): the mean BCE of flat weights theta on data. */
export function flatLoss(layout: FlatLayout, theta: Float64Array, data: Dataset2D): number {
  return new FlatLossEvaluator(layout, data).loss(theta);
}

/**
 * Filter normalisation (Li et al. 2018) for an MLP: for each neuron j of each layer, the direction's entries for
 * that neuron's incoming weights and bias are scaled to have the same Euclidean norm as θ's. Returns a new vector.
 */
export function filterNormalize(raw: Float64Array, theta: Float64Array, layout: FlatLayout): Float64Array {
  const d = new Float64Array(raw.length);
  for (let l = 0; l + 1 < layout.sizes.length; l++) {
    const nIn = layout.sizes[l];
    const nOut = layout.sizes[l + 1];
    for (let j = 0; j < nOut; j++) {
      const idx: number[] = [];
      for (let k = 0; k < nIn; k++) idx.push(layout.wOffset[l] + j * nIn + k);
      idx.push(layout.bOffset[l] + j);
      let nd = 0;
      let nt = 0;
      for (const i of idx) {
        nd += raw[i] * raw[i];
        nt += theta[i] * theta[i];
      }
      const f = nd > 0 ? Math.sqrt(nt / nd) : 0;
      for (const i of idx) d[i] = raw[i] * f;
    }
  }
  return d;
}

/** Least-squares coordinates (s, t) of v in the plane spanned by d1, d2. */
export function projectOntoPlane(v: Float64Array, d1: Float64Array, d2: Float64Array): [number, number] {
  let a = 0;
  let b = 0;
  let c = 0;
  let p = 0;
  let q = 0;
  for (let i = 0; i < v.length; i++) {
    a += d1[i] * d1[i];
    b += d1[i] * d2[i];
    c += d2[i] * d2[i];
    p += d1[i] * v[i];
    q += d2[i] * v[i];
  }
  const det = a * c - b * b;
  if (!(Math.abs(det) > 1e-300)) return [0, 0];
  return [(c * p - b * q) / det, (a * q - b * p) / det];
}

export interface Slice {
  values: Float32Array;
  n: number;
  /** The requested half-width setting (for PCA planes the window is scaled to the path). */
  range: number;
  /** Actual half-width of the window in direction units. */
  halfWidth: number;
  /** Training step at which the slice was taken. */
  step: number;
  /** Milliseconds the 41 × 41 evaluation took (where a clock is available). */
  ms: number;
  min: number;
  max: number;
  d1: Float64Array;
  d2: Float64Array;
  center: Float64Array;
}

const now = (): number =>
  (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

/** Evaluates the full n × n slice around theta. */
export function computeSlice(
  layout: FlatLayout,
  theta: Float64Array,
  data: Dataset2D,
  d1: Float64Array,
  d2: Float64Array,
  range: number,
  step: number,
  n = SLICE_N,
): Slice {
  const t0 = now();
  const values = new Float32Array(n * n);
  const evaluator = new FlatLossEvaluator(layout, data);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const t = -range + (2 * range * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      const s = -range + (2 * range * i) / (n - 1);
      const v = evaluator.loss(theta, d1, s, d2, t);
      values[j * n + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return {
    values,
    n,
    range,
    halfWidth: range,
    step,
    ms: now() - t0,
    min,
    max,
    d1,
    d2,
    center: theta.slice(),
  };
}

/**
 * The two principal directions of the rows of `m` (each row θᵢ − θ*, one per snapshot), as unit vectors, plus the
 * share of the total variance they explain (Li et al. 2018, §7: random directions miss the path, PCA ones catch it).
 * Power iteration on the small Gram matrix M Mᵀ (k × k, k ≤ 257 snapshots), deflated once; deterministic.
 */
export function principalDirections(
  rows: readonly Float64Array[],
): { d1: Float64Array; d2: Float64Array; explained: number } | null {
  const k = rows.length;
  const p = k > 0 ? rows[0].length : 0;
  if (k < 2 || p < 2) return null;
  const G = new Float64Array(k * k);
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let dot = 0;
      for (let q = 0; q < p; q++) dot += rows[i][q] * rows[j][q];
      G[i * k + j] = dot;
      G[j * k + i] = dot;
    }
    trace += G[i * k + i];
  }
  if (!(trace > 0)) return null;
  const top = (): { u: Float64Array; lambda: number } => {
    let u = Float64Array.from({ length: k }, (_, i) => 1 + 0.01 * ((i * 7919) % 13));
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const v = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += G[i * k + j] * u[j];
        v[i] = s;
      }
      const norm = Math.hypot(...v);
      if (!(norm > 0)) return { u, lambda: 0 };
      lambda = norm;
      for (let i = 0; i < k; i++) v[i] /= norm;
      u = v;
    }
    return { u, lambda };
  };
  const toDirection = (u: Float64Array): Float64Array => {
    const d = new Float64Array(p);
    for (let i = 0; i < k; i++) for (let q = 0; q < p; q++) d[q] += u[i] * rows[i][q];
    const norm = Math.hypot(...d);
    if (norm > 0) for (let q = 0; q < p; q++) d[q] /= norm;
    return d;
  };
  const first = top();
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) G[i * k + j] -= first.lambda * first.u[i] * first.u[j];
  const second = top();
  const d1 = toDirection(first.u);
  const d2 = toDirection(second.u);
  // Orthogonalise d2 against d1 (round-off), so coordinates are plain dot products.
  let c = 0;
  for (let q = 0; q < p; q++) c += d1[q] * d2[q];
  for (let q = 0; q < p; q++) d2[q] -= c * d1[q];
  const n2 = Math.hypot(...d2);
  if (n2 > 0) for (let q = 0; q < p; q++) d2[q] /= n2;
  return { d1, d2, explained: Math.min(1, (first.lambda + second.lambda) / trace) };
}

const MAX_SNAPSHOTS = 256;

export function createLandscape(params: ParamValues, seed: number): Trainer {
  const data = dataset2D(String(params.dataset), { n: 200, noise: 0.05 }, seed);
  const model = new MLP({ sizes: SIZES, activation: 'tanh' }, seed);
  const layout = flatLayout(SIZES);
  const opt = new SGD(model.parameters(), { lr: Number(params.lr) });
  const sampler = new BatchSampler(data.n, { mode: 'minibatch', batchSize: Number(params.batch) }, seed + 1);
  let every = Number(params.every);
  let range = Number(params.range);
  let plane = String(params.plane) === 'pca' ? 'pca' : 'random';
  let explained = Number.NaN;
  // Two fixed raw directions for the whole run; they are re-normalised to the current weights at each slice.
  const dirRng = new Rng(seed ^ 0x2545f491);
  const raw1 = new Float64Array(layout.total).map(() => dirRng.normal());
  const raw2 = new Float64Array(layout.total).map(() => dirRng.normal());

  let step = 0;
  let epoch = 0;
  let diverged: string | null = null;
  let snapshots: { step: number; theta: Float64Array }[] = [{ step: 0, theta: flatten(model, layout) }];
  let snapshotStride = 1;
  let slice: (Slice & { plane: string }) | null = null;
  let sliceDue = true;

  const evaluator = new FlatLossEvaluator(layout, data);
  const fullLoss = () => evaluator.loss(flatten(model, layout));
  let lastLoss = fullLoss();
  let lastAccuracy = accuracy();

  /** Share of points on the right side of the boundary, from the logits of the last full evaluation. */
  function accuracy(): number {
    const logits = evaluator.lastLogits();
    let right = 0;
    for (let i = 0; i < data.n; i++) if (logits[i] > 0 === (data.y[i] === 1)) right++;
    return right / data.n;
  }

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        const batch = sampler.next();
        const x: Tensor = tensor(gatherRows(data.x, 2, batch.indices), [batch.indices.length, 2]); // [B, 2]
        const y = gatherRows(data.y, 1, batch.indices); // [B]
        opt.zeroGrad();
        const loss = binaryCrossEntropy(model.forward(x), y); // scalar
        loss.backward();
        const value = loss.item();
        if (!Number.isFinite(value)) {
          diverged = `The loss became ${value} at step ${step + 1}: lower the learning rate and press Reset.`;
          return;
        }
        opt.step();
        step++;
        epoch = Math.floor(step / sampler.iterationsPerEpoch);
        if (step % every === 0) {
          sliceDue = true;
          if (step % (every * snapshotStride) === 0) {
            snapshots.push({ step, theta: flatten(model, layout) });
            if (snapshots.length > MAX_SNAPSHOTS) {
              snapshots = snapshots.filter((_, i) => i % 2 === 0);
              snapshotStride *= 2;
            }
          }
        }
      }
      lastLoss = fullLoss();
      lastAccuracy = accuracy();
    },
    metrics(): Metrics {
      return { step, epoch, loss: lastLoss, accuracy: lastAccuracy };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('slice') || wanted.includes('path')) {
        if (sliceDue || slice === null || slice.range !== range || slice.plane !== plane) {
          const theta = flatten(model, layout);
          let d1 = filterNormalize(raw1, theta, layout);
          let d2 = filterNormalize(raw2, theta, layout);
          let r = range;
          explained = Number.NaN;
          if (plane === 'pca') {
            const rows = snapshots.map((x) => x.theta.map((v, i) => v - theta[i]));
            const pcs = principalDirections(rows);
            if (pcs) {
              d1 = pcs.d1;
              d2 = pcs.d2;
              explained = pcs.explained;
              // Unit directions: the window is sized to the path (at least 0.1 so a short path still shows terrain).
              let extent = 0;
              for (const row of rows) {
                let a = 0;
                let b = 0;
                for (let i = 0; i < row.length; i++) {
                  a += row[i] * d1[i];
                  b += row[i] * d2[i];
                }
                extent = Math.max(extent, Math.abs(a), Math.abs(b));
              }
              r = Math.max(0.1, 1.3 * extent) * range;
            }
          }
          slice = { ...computeSlice(layout, theta, data, d1, d2, r, step), range, plane };
          sliceDue = false;
        }
        const s = slice;
        if (wanted.includes('slice')) {
          views.slice = {
            values: s.values.slice(),
            nx: s.n,
            ny: s.n,
            x0: -s.halfWidth,
            x1: s.halfWidth,
            y0: -s.halfWidth,
            y1: s.halfWidth,
            plane: s.plane,
            explained: Number.isFinite(explained) ? explained : -1,
            step: s.step,
            ms: s.ms,
            min: s.min,
            max: s.max,
            centerLoss: s.values[((s.n - 1) / 2) * s.n + (s.n - 1) / 2],
          };
        }
        if (wanted.includes('path')) {
          const pts = new Float32Array(2 * (snapshots.length + 1));
          const diff = new Float64Array(layout.total);
          const current = flatten(model, layout);
          [...snapshots.map((x) => x.theta), current].forEach((theta, i) => {
            for (let p = 0; p < diff.length; p++) diff[p] = theta[p] - s.center[p];
            const [a, b] = projectOntoPlane(diff, s.d1, s.d2);
            pts[2 * i] = a;
            pts[2 * i + 1] = b;
          });
          views.path = pts;
        }
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if (name === 'plane') plane = value === 'pca' ? 'pca' : 'random';
      if (typeof value !== 'number') return;
      if (name === 'lr') opt.lr = value;
      if (name === 'every') every = Math.max(1, Math.round(value));
      if (name === 'range') range = value;
    },
    divergence() {
      return diverged;
    },
  };
}

export const landscapeExperiment: Experiment = {
  id: 'descent-landscape',
  title: 'Loss-surface slice of a 2-8-8-1 MLP',
  params: landscapeParams,
  create: createLandscape,
};
