/**
 * Packed, register-blocked GEMM (the BLAS recipe, in plain JS).
 *
 * op(A) is copied into panels of 4 rows stored k-major (Ap[(panel·K + k)·4 + r]) and op(B) into panels of 4 columns
 * (Bp[(panel·K + k)·4 + c]); transposes are absorbed by the packing, so all four variants share one micro-kernel.
 * The micro-kernel keeps a 4×4 block of C in 16 local variables and streams both panels contiguously: 8 loads per
 * 32 flops instead of 6 loads/stores per 8 flops in a plain i-k-j loop. Edge panels are zero-padded.
 * Tiny products skip packing (its fixed cost would dominate).
 */
import type { Kernels } from './types';
import { jsKernels } from './js';

let packA: Float32Array = new Float32Array(4096);
let packB: Float32Array = new Float32Array(4096);
const edge = new Float64Array(16);

function ensure(buf: Float32Array, n: number): Float32Array {
  return buf.length >= n ? buf : new Float32Array(Math.max(n, buf.length * 2));
}

/** Pack op(X) rows [0, R) × k [0, K) into 4-row panels. X is [R, K] (rowStride K, kStride 1) or transposed. */
function pack(
  dst: Float32Array,
  X: Float32Array,
  off: number,
  R: number,
  K: number,
  rowStride: number,
  kStride: number,
): void {
  const panels = (R + 3) >> 2;
  for (let p = 0; p < panels; p++) {
    const base = p * K * 4;
    const r0 = p * 4;
    const rows = Math.min(4, R - r0);
    for (let r = 0; r < 4; r++) {
      if (r >= rows) {
        for (let k = 0; k < K; k++) dst[base + k * 4 + r] = 0;
        continue;
      }
      const src = off + (r0 + r) * rowStride;
      if (kStride === 1) for (let k = 0; k < K; k++) dst[base + k * 4 + r] = X[src + k];
      else for (let k = 0; k < K; k++) dst[base + k * 4 + r] = X[src + k * kStride];
    }
  }
}

// The 4×4 block reads as a grid; keep prettier from unrolling it into 60 lines.
// prettier-ignore
function microKernels(
  M: number, N: number, K: number, Ap: Float32Array, Bp: Float32Array, C: Float32Array, cOff: number,
  accumulate: boolean,
): void {
  const mp = (M + 3) >> 2;
  const np = (N + 3) >> 2;
  for (let ip = 0; ip < mp; ip++) {
    const aBase = ip * K * 4;
    const i0 = ip * 4;
    const mRows = Math.min(4, M - i0);
    for (let jp = 0; jp < np; jp++) {
      const bBase = jp * K * 4;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = aBase;
      let pb = bBase;
      for (let k = 0; k < K; k++) {
        const a0 = Ap[pa], a1 = Ap[pa + 1], a2 = Ap[pa + 2], a3 = Ap[pa + 3];
        const b0 = Bp[pb], b1 = Bp[pb + 1], b2 = Bp[pb + 2], b3 = Bp[pb + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa += 4;
        pb += 4;
      }
      const j0 = jp * 4;
      const nCols = Math.min(4, N - j0);
      if (mRows === 4 && nCols === 4) {
        const r0 = cOff + i0 * N + j0, r1 = r0 + N, r2 = r1 + N, r3 = r2 + N;
        if (accumulate) {
          C[r0] += c00; C[r0 + 1] += c01; C[r0 + 2] += c02; C[r0 + 3] += c03;
          C[r1] += c10; C[r1 + 1] += c11; C[r1 + 2] += c12; C[r1 + 3] += c13;
          C[r2] += c20; C[r2 + 1] += c21; C[r2 + 2] += c22; C[r2 + 3] += c23;
          C[r3] += c30; C[r3 + 1] += c31; C[r3 + 2] += c32; C[r3 + 3] += c33;
        } else {
          C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
          C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
          C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
          C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
        }
      } else {
        // Edge block: write only the rows/columns that exist.
        edge[0] = c00; edge[1] = c01; edge[2] = c02; edge[3] = c03;
        edge[4] = c10; edge[5] = c11; edge[6] = c12; edge[7] = c13;
        edge[8] = c20; edge[9] = c21; edge[10] = c22; edge[11] = c23;
        edge[12] = c30; edge[13] = c31; edge[14] = c32; edge[15] = c33;
        for (let r = 0; r < mRows; r++) {
          for (let c = 0; c < nCols; c++) {
            const idx = cOff + (i0 + r) * N + j0 + c;
            C[idx] = accumulate ? C[idx] + edge[r * 4 + c] : edge[r * 4 + c];
          }
        }
      }
    }
  }
}

/** Below this many multiply-adds the plain loops win. */
const PACK_THRESHOLD = 2048;

/** Calls per path (see Kernels.calls). */
const calls = { plain: 0, packed: 0 };

export const packedKernels: Kernels = {
  calls,
  gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
    if (M * N * K < PACK_THRESHOLD || K === 0) {
      calls.plain++;
      jsKernels.gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
      return;
    }
    calls.packed++;
    packA = ensure(packA, ((M + 3) >> 2) * 4 * K);
    packB = ensure(packB, ((N + 3) >> 2) * 4 * K);
    // op(A)[i, k]: A[i·K + k] or (transA) A[k·M + i].  op(B)ᵀ[j, k]: B[k·N + j] or (transB) B[j·K + k].
    pack(packA, A, aOff, M, K, transA ? 1 : K, transA ? M : 1);
    pack(packB, B, bOff, N, K, transB ? K : 1, transB ? 1 : N);
    microKernels(M, N, K, packA, packB, C, cOff, accumulate);
  },
};
