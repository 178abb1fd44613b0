/**
 * Layer normalisation over the last axis, alone or fused with the residual sum in front of it:
 *
 *   layerNorm(x)        y = γ·x̂ + β,  x̂ = (x − μ)/√(σ² + ε) per row
 *   addLayerNorm(a, b)  the same of z = a + b (a post-LN Transformer's LN(x + Sublayer(x))), bit-identical to
 *                       layerNorm(add(a, b)) but one op: no z tensor, no separate add pass and no add backward, which
 *                       on the benchmark's Transformer cost more than the normalisation itself.
 *
 * Backward (g = dL/dy, ĝ = g·γ, r = 1/√(σ²+ε)):  dγ += Σ g·x̂,  dβ += Σ g,  dz = r·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)),
 * and dz flows to x (layerNorm) or to both a and b (addLayerNorm).
 */
import { gradOf, record, tracks } from '../autograd';
import { acquire } from '../pool';
import { outTensor, type Tensor } from '../tensor';

/**
 * Normalises every row of z [rows, D] into y, keeping x̂ [rows·D] then r [rows] in `xhat` for the backward.
 * z may be y itself (the fused sum is written there first).
 */
function normaliseRows(
  z: Float32Array,
  y: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  bt: Float32Array,
  rows: number,
  D: number,
  eps: number,
): void {
  const n = rows * D;
  for (let r = 0; r < rows; r++) {
    const off = r * D;
    let mu = 0;
    for (let j = 0; j < D; j++) mu += z[off + j];
    mu /= D;
    let v = 0;
    for (let j = 0; j < D; j++) {
      const d = z[off + j] - mu;
      v += d * d;
    }
    const rstd = 1 / Math.sqrt(v / D + eps);
    xhat[n + r] = rstd;
    for (let j = 0; j < D; j++) {
      const h = (z[off + j] - mu) * rstd;
      xhat[off + j] = h;
      y[off + j] = gm[j] * h + bt[j];
    }
  }
}

/**
 * The backward: dγ, dβ, and dz added into every array of `gz` (one for layerNorm, two for addLayerNorm). With
 * `roundDz`, dz is rounded to float32 before it is added, as the unfused add + layerNorm store it in z's gradient
 * first — that keeps addLayerNorm bit-identical to them.
 */
function normaliseBackward(
  g: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  gg: Float32Array | null,
  gb: Float32Array | null,
  gz: readonly Float32Array[],
  rows: number,
  D: number,
  roundDz: boolean,
): void {
  const n = rows * D;
  const g0 = gz.length > 0 ? gz[0] : null;
  const g1 = gz.length > 1 ? gz[1] : null;
  for (let r = 0; r < rows; r++) {
    const off = r * D;
    let m1 = 0;
    let m2 = 0;
    for (let j = 0; j < D; j++) {
      const gj = g[off + j];
      const dh = gj * gm[j];
      m1 += dh;
      m2 += dh * xhat[off + j];
      if (gg) gg[j] += gj * xhat[off + j];
      if (gb) gb[j] += gj;
    }
    if (g0 === null) continue;
    m1 /= D;
    m2 /= D;
    const rstd = xhat[n + r];
    if (!roundDz) {
      for (let j = 0; j < D; j++) g0[off + j] += rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2);
    } else if (g1 === null) {
      for (let j = 0; j < D; j++)
        g0[off + j] += Math.fround(rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2));
    } else {
      for (let j = 0; j < D; j++) {
        const dz = Math.fround(rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2));
        g0[off + j] += dz;
        g1[off + j] += dz;
      }
    }
  }
}

function checkAffine(gamma: Tensor, beta: Tensor, D: number): void {
  if (gamma.size !== D || beta.size !== D) throw new Error(`layerNorm: gamma/beta must have ${D} values`);
}

/** Layer normalisation over the last axis: x [..., D], gamma [D], beta [D]. */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const D = x.shape[x.ndim - 1];
  checkAffine(gamma, beta, D);
  const rows = D === 0 ? 0 : x.size / D;
  const tracked = tracks(x, gamma, beta);
  const out = outTensor(x.shape, tracked);
  // Scratch: x̂ [rows·D] then r = 1/√(σ²+ε) [rows], kept for the backward when recorded.
  const xhat = tracked ? acquire(x.size + rows) : new Float32Array(x.size + rows);
  normaliseRows(x.data, out.data, xhat, gamma.data, beta.data, rows, D, eps);
  if (tracked) {
    out.aux = xhat;
    record(out, 'layerNorm', [x, gamma, beta], () => {
      const gx = gradOf(x);
      const gz = gx ? [gx] : [];
      normaliseBackward(out.grad!, xhat, gamma.data, gradOf(gamma), gradOf(beta), gz, rows, D, false);
    });
  }
  return out;
}

/** layerNorm(a + b) over the last axis as one op: a, b [..., D] (same shape), gamma [D], beta [D]. */
export function addLayerNorm(a: Tensor, b: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const D = a.shape[a.ndim - 1];
  if (a.size !== b.size || a.ndim !== b.ndim || a.shape.some((s, i) => s !== b.shape[i]))
    throw new Error(`addLayerNorm: shapes differ: [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  checkAffine(gamma, beta, D);
  const rows = D === 0 ? 0 : a.size / D;
  const tracked = tracks(a, b) || tracks(gamma, beta);
  const out = outTensor(a.shape, tracked);
  const y = out.data;
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < a.size; i++) y[i] = ad[i] + bd[i]; // z, rounded to float32 as add stores it
  const xhat = tracked ? acquire(a.size + rows) : new Float32Array(a.size + rows);
  normaliseRows(y, y, xhat, gamma.data, beta.data, rows, D, eps);
  if (tracked) {
    out.aux = xhat;
    record(out, 'addLayerNorm', [a, b, gamma, beta], () => {
      const gz = [gradOf(a), gradOf(b)].filter((t): t is Float32Array => t !== null);
      normaliseBackward(out.grad!, xhat, gamma.data, gradOf(gamma), gradOf(beta), gz, rows, D, true);
    });
  }
  return out;
}
