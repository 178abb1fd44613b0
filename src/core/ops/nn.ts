/**
 * Neural-network ops: normalisation, dropout, attention.
 *
 *   op             forward                                     backward (g = dL/dy, x̂ = normalised input)
 *   layerNorm      y = γ·x̂ + β, x̂ = (x − μ)/√(σ² + ε) per row   dγ += Σ g·x̂   dβ += Σ g
 *                  (over the last axis)                         dx += r·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)), ĝ = g·γ, r = 1/√(σ²+ε)
 *   batchNorm      the same per channel (last axis) over the    training: as layerNorm, but means over the batch
 *                  batch; eval: running μ, σ² (constants)       eval: dx += g·γ·r
 *   dropout        y = x·m, m ∈ {0, 1/(1−p)} (inverted)         dx += g·m
 *   maskedScale    y = s·x, −∞ above the causal diagonal and    dx += s·g where not masked
 *                  at padded keys
 *   attention      softmax(maskedScale(Q·Kᵀ, 1/√d_k)) · V      (composite: matmul, maskedScale, softmax, matmul)
 */
import { gradOf, record, tracks } from '../autograd';
import { acquire } from '../pool';
import type { Rng } from '../random';
import { outTensor, type Tensor } from '../tensor';
import { softmax } from './activations';
import { matmul } from './matmul';

export { addLayerNorm, layerNorm } from './layerNorm';

export interface BatchNormState {
  /** Running mean per channel [C] (updated in place while training). */
  runningMean: Float32Array;
  /** Running (unbiased) variance per channel [C]. */
  runningVar: Float32Array;
}

export interface BatchNormOptions {
  training: boolean;
  /** Running-average rate (default 0.1: new = 0.9·old + 0.1·batch). */
  momentum?: number;
  eps?: number;
}

/**
 * Training statistics: per channel the batch mean and r = 1/√(σ² + ε) (biased σ², as normalised), written into mean
 * and rstd [C]; the running statistics move towards the batch's (unbiased variance, rate `momentum`).
 */
function batchStatistics(
  a: Float32Array,
  N: number,
  C: number,
  eps: number,
  momentum: number,
  state: BatchNormState,
  mean: Float64Array,
  rstd: Float64Array,
): void {
  if (N < 2) throw new Error('batchNorm: training needs at least 2 samples per channel');
  for (let r = 0; r < N; r++) for (let c = 0; c < C; c++) mean[c] += a[r * C + c];
  for (let c = 0; c < C; c++) mean[c] /= N;
  const v = new Float64Array(C);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < C; c++) {
      const d = a[r * C + c] - mean[c];
      v[c] += d * d;
    }
  }
  const m = momentum;
  for (let c = 0; c < C; c++) {
    rstd[c] = 1 / Math.sqrt(v[c] / N + eps);
    state.runningMean[c] = (1 - m) * state.runningMean[c] + m * mean[c];
    state.runningVar[c] = (1 - m) * state.runningVar[c] + (m * v[c]) / (N - 1);
  }
}

/**
 * batchNorm's backward, adding into whichever grads exist. Training: the batch statistics depend on x, so dx gets the
 * layerNorm-like correction; evaluation: the running statistics are constants, dx = g·γ·r.
 */
function batchNormBackward(
  g: Float32Array,
  gx: Float32Array | null,
  gg: Float32Array | null,
  gb: Float32Array | null,
  gm: Float32Array,
  xhat: Float32Array,
  rstd: Float64Array,
  N: number,
  C: number,
  training: boolean,
): void {
  const m1 = new Float64Array(C);
  const m2 = new Float64Array(C);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < C; c++) {
      const i = r * C + c;
      if (gg) gg[c] += g[i] * xhat[i];
      if (gb) gb[c] += g[i];
      const dh = g[i] * gm[c];
      m1[c] += dh;
      m2[c] += dh * xhat[i];
    }
  }
  if (!gx) return;
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < C; c++) {
      const i = r * C + c;
      const dh = g[i] * gm[c];
      gx[i] += training ? rstd[c] * (dh - m1[c] / N - (xhat[i] * m2[c]) / N) : rstd[c] * dh;
    }
  }
}

/**
 * Batch normalisation over every axis but the last (channels last): x [N, C] or [B, T, C]. Training: batch statistics
 * (and the running ones are updated); evaluation: running statistics.
 */
export function batchNorm(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  state: BatchNormState,
  options: BatchNormOptions,
): Tensor {
  const C = x.shape[x.ndim - 1];
  if (
    gamma.size !== C ||
    beta.size !== C ||
    state.runningMean.length !== C ||
    state.runningVar.length !== C
  ) {
    throw new Error(`batchNorm: gamma, beta and running statistics must have ${C} values`);
  }
  const N = C === 0 ? 0 : x.size / C;
  const eps = options.eps ?? 1e-5;
  const training = options.training;
  const tracked = tracks(x, gamma, beta);
  const out = outTensor(x.shape, tracked);
  const y = out.data;
  const a = x.data;
  const gm = gamma.data;
  const bt = beta.data;
  const mean = new Float64Array(C);
  const rstd = new Float64Array(C);
  if (training) batchStatistics(a, N, C, eps, options.momentum ?? 0.1, state, mean, rstd);
  else {
    for (let c = 0; c < C; c++) {
      mean[c] = state.runningMean[c];
      rstd[c] = 1 / Math.sqrt(state.runningVar[c] + eps);
    }
  }
  const xhat = tracked ? acquire(x.size) : new Float32Array(x.size);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < C; c++) {
      const i = r * C + c;
      const h = (a[i] - mean[c]) * rstd[c];
      xhat[i] = h;
      y[i] = gm[c] * h + bt[c];
    }
  }
  if (tracked) {
    out.aux = xhat;
    record(out, 'batchNorm', [x, gamma, beta], () =>
      batchNormBackward(out.grad!, gradOf(x), gradOf(gamma), gradOf(beta), gm, xhat, rstd, N, C, training),
    );
  }
  return out;
}

export interface DropoutOptions {
  training: boolean;
  /**
   * 'inverted' (default): scale kept units by 1/(1−p) while training, identity at inference.
   * 'classic': keep units unscaled while training, scale by the keep probability 1−p at inference.
   */
  mode?: 'inverted' | 'classic';
}

/** Drop each unit with probability p (seeded mask from rng) while training. */
export function dropout(x: Tensor, p: number, rng: Rng, options: DropoutOptions): Tensor {
  const rate = Number.isFinite(p) ? Math.max(0, Math.min(0.99, p)) : 0;
  const classic = options.mode === 'classic';
  if (!options.training) {
    if (!classic || rate === 0) return x;
    return maskedMul(x, null, 1 - rate);
  }
  if (rate === 0) return x;
  const tracked = tracks(x);
  const mask = tracked ? acquire(x.size) : new Float32Array(x.size);
  const keep = classic ? 1 : 1 / (1 - rate);
  for (let i = 0; i < x.size; i++) mask[i] = rng.next() < rate ? 0 : keep;
  return maskedMul(x, mask, 1);
}

/** y = x·mask·s (mask null = all ones). The mask, when given, becomes the output's aux (recycled with it). */
function maskedMul(x: Tensor, mask: Float32Array | null, s: number): Tensor {
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  const y = out.data;
  const a = x.data;
  const n = x.size;
  if (mask === null) for (let i = 0; i < n; i++) y[i] = a[i] * s;
  else for (let i = 0; i < n; i++) y[i] = a[i] * mask[i] * s;
  if (tracked) {
    out.aux = mask;
    record(out, 'dropout', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      if (mask === null) for (let i = 0; i < n; i++) gx[i] += g[i] * s;
      else for (let i = 0; i < n; i++) gx[i] += g[i] * mask[i] * s;
    });
  }
  return out;
}

/** Which keys each query may see, beyond the causal rule. */
export interface KeyMask {
  /** [B, Tk] row-major: 0 = hidden (padding), anything else = visible. */
  mask: ArrayLike<number>;
  /** Score matrices per batch row, e.g. the number of heads for scores [B, heads, Tq, Tk]. */
  matricesPerRow: number;
}

/**
 * y = s·x over [..., Tq, Tk]; with `causal`, positions j > i + (Tk − Tq) (the future) become −∞, and so do keys
 * hidden by `keyMask` (padding), so a softmax gives them weight 0. A row with every key hidden gets all zeros.
 */
export function maskedScale(x: Tensor, s: number, causal: boolean, keyMask?: KeyMask): Tensor {
  const Tk = x.shape[x.ndim - 1];
  const Tq = x.shape[x.ndim - 2];
  const mats = Tq * Tk === 0 ? 0 : x.size / (Tq * Tk);
  const shift = Tk - Tq;
  const km = keyMask?.mask ?? null;
  const per = keyMask?.matricesPerRow ?? 1;
  if (km !== null && km.length * per !== mats * Tk) {
    throw new Error(
      `maskedScale: key mask of ${km.length} values does not fit ${mats / per} rows of ${Tk} keys`,
    );
  }
  const visible = (m: number, i: number, j: number): boolean =>
    (!causal || j <= i + shift) && (km === null || km[Math.floor(m / per) * Tk + j] !== 0);
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  const y = out.data;
  const a = x.data;
  for (let m = 0; m < mats; m++) {
    for (let i = 0; i < Tq; i++) {
      const off = (m * Tq + i) * Tk;
      for (let j = 0; j < Tk; j++) y[off + j] = visible(m, i, j) ? a[off + j] * s : -Infinity;
    }
  }
  if (tracked) {
    record(out, 'maskedScale', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let m = 0; m < mats; m++) {
        for (let i = 0; i < Tq; i++) {
          const off = (m * Tq + i) * Tk;
          for (let j = 0; j < Tk; j++) if (y[off + j] !== -Infinity) gx[off + j] += g[off + j] * s;
        }
      }
    });
  }
  return out;
}

export interface AttentionResult {
  /** [..., Tq, d_v] */
  output: Tensor;
  /** Attention weights [..., Tq, Tk] (rows sum to 1). */
  weights: Tensor;
}

/**
 * Scaled dot-product attention: softmax(Q·Kᵀ / √d_k) · V, with an optional causal mask and key (padding) mask.
 * q [..., Tq, d_k], k [..., Tk, d_k], v [..., Tk, d_v] (leading dims equal, e.g. [B, heads]).
 */
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: { causal?: boolean; keyMask?: KeyMask } = {},
): AttentionResult {
  const dk = q.shape[q.ndim - 1];
  const scores = matmul(q, k, { transB: true }); // [..., Tq, Tk]
  const scaled = maskedScale(scores, 1 / Math.sqrt(dk), options.causal ?? false, options.keyMask); // [..., Tq, Tk]
  const weights = softmax(scaled); // [..., Tq, Tk]
  const output = matmul(weights, v); // [..., Tq, d_v]
  return { output, weights };
}

/** Sinusoidal positional encoding [T, d]: PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(…). A constant. */
export function positionalEncoding(T: number, d: number): Tensor {
  const pe = outTensor([T, d], false);
  for (let p = 0; p < T; p++) {
    for (let i = 0; i < d; i += 2) {
      const angle = p / Math.pow(10000, i / d);
      pe.data[p * d + i] = Math.sin(angle);
      if (i + 1 < d) pe.data[p * d + i + 1] = Math.cos(angle);
    }
  }
  return pe;
}
