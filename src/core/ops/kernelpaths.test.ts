/**
 * Gradient checks where the products really run. The ordinary op tests use shapes below every kernel threshold, so
 * here each matmul/linear gradient is checked against float64 finite differences at shapes that take one specific
 * path — plain JS loops, packed JS (≥ 2,048 multiply-adds), WebAssembly SIMD (≥ 8,192; also its swapped Cᵀ = B·Aᵀ
 * and batched entry points) and matmul's batch fold — and each test asserts, from the kernels' call counters, that
 * the forward and every backward product took that path and no other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWasmKernels, jsKernels, kernels, packedKernels, setKernels, type Kernels } from '../kernels';
import type { Tensor } from '../tensor';
import { checkGrad, type GradCheckOptions } from '../testing';
import { linear, matmul } from './matmul';
import { concat, reshape } from './shape';

/** Float64 C = op(A)·op(B) for flat row-major A, B (A [M,K] or [K,M] with tA; B [K,N] or [N,K] with tB). */
function mm(A: number[], B: number[], M: number, K: number, N: number, tA: boolean, tB: boolean): number[] {
  const out = new Array<number>(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++)
        s += (tA ? A[k * M + i] : A[i * K + k]) * (tB ? B[j * K + k] : B[k * N + j]);
      out[i * N + j] = s;
    }
  return out;
}

/** batches of mm; an operand with stride 0 is shared by every batch. */
function bmm(
  A: number[],
  B: number[],
  dims: { batches: number; M: number; K: number; N: number; shareA?: boolean; shareB?: boolean },
  tA = false,
  tB = false,
): number[] {
  const { batches, M, K, N } = dims;
  const out: number[] = [];
  for (let t = 0; t < batches; t++) {
    const a = dims.shareA ? A : A.slice(t * M * K, (t + 1) * M * K);
    const b = dims.shareB ? B : B.slice(t * K * N, (t + 1) * K * N);
    out.push(...mm(a, b, M, K, N, tA, tB));
  }
  return out;
}

/** How many calls each path of `k` took while fn ran. */
function pathsTaken(k: Kernels, fn: () => void): Record<string, number> {
  const before = { ...k.calls };
  fn();
  const delta: Record<string, number> = {};
  for (const [path, n] of Object.entries(k.calls ?? {})) {
    if (n - (before[path] ?? 0) > 0) delta[path] = n - (before[path] ?? 0);
  }
  return delta;
}

interface GemmCall {
  fn: 'gemm' | 'gemmBatched';
  batches: number;
  M: number;
  N: number;
  K: number;
}

/** A kernel set that forwards to `inner` and logs every call (to see how matmul split the work). */
function recording(inner: Kernels, log: GemmCall[]): Kernels {
  return {
    name: 'recording',
    gemm(tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, acc) {
      log.push({ fn: 'gemm', batches: 1, M, N, K });
      inner.gemm(tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, acc);
    },
    gemmBatched(batches, tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, acc) {
      log.push({ fn: 'gemmBatched', batches, M, N, K });
      inner.gemmBatched!(batches, tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, acc);
    },
  };
}

const wasm = createWasmKernels();
const original = kernels;
afterEach(() => {
  setKernels(original);
});

/** Elements checked per input (first, last and random ones): enough to land in every edge panel, cheap to run. */
const SAMPLE = 96;

/**
 * checkGrad of a product whose output also lists its inputs (flattened): every input's gradient then arrives in two
 * parts, so a backward product that overwrote the gradient instead of adding to it would be caught.
 */
function checkProduct(
  op: (...xs: Tensor[]) => Tensor,
  shapes: readonly (readonly number[])[],
  options: GradCheckOptions & { reference: (...xs: number[][]) => number[] },
): void {
  const { reference } = options;
  const flat = (t: Tensor) => reshape(t, [-1]);
  checkGrad((...xs) => concat([flat(op(...xs)), ...xs.map(flat)], 0), shapes, {
    sample: SAMPLE,
    ...options,
    reference: (...xs) => [...reference(...xs), ...xs.flat()],
  });
}

const VARIANTS = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

/** checkGrad of matmul at [M,K]·[K,N] (transposes as given) against the float64 product. */
function checkMatmul(M: number, K: number, N: number, tA: boolean, tB: boolean, seed = 1): void {
  checkProduct(
    (a, b) => matmul(a, b, { transA: tA, transB: tB }),
    [tA ? [K, M] : [M, K], tB ? [N, K] : [K, N]],
    {
      seed,
      reference: (a, b) => mm(a, b, M, K, N, tA, tB),
      sample: SAMPLE,
    },
  );
}

describe('matmul gradients on every kernel path (float64 finite differences)', () => {
  it('plain JS loops (< 2,048 multiply-adds)', () => {
    setKernels(packedKernels);
    const taken = pathsTaken(packedKernels, () => {
      for (const [tA, tB] of VARIANTS) checkMatmul(7, 13, 9, tA, tB); // 819 MACs
    });
    expect(taken).toEqual({ plain: 4 * 3 }); // forward + dA + dB per variant
  });

  it('packed JS kernels (≥ 2,048 multiply-adds, edge panels on every side)', () => {
    setKernels(packedKernels);
    const taken = pathsTaken(packedKernels, () => {
      for (const [tA, tB] of VARIANTS) checkMatmul(9, 17, 15, tA, tB, 2); // 2,295 MACs
    });
    expect(taken).toEqual({ packed: 4 * 3 });
  });

  it('WebAssembly SIMD (≥ 8,192 multiply-adds), all transpose variants', () => {
    expect(wasm).not.toBeNull();
    setKernels(wasm!);
    const taken = pathsTaken(wasm!, () => {
      for (const [tA, tB] of VARIANTS) checkMatmul(13, 33, 21, tA, tB, 3); // 9,009 MACs; none takes the swap
    });
    expect(taken).toEqual({ wasm: 4 * 3 });
  });

  it('WebAssembly swapped path (few rows times a big Bᵀ: Cᵀ = B·Aᵀ), in the forward and in a backward', () => {
    setKernels(wasm!);
    // Forward A·Bᵀ with 4·M ≤ N swaps (12,288 MACs); dA = g·B and dB = gᵀ·A do not.
    expect(pathsTaken(wasm!, () => checkMatmul(4, 48, 64, false, true, 4))).toEqual({ swapped: 1, wasm: 2 });
    // A [4, 64]·B [64, 40]: dA = g·Bᵀ is 4 rows times a 64-row Bᵀ, so the swap runs accumulating into a gradient.
    expect(pathsTaken(wasm!, () => checkMatmul(4, 64, 40, false, false, 4))).toEqual({ swapped: 1, wasm: 2 });
  });

  it('WebAssembly batched products (attention-shaped [B, M, K]·[B, K, N])', () => {
    setKernels(wasm!);
    const dims = { batches: 3, M: 6, K: 16, N: 30 }; // 8,640 MACs in all, 2,880 per batch
    for (const [tA, tB] of VARIANTS) {
      const { batches: b, M, K, N } = dims;
      const taken = pathsTaken(wasm!, () =>
        checkProduct(
          (x, y) => matmul(x, y, { transA: tA, transB: tB }),
          [
            [b, ...(tA ? [K, M] : [M, K])],
            [b, ...(tB ? [N, K] : [K, N])],
          ],
          { seed: 5, sample: SAMPLE, reference: (x, y) => bmm(x, y, dims, tA, tB) },
        ),
      );
      expect(taken).toEqual({ batched: 3 });
    }
  });
});

describe('matmul gradients: the batch fold and an operand used twice (float64 finite differences)', () => {
  it('the batch fold: [B, T, K] times a shared [K, N] runs as one [B·T, K] product, forward and backward', () => {
    for (const k of [wasm!, packedKernels]) {
      const log: GemmCall[] = [];
      setKernels(recording(k, log));
      const dims = { batches: 4, M: 5, K: 24, N: 20, shareB: true }; // folded: 20×24·24×20 = 9,600 MACs
      for (const tB of [false, true]) {
        log.length = 0;
        const taken = pathsTaken(k, () =>
          checkProduct((x, w) => matmul(x, w, { transB: tB }), [[4, 5, 24], tB ? [20, 24] : [24, 20]], {
            seed: 6,
            sample: SAMPLE,
            reference: (x, w) => bmm(x, w, dims, false, tB),
          }),
        );
        // Forward, dA and dB: each one product with the batch folded into the rows (20 = 4·5), none per batch.
        expect(log.map((c) => c.fn)).toEqual(['gemm', 'gemm', 'gemm']);
        expect(log.every((c) => c.M * c.N * c.K === 20 * 24 * 20)).toBe(true);
        expect(taken.plain).toBeUndefined();
      }
    }
  });

  it('a batched Aᵀ times a shared B cannot fold: one product per batch (shared B stride 0), still right', () => {
    const log: GemmCall[] = [];
    setKernels(recording(wasm!, log));
    const dims = { batches: 3, M: 8, K: 20, N: 18, shareB: true };
    checkProduct(
      (x, w) => matmul(x, w, { transA: true }),
      [
        [3, 20, 8],
        [20, 18],
      ],
      {
        seed: 7,
        sample: SAMPLE,
        reference: (x, w) => bmm(x, w, dims, true, false),
      },
    );
    expect(log.filter((c) => c.fn === 'gemm').length).toBe(3 * 3); // forward, dA, dB per batch
  });

  it('an operand used twice accumulates both gradients (x·xᵀ on the wasm path)', () => {
    setKernels(wasm!);
    const taken = pathsTaken(wasm!, () =>
      checkProduct((x) => matmul(x, x, { transB: true }), [[24, 16]], {
        seed: 8,
        sample: SAMPLE,
        reference: (x) => mm(x, x, 24, 16, 24, false, true),
      }),
    );
    expect(taken).toEqual({ wasm: 3 });
  });
});

describe('linear (every layer of every model) on the production paths', () => {
  /** Float64 x·Wᵀ + b, x [R, I], W [O, I]. */
  const linearRef = (R: number, I: number, O: number) => (x: number[], w: number[], b: number[]) =>
    mm(x, w, R, I, O, false, true).map((v, k) => v + b[k % O]);

  it('packed and wasm sizes, with a leading batch dim', () => {
    for (const [k, path] of [
      [packedKernels, 'packed'],
      [wasm!, 'wasm'],
    ] as const) {
      setKernels(k);
      const [B, T, I, O] = path === 'packed' ? [2, 5, 13, 17] : [3, 7, 22, 19]; // 2,210 / 8,778 MACs
      const taken = pathsTaken(k, () =>
        checkProduct(linear, [[B, T, I], [O, I], [O]], {
          seed: 9,
          sample: SAMPLE,
          reference: linearRef(B * T, I, O),
        }),
      );
      expect(taken).toEqual({ [path]: 3 });
    }
  });

  it('an RNN-step shape (few rows, wide weight) takes the swapped path', () => {
    setKernels(wasm!);
    const taken = pathsTaken(wasm!, () =>
      checkProduct(linear, [[3, 40], [96, 40], [96]], {
        seed: 10,
        sample: SAMPLE,
        reference: linearRef(3, 40, 96),
      }),
    );
    expect(taken.swapped).toBe(1);
    expect(taken.plain).toBeUndefined();
  });
});

describe('the checks catch a broken kernel', () => {
  /** A kernel set that is right in the forward (accumulate = false) and wrong in the backward. */
  const brokenBackward = (inner: Kernels, how: 'overwrite' | 'nudge'): Kernels => ({
    name: 'broken',
    gemm(tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, acc) {
      inner.gemm(tA, tB, M, N, K, A, aOff, B, bOff, C, cOff, how === 'overwrite' ? false : acc);
      if (acc && how === 'nudge') C[cOff + ((M * N) >> 1)] += 0.05;
    },
  });
  it('a backward that overwrites instead of accumulating, or is off by 0.05 in one value, fails', () => {
    setKernels(brokenBackward(wasm!, 'overwrite'));
    expect(() =>
      checkGrad((x) => matmul(x, x, { transB: true }), [[24, 16]], {
        seed: 8,
        sample: SAMPLE,
        reference: (x) => mm(x, x, 24, 16, 24, false, true),
      }),
    ).toThrow(/d\/d input 0/);
    setKernels(brokenBackward(jsKernels, 'nudge'));
    expect(() => checkMatmul(9, 17, 15, false, false)).toThrow(/d\/d input/);
  });
});
