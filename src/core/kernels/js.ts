/**
 * Plain-JS kernels. Loop orders are chosen for row-major memory:
 * - A·B   (NN) and Aᵀ·B (TN): i-k-j, four k at a time, so each C row is loaded and stored once per 4 k;
 *   the inner j loop streams contiguous rows of B and C.
 * - A·Bᵀ  (NT): dot products of contiguous rows of A and B, 2×2 output block with four partial sums each.
 * - Aᵀ·Bᵀ (TT): rare; a straightforward loop.
 */
import { acquire, release } from '../pool';
import type { AdamStep, BlockCopy, GemmOperands, Kernels, LayerNormDz } from './types';

/** One transpose case of the product, given its operands. */
type GemmBody = (...operands: GemmOperands) => void;

/** C[M,N] (+)= A'·B with A' addressed as A[aOff + i*sai + k*sak] and B [K,N] row-major. */
function gemmRowStream(
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  aOff: number,
  sai: number,
  sak: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
): void {
  const K4 = K - (K % 4);
  for (let i = 0; i < M; i++) {
    const c0 = cOff + i * N;
    if (!accumulate) C.fill(0, c0, c0 + N);
    const ai = aOff + i * sai;
    let k = 0;
    for (; k < K4; k += 4) {
      const a0 = A[ai + k * sak];
      const a1 = A[ai + (k + 1) * sak];
      const a2 = A[ai + (k + 2) * sak];
      const a3 = A[ai + (k + 3) * sak];
      const b0 = bOff + k * N;
      const b1 = b0 + N;
      const b2 = b1 + N;
      const b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        C[c0 + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
      }
    }
    for (; k < K; k++) {
      const a = A[ai + k * sak];
      if (a === 0) continue;
      const b0 = bOff + k * N;
      for (let j = 0; j < N; j++) C[c0 + j] += a * B[b0 + j];
    }
  }
}

/** C[M,N] (+)= A[M,K] · B[N,K]ᵀ — row dot products. */
const gemmNT: GemmBody = (M, N, K, A, aOff, B, bOff, C, cOff, accumulate) => {
  const K4 = K - (K % 4);
  for (let i = 0; i < M; i++) {
    const ai = aOff + i * K;
    const ci = cOff + i * N;
    for (let j = 0; j < N; j++) {
      const bj = bOff + j * K;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k < K4; k += 4) {
        s0 += A[ai + k] * B[bj + k];
        s1 += A[ai + k + 1] * B[bj + k + 1];
        s2 += A[ai + k + 2] * B[bj + k + 2];
        s3 += A[ai + k + 3] * B[bj + k + 3];
      }
      for (; k < K; k++) s0 += A[ai + k] * B[bj + k];
      const s = s0 + s1 + (s2 + s3);
      C[ci + j] = accumulate ? C[ci + j] + s : s;
    }
  }
};

const gemmTT: GemmBody = (M, N, K, A, aOff, B, bOff, C, cOff, accumulate) => {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += A[aOff + k * M + i] * B[bOff + j * K + k];
      const ci = cOff + i * N + j;
      C[ci] = accumulate ? C[ci] + s : s;
    }
  }
};

/**
 * o = (a > 0 ? a : 0) without a branch: the bits of a, or of +0, picked with an integer mask — exactly the branching
 * version's result (NaN → 0 included) at a fraction of its time when signs are mixed.
 */
function reluInto(a: Float32Array, o: Float32Array, n: number): void {
  const ai = new Int32Array(a.buffer, a.byteOffset, n);
  const oi = new Int32Array(o.buffer, o.byteOffset, n);
  for (let i = 0; i < n; i++) oi[i] = ai[i] & -(a[i] > 0);
}

/**
 * gx += (a > 0 ? g : 0), without a branch (the sign of a pre-activation is a coin flip, so a branch mispredicts
 * half the time): the bits of g, or of +0, are picked with an integer mask into a scratch, then added. Exactly the
 * branching version's result, infinities and NaNs included.
 */
function reluBackwardInto(a: Float32Array, g: Float32Array, gx: Float32Array, n: number): void {
  const picked = acquire(n);
  const pi = new Int32Array(picked.buffer, picked.byteOffset, n);
  const gi = new Int32Array(g.buffer, g.byteOffset, n);
  for (let i = 0; i < n; i++) pi[i] = gi[i] & -(a[i] > 0);
  for (let i = 0; i < n; i++) gx[i] += picked[i];
  release(picked);
}

/** Adam's update, in double precision with every array value rounded to float32 as it is stored (core/optim.ts). */
function adam(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  n: number,
  h: AdamStep,
): void {
  const { beta1: b1, beta2: b2, lr, eps, c1, c2 } = h;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    m[i] = b1 * m[i] + (1 - b1) * gi;
    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
    w[i] -= (lr * (m[i] * c1)) / (Math.sqrt(v[i] * c2) + eps);
  }
}

/** LayerNorm's dz pass, one row at a time, in double precision with float32 stores (see LayerNormDz). */
function layerNormDz({ g, xhat, gamma: gm, means, g0, g1, rows, D, roundDz }: LayerNormDz): void {
  for (let r = 0; r < rows; r++) {
    const off = r * D;
    const m1 = means[2 * r];
    const m2 = means[2 * r + 1];
    const rstd = xhat[rows * D + r];
    if (!roundDz) {
      for (let j = 0; j < D; j++) g0[off + j] += rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2);
    } else if (g1 === null) {
      for (let j = 0; j < D; j++)
        g0[off + j] += Math.fround(rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2));
    } else {
      for (let j = 0; j < D; j++) {
        const v = Math.fround(rstd * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2));
        g0[off + j] += v;
        g1[off + j] += v;
      }
    }
  }
}

/** BlockCopy as plain loops (the block's floats copied, or added in double and stored as float32). */
function copyBlocks({ src, dst, counts, srcStrides: s, dstStrides: d, len, add }: BlockCopy): void {
  for (let i0 = 0; i0 < counts[0]; i0++) {
    for (let i1 = 0; i1 < counts[1]; i1++) {
      for (let i2 = 0; i2 < counts[2]; i2++) {
        const a = i0 * s[0] + i1 * s[1] + i2 * s[2];
        const b = i0 * d[0] + i1 * d[1] + i2 * d[2];
        if (add) for (let j = 0; j < len; j++) dst[b + j] += src[a + j];
        else for (let j = 0; j < len; j++) dst[b + j] = src[a + j];
      }
    }
  }
}

export const jsKernels: Kernels = {
  gemm(transA, transB, M, N, K, A, aOff, B, bOff, C, cOff, accumulate) {
    if (!transB) {
      // NN: A [M,K] (i stride K, k stride 1); TN: A stored [K,M] (i stride 1, k stride M).
      if (!transA) gemmRowStream(M, N, K, A, aOff, K, 1, B, bOff, C, cOff, accumulate);
      else gemmRowStream(M, N, K, A, aOff, 1, M, B, bOff, C, cOff, accumulate);
    } else if (!transA) gemmNT(M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
    else gemmTT(M, N, K, A, aOff, B, bOff, C, cOff, accumulate);
  },
  addRowVector(C, rows, n, b) {
    for (let r = 0; r < rows; r++) {
      const off = r * n;
      for (let j = 0; j < n; j++) C[off + j] += b[j];
    }
  },
  addColumnSums(G, rows, n, s) {
    for (let r = 0; r < rows; r++) {
      const off = r * n;
      for (let j = 0; j < n; j++) s[j] += G[off + j];
    }
  },
  relu: reluInto,
  reluBackward: reluBackwardInto,
  adam,
  layerNormDz,
  copyBlocks,
};
