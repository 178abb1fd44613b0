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
import { kernel } from '../kernels';
import { acquire } from '../pool';
import { outTensor, type Tensor } from '../tensor';

/**
 * Normalises every row of z [rows, D] into y, keeping x̂ [rows·D] then r [rows] in `xhat` for the backward.
 * z may be y itself (the fused sum is written there first).
 *
 * Four rows at a time: a row's mean and variance are sums in a fixed order, so one row alone is a chain of
 * dependent additions that waits on each one's latency. Four rows' chains side by side keep the same order in each
 * row (the same bits) and overlap, about halving the time on the benchmark's Transformer.
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
  let r = 0;
  for (; r + 4 <= rows; r += 4) normaliseFourRows(z, y, xhat, gm, bt, r, rows, D, eps);
  for (; r < rows; r++) normaliseRow(z, y, xhat, gm, bt, r, rows, D, eps);
}

/** Row r of normaliseRows. */
function normaliseRow(
  z: Float32Array,
  y: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  bt: Float32Array,
  r: number,
  rows: number,
  D: number,
  eps: number,
): void {
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
  xhat[rows * D + r] = rstd;
  for (let j = 0; j < D; j++) {
    const h = (z[off + j] - mu) * rstd;
    xhat[off + j] = h;
    y[off + j] = gm[j] * h + bt[j];
  }
}

/** Rows r … r + 3 of normaliseRows, each with exactly normaliseRow's operations in its order. */
function normaliseFourRows(
  z: Float32Array,
  y: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  bt: Float32Array,
  r: number,
  rows: number,
  D: number,
  eps: number,
): void {
  const o0 = r * D;
  const o1 = o0 + D;
  const o2 = o1 + D;
  const o3 = o2 + D;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let j = 0; j < D; j++) {
    m0 += z[o0 + j];
    m1 += z[o1 + j];
    m2 += z[o2 + j];
    m3 += z[o3 + j];
  }
  m0 /= D;
  m1 /= D;
  m2 /= D;
  m3 /= D;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  for (let j = 0; j < D; j++) {
    const d0 = z[o0 + j] - m0;
    const d1 = z[o1 + j] - m1;
    const d2 = z[o2 + j] - m2;
    const d3 = z[o3 + j] - m3;
    v0 += d0 * d0;
    v1 += d1 * d1;
    v2 += d2 * d2;
    v3 += d3 * d3;
  }
  const s0 = 1 / Math.sqrt(v0 / D + eps);
  const s1 = 1 / Math.sqrt(v1 / D + eps);
  const s2 = 1 / Math.sqrt(v2 / D + eps);
  const s3 = 1 / Math.sqrt(v3 / D + eps);
  const n = rows * D;
  xhat[n + r] = s0;
  xhat[n + r + 1] = s1;
  xhat[n + r + 2] = s2;
  xhat[n + r + 3] = s3;
  for (let j = 0; j < D; j++) {
    const g = gm[j];
    const b = bt[j];
    const h0 = (z[o0 + j] - m0) * s0;
    const h1 = (z[o1 + j] - m1) * s1;
    const h2 = (z[o2 + j] - m2) * s2;
    const h3 = (z[o3 + j] - m3) * s3;
    xhat[o0 + j] = h0;
    xhat[o1 + j] = h1;
    xhat[o2 + j] = h2;
    xhat[o3 + j] = h3;
    y[o0 + j] = g * h0 + b;
    y[o1 + j] = g * h1 + b;
    y[o2 + j] = g * h2 + b;
    y[o3 + j] = g * h3 + b;
  }
}

/**
 * The backward: dγ, dβ, and dz added into every array of `gz` (one for layerNorm, two for addLayerNorm). With
 * `roundDz`, dz is rounded to float32 before it is added, as the unfused add + layerNorm store it in z's gradient
 * first — that keeps addLayerNorm bit-identical to them.
 *
 * First every row's two sums (and dγ, dβ), four rows at a time for the same reason as the forward: each row's sums
 * keep their order; dγ and dβ still take the rows in order, rounded to float32 after each row as the one-row loop
 * stores them. Then dz, whose elements are independent once the means are known: the kernels' layerNormDz
 * (WebAssembly float64 lanes where available, the same bits as the JS loop).
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
  const means = new Float64Array(2 * rows); // per row: mean(ĝ), mean(ĝ·x̂)
  const sums = new Float64Array(8); // Σ ĝ and Σ ĝ·x̂ of four rows
  const keep = (row: number, sumDh: number, sumDhXhat: number) => {
    means[2 * row] = sumDh / D;
    means[2 * row + 1] = sumDhXhat / D;
  };
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    rowSumsFour(g, xhat, gm, gg, gb, r, D, sums);
    for (let i = 0; i < 4; i++) keep(r + i, sums[i], sums[4 + i]);
  }
  for (; r < rows; r++) {
    rowSums(g, xhat, gm, gg, gb, r, D, sums);
    keep(r, sums[0], sums[4]);
  }
  if (gz.length === 0) return;
  const dz = { g, xhat, gamma: gm, means, g0: gz[0], g1: gz.length > 1 ? gz[1] : null, rows, D, roundDz };
  kernel('layerNormDz')(dz);
}

/** Row r's Σ ĝ into sums[0] and Σ ĝ·x̂ into sums[4]; its share of dγ and dβ added. */
function rowSums(
  g: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  gg: Float32Array | null,
  gb: Float32Array | null,
  r: number,
  D: number,
  sums: Float64Array,
): void {
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
  sums[0] = m1;
  sums[4] = m2;
}

/** rowSums for rows r … r + 3 (sums[i] and sums[4 + i] for row r + i), the same operations in the same order. */
function rowSumsFour(
  g: Float32Array,
  xhat: Float32Array,
  gm: Float32Array,
  gg: Float32Array | null,
  gb: Float32Array | null,
  r: number,
  D: number,
  sums: Float64Array,
): void {
  const o0 = r * D;
  const o1 = o0 + D;
  const o2 = o1 + D;
  const o3 = o2 + D;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  for (let j = 0; j < D; j++) {
    const gmj = gm[j];
    const q0 = g[o0 + j];
    const q1 = g[o1 + j];
    const q2 = g[o2 + j];
    const q3 = g[o3 + j];
    const d0 = q0 * gmj;
    const d1 = q1 * gmj;
    const d2 = q2 * gmj;
    const d3 = q3 * gmj;
    a0 += d0;
    a1 += d1;
    a2 += d2;
    a3 += d3;
    b0 += d0 * xhat[o0 + j];
    b1 += d1 * xhat[o1 + j];
    b2 += d2 * xhat[o2 + j];
    b3 += d3 * xhat[o3 + j];
    // Row by row, each sum rounded to float32 as storing it in gg[j] / gb[j] would.
    if (gg) {
      const t = Math.fround(Math.fround(gg[j] + q0 * xhat[o0 + j]) + q1 * xhat[o1 + j]);
      gg[j] = Math.fround(t + q2 * xhat[o2 + j]) + q3 * xhat[o3 + j];
    }
    if (gb) gb[j] = Math.fround(Math.fround(Math.fround(gb[j] + q0) + q1) + q2) + q3;
  }
  sums[0] = a0;
  sums[1] = a1;
  sums[2] = a2;
  sums[3] = a3;
  sums[4] = b0;
  sums[5] = b1;
  sums[6] = b2;
  sums[7] = b3;
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
  // z = a + b, rounded to float32 as add stores it: a copied, then b added as a one-row "bias" by the kernels (the
  // WebAssembly set does that in float32 vectors, the same bits as the plain loop, several times faster).
  y.set(a.data);
  kernel('addRowVector')(y, 1, a.size, b.data);
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
