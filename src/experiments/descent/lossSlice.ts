/**
 * A 2D slice of a loss landscape around weights θ* (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets"):
 * the plane's directions (filter-normalised random ones, or the training path's principal directions), the loss on an
 * n × n grid over it, and points projected onto it by least squares.
 */
import type { Dataset2D } from '../../core/data/datasets2d';
import { FlatLossEvaluator, type FlatLayout } from './flatMlp';

export const SLICE_N = 41;

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
