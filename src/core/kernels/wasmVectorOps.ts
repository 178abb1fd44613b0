/**
 * The element-wise WebAssembly kernels: the operands are copied into the instance's memory, one function runs over
 * whole four-float vectors (or float pairs), and the results are copied back. Each gives its JS loop's bits.
 */
import type { AdamStep } from './types';
import { ensureBytes, type WasmState } from './wasmState';

/** Below this many floats the JS loops beat copying into wasm memory and back. */
export const ROW_VECTOR_THRESHOLD = 1024;

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
  if (n % 4 !== 0 || size < ROW_VECTOR_THRESHOLD || !ensureBytes(state, (size + n) * 4)) return false;
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
  if (n < ROW_VECTOR_THRESHOLD || !ensureBytes(state, (g ? 3 : 1) * region * 4)) return false;
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
  if (n < ROW_VECTOR_THRESHOLD || !ensureBytes(state, 4 * region * 4)) return false;
  const heap = state.heap;
  arrays.forEach((a, i) => heap.set(a.subarray(0, n), i * region));
  const [pw, pg, pm, pv] = [0, 4 * region, 8 * region, 12 * region];
  state.adam(pw, pg, pm, pv, n2, h.beta1, 1 - h.beta1, h.beta2, 1 - h.beta2, h.lr, h.c1, h.c2, h.eps);
  for (const i of [0, 2, 3]) arrays[i].set(heap.subarray(i * region, i * region + n)); // w, m, v
  return true;
}
