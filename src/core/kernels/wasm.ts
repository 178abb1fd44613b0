/**
 * A WebAssembly SIMD GEMM, assembled at load time (wasmModule.ts: no binary asset, no toolchain).
 *
 * Same recipe as packed.ts — op(A) packed into 4-row panels, op(B) into 8-column panels, both k-major — but the
 * micro-kernel keeps a 4×8 block of C in eight f32x4 registers: per k, two vector loads of B, four broadcast loads
 * of A and 8 vector multiply-adds (64 flops). Results land in a padded C scratch in wasm memory and are copied (or
 * added) into the caller's array. Accumulation is in float32, like other engines' kernels.
 *
 * `createWasmKernels()` returns null where WebAssembly SIMD is unavailable (or blocked by a CSP); callers keep the
 * JS kernels then. Tiny products go to the JS loops, whose fixed cost is lower.
 */
import { jsKernels } from './js';
import type { GemmCall, GemmOperands, Kernels } from './types';
import { adamOp, copyBlocksOp, layerNormDzOp, reluOp, rowVectorOp } from './wasmVectorOps';
import { ensureBytes, instantiate, type WasmState } from './wasmState';

// ---- the kernel set ---------------------------------------------------------------------------------------------
/** Below this many multiply-adds the JS loops win (packing and copying cost more than they save). */
const WASM_THRESHOLD = 8192;
type GemmBatched = NonNullable<Kernels['gemmBatched']>;
/** `batches` products in wasm memory (dense batch strides). */
type WasmRun = (state: WasmState, batches: number, ...call: GemmCall) => void;
/** One product on the instance, no transposes chosen by the caller (swappedGemm). */
type WasmGemm = (state: WasmState, ...operands: GemmOperands) => void;
/** batches × the JS loops, with dense batch strides (the path when memory cannot grow, and for tiny products). */
const plainBatched: GemmBatched = (batches, tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) => {
  for (let t = 0; t < batches; t++) {
    const a = aOff + t * M * K;
    const b = bOff + t * K * N;
    const c = cOff + t * M * N;
    jsKernels.gemm(tA, tB, M, N, K, A, a, B, b, C, c, accumulate);
  }
};

/**
 * B [K, N] is copied as is (8 consecutive floats of a row are a panel row); Bᵀ stored [N, K] is packed into
 * 8-column panels h[bPtr + t·bBatch + (jp·K + k)·8 + c], columns ≥ N zero.
 */
function copyB(
  h: Float32Array,
  bPtr: number,
  bBatch: number,
  batches: number,
  transB: boolean,
  N: number,
  K: number,
  B: Float32Array,
  bOff: number,
): void {
  if (!transB) {
    h.set(B.subarray(bOff, bOff + batches * K * N), bPtr);
    return;
  }
  const np = (N + 7) >> 3;
  for (let t = 0; t < batches; t++) {
    const src0 = bOff + t * N * K;
    for (let jp = 0; jp < np; jp++) {
      const base = bPtr + t * bBatch + jp * K * 8;
      for (let c = 0; c < 8; c++) {
        const j = jp * 8 + c;
        if (j >= N) {
          for (let k = 0; k < K; k++) h[base + k * 8 + c] = 0;
          continue;
        }
        const src = src0 + j * K;
        for (let k = 0; k < K; k++) h[base + k * 8 + c] = B[src + k];
      }
    }
  }
}

/** Copies C [M, N] per batch between the caller's dense array and the padded scratch (row stride ldc). */
function copyC(
  toScratch: boolean,
  h: Float32Array,
  cPtr: number,
  cBatch: number,
  ldc: number,
  batches: number,
  M: number,
  N: number,
  C: Float32Array,
  cOff: number,
): void {
  const mn = M * N;
  for (let t = 0; t < batches; t++) {
    const pad = cPtr + t * cBatch;
    const dense = cOff + t * mn;
    if (toScratch) {
      if (ldc === N) h.set(C.subarray(dense, dense + mn), pad);
      else
        for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) h[pad + i * ldc + j] = C[dense + i * N + j];
    } else if (ldc === N) C.set(h.subarray(pad, pad + mn), dense);
    else for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) C[dense + i * N + j] = h[pad + i * ldc + j];
  }
}

/** batches × C[M,N] (+)= op(A)·op(B) with dense batch strides; see types.ts. */
const run: WasmRun = (state, batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) => {
  const mp = (M + 3) >> 2;
  const np = (N + 7) >> 3;
  // Layout in wasm memory (float offsets). Regions are padded so edge panels read in bounds; whatever they read
  // past the real data (the next batch, or padding) only reaches C rows ≥ M or columns ≥ N, never copied out.
  const ldc = N % 8 === 0 ? N : np * 8; // C row stride (floats)
  const aBatch = M * K;
  const bBatch = transB ? np * K * 8 : K * N;
  const cBatch = mp * 4 * ldc;
  const aPtr = 0;
  const bPtr = aPtr + batches * aBatch + Math.max(mp * 4 * K - aBatch, 4) + 8;
  const cPtr = bPtr + batches * bBatch + 8;
  if (!ensureBytes(state, (cPtr + batches * cBatch + 8) * 4)) {
    state.calls.plain++;
    plainBatched(batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
    return;
  }
  const h = state.heap;
  // A is copied as is: row-major A (row stride K, k stride 1) or Aᵀ stored [K, M] (row stride 1, k stride M).
  h.set(A.subarray(aOff, aOff + batches * aBatch), aPtr);
  copyB(h, bPtr, bBatch, batches, transB, N, K, B, bOff);
  if (accumulate) copyC(true, h, cPtr, cBatch, ldc, batches, M, N, C, cOff);
  const aPanel = transA ? 16 : 16 * K; // bytes to the next 4-row panel
  const aRow = transA ? 4 : 4 * K; // … to the next row
  const aK = transA ? 4 * M : 4; // … to the next k
  const bPanel = transB ? 32 * K : 32; // … to the next 8-column panel
  const bK = transB ? 32 : 4 * N; // … to the next k
  const { mm } = state;
  for (let t = 0; t < batches; t++) {
    const pa0 = (aPtr + t * aBatch) * 4;
    const pb0 = (bPtr + t * bBatch) * 4;
    mm(
      mp,
      np,
      K,
      pa0,
      aPanel,
      aRow,
      aK,
      pb0,
      bPanel,
      bK,
      (cPtr + t * cBatch) * 4,
      ldc * 4,
      accumulate ? 1 : 0,
    );
  }
  copyC(false, h, cPtr, cBatch, ldc, batches, M, N, C, cOff);
};

/**
 * A few rows times a big Bᵀ (an RNN step: h [16, 128] · W_hᵀ): packing Bᵀ would cost about as much as the
 * product. Compute Cᵀ = B·Aᵀ instead (B read in place, only the small A packed), then transpose into C.
 */
const swappedGemm: WasmGemm = (state, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) => {
  if (state.swapped.length < M * N) state.swapped = new Float32Array(M * N);
  const D = state.swapped; // [N, M]
  run(state, 1, false, true, N, M, K, B, bOff, A, aOff, D, 0, false);
  for (let i = 0; i < M; i++) {
    const row = cOff + i * N;
    if (accumulate) for (let j = 0; j < N; j++) C[row + j] += D[j * M + i];
    else for (let j = 0; j < N; j++) C[row + j] = D[j * M + i];
  }
};
export function createWasmKernels(): Kernels | null {
  const state = instantiate();
  if (!state) return null;
  const { calls } = state;
  return {
    name: 'wasm-simd',
    calls,
    gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
      if (M * N * K < WASM_THRESHOLD || K === 0) {
        calls.plain++;
        jsKernels.gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      } else if (transB && !transA && M * 4 <= N) {
        calls.swapped++;
        swappedGemm(state, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      } else {
        calls.wasm++;
        run(state, 1, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      }
    },
    gemmBatched(batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
      if (batches * M * N * K < WASM_THRESHOLD || K === 0) {
        calls.plain += batches;
        plainBatched(batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      } else {
        calls.batched++;
        run(state, batches, transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      }
    },
    addRowVector(C, rows, n, b) {
      if (!rowVectorOp(state, 'addRows', C, rows, n, b)) jsKernels.addRowVector!(C, rows, n, b);
    },
    addColumnSums(G, rows, n, s) {
      if (!rowVectorOp(state, 'sumRows', G, rows, n, s)) jsKernels.addColumnSums!(G, rows, n, s);
    },
    relu(a, o, n) {
      if (!reluOp(state, a, o, n, null)) jsKernels.relu!(a, o, n);
    },
    reluBackward(a, g, gx, n) {
      if (!reluOp(state, a, gx, n, g)) jsKernels.reluBackward!(a, g, gx, n);
    },
    adam(w, g, m, v, n, h) {
      if (!adamOp(state, [w, g, m, v], n, h)) jsKernels.adam!(w, g, m, v, n, h);
    },
    layerNormDz(p) {
      if (!layerNormDzOp(state, p)) jsKernels.layerNormDz!(p);
    },
    copyBlocks(p) {
      if (!copyBlocksOp(state, p)) jsKernels.copyBlocks!(p);
    },
  };
}
