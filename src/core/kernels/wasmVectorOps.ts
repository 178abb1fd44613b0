/**
 * The element-wise WebAssembly kernels: the operands are copied into the instance's memory, one function runs over
 * whole four-float vectors (or float pairs), and the results are copied back. Each gives its JS loop's bits.
 */
import type { AdamStep, BlockCopy, LayerNormDz } from './types';
import { ensureBytes, type WasmState } from './wasmState';

/** Below this many floats the JS loops beat copying into wasm memory and back. */
export const ELEMENTWISE_THRESHOLD = 1024;

/**
 * The row-vector kernels: the matrix [rows, n] at 0, the vector [n] behind it, in wasm memory. False (the caller
 * runs the JS loop) for n not a multiple of 4, small sizes, or when memory cannot grow.
 */
export function rowVectorOp(
  state: WasmState,
  kernel: 'addRows' | 'sumRows',
  M: Float32Array,
  rows: number,
  n: number,
  v: Float32Array,
): boolean {
  const size = rows * n;
  if (n % 4 !== 0 || size < ELEMENTWISE_THRESHOLD || !ensureBytes(state, (size + n) * 4)) return false;
  const h = state.heap;
  h.set(M.subarray(0, size), 0);
  h.set(v.subarray(0, n), size);
  state[kernel](0, rows, n / 4, size * 4);
  if (kernel === 'addRows') M.set(h.subarray(0, size));
  else v.set(h.subarray(size, size + n));
  return true;
}

/**
 * ReLU (`g` null) or its backward in wasm memory: a, then g and gx for the backward, each region padded to whole
 * four-float vectors. False (the caller runs the JS loop) for small sizes or when memory cannot grow.
 */
export function reluOp(
  state: WasmState,
  a: Float32Array,
  out: Float32Array,
  n: number,
  g: Float32Array | null,
): boolean {
  const n4 = (n + 3) >> 2;
  const region = n4 * 4;
  if (n < ELEMENTWISE_THRESHOLD || !ensureBytes(state, (g ? 3 : 1) * region * 4)) return false;
  const h = state.heap;
  h.set(a.subarray(0, n), 0);
  if (g === null) {
    state.relu(0, n4);
    out.set(h.subarray(0, n));
    return true;
  }
  h.set(g.subarray(0, n), region);
  h.set(out.subarray(0, n), 2 * region);
  state.reluBack(0, region * 4, 2 * region * 4, n4);
  out.set(h.subarray(2 * region, 2 * region + n));
  return true;
}

/** Adam in wasm memory: w, g, m, v one after another, each padded to whole pairs; false for small n (JS loop). */
export function adamOp(state: WasmState, arrays: Float32Array[], n: number, h: AdamStep): boolean {
  const n2 = (n + 1) >> 1;
  const region = 2 * n2;
  if (n < ELEMENTWISE_THRESHOLD || !ensureBytes(state, 4 * region * 4)) return false;
  const heap = state.heap;
  arrays.forEach((a, i) => heap.set(a.subarray(0, n), i * region));
  const [pw, pg, pm, pv] = [0, 4 * region, 8 * region, 12 * region];
  state.adam(pw, pg, pm, pv, n2, h.beta1, 1 - h.beta1, h.beta2, 1 - h.beta2, h.lr, h.c1, h.c2, h.eps);
  for (const i of [0, 2, 3]) arrays[i].set(heap.subarray(i * region, i * region + n)); // w, m, v
  return true;
}

/**
 * LayerNorm's dz pass in wasm memory: g, x̂ + r, γ, the means (float64), g0 and g1, each region starting on 8 bytes.
 * False (the caller runs the JS loop) for an odd D, small sizes, or when memory cannot grow.
 */
export function layerNormDzOp(state: WasmState, p: LayerNormDz): boolean {
  const { rows, D } = p;
  const n = rows * D;
  if (D % 2 !== 0 || n < ELEMENTWISE_THRESHOLD) return false;
  const even = (k: number) => k + (k % 2); // floats, rounded up to whole 8-byte pairs
  const at = [n, n + rows, D, 4 * rows, n, n].reduce((o, size, i) => [...o, o[i] + even(size)], [0]);
  // at[i]: float offsets of g, x̂ + r, γ, the means (2·rows float64 = 4·rows floats), g0, g1; at[6] is the end
  if (!ensureBytes(state, at[6] * 4)) return false;
  const h = state.heap;
  h.set(p.g.subarray(0, n), at[0]);
  h.set(p.xhat.subarray(0, n + rows), at[1]);
  h.set(p.gamma.subarray(0, D), at[2]);
  new Float64Array(h.buffer, at[3] * 4, 2 * rows).set(p.means.subarray(0, 2 * rows));
  h.set(p.g0.subarray(0, n), at[4]);
  if (p.g1) h.set(p.g1.subarray(0, n), at[5]);
  const [pg, px, pgm, pm, pg0, pg1] = at.map((f) => f * 4);
  state.layerNormDz(pg, px, pgm, pm, pg0, p.g1 ? pg1 : 0, rows, D / 2, p.roundDz ? 1 : 0);
  p.g0.set(h.subarray(at[4], at[4] + n));
  if (p.g1) p.g1.set(h.subarray(at[5], at[5] + n));
  return true;
}

/**
 * BlockCopy in wasm memory: src and dst copied in whole (dst too, so whatever the blocks do not cover comes back
 * as it was), the blocks moved there, dst copied back. False (the caller runs the JS loop) when a block is not whole
 * four-float vectors, for small arrays, or when memory cannot grow.
 */
export function copyBlocksOp(state: WasmState, p: BlockCopy): boolean {
  const { src, dst, counts, srcStrides: s, dstStrides: d, len, add } = p;
  const strides = [...s, ...d];
  if (len % 4 !== 0 || strides.some((x) => x % 4 !== 0) || dst.length < ELEMENTWISE_THRESHOLD) return false;
  const dstAt = src.length + (4 - (src.length % 4)); // float offset of dst's region, on a 16-byte boundary
  if (!ensureBytes(state, (dstAt + dst.length) * 4)) return false;
  const h = state.heap;
  h.set(src, 0);
  h.set(dst, dstAt);
  state.copyBlocks(0, dstAt * 4, ...counts, ...strides.map((x) => 4 * x), len / 4, add ? 1 : 0);
  dst.set(h.subarray(dstAt, dstAt + dst.length));
  return true;
}
