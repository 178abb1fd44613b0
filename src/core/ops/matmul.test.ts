/** matmul and linear: forward and gradient vs float64 finite differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrad } from '../testing';
import { tensor } from '../tensor';
import * as op from './index';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const seedArb = fc.integer({ min: 0, max: 1_000_000 });
const RUNS = { numRuns: 15 };

/** [M, K, N, batch] for the property tests. */
const dims = fc.tuple(
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 3 }),
);
/** Reference matmul in float64, straight from the definition: A is M×K (K×M if tA), B is K×N (N×K if tB). */
const mm = (A: number[], B: number[], M: number, K: number, N: number, tA: boolean, tB: boolean) => {
  const out: number[] = [];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++)
        s += (tA ? A[k * M + i] : A[i * K + k]) * (tB ? B[j * K + k] : B[k * N + j]);
      out.push(s);
    }
  return out;
};

describe('matmul and linear', () => {
  it('all four transpose variants, 2-D and batched', () => {
    fc.assert(
      fc.property(dims, seedArb, fc.boolean(), fc.boolean(), ([M, K, N, B], seed, tA, tB) => {
        const aShape = tA ? [K, M] : [M, K];
        const bShape = tB ? [N, K] : [K, N];
        const opts = { transA: tA, transB: tB };
        checkGrad((a, b) => op.matmul(a, b, opts), [aShape, bShape], {
          seed,
          reference: (a, b) => mm(a, b, M, K, N, tA, tB),
        });
        const batched = (a: number[], b: number[], sa: boolean, sb: boolean) => {
          const out: number[] = [];
          for (let t = 0; t < B; t++) {
            const aa = sa ? a.slice(t * M * K, (t + 1) * M * K) : a;
            const bb = sb ? b.slice(t * K * N, (t + 1) * K * N) : b;
            out.push(...mm(aa, bb, M, K, N, tA, tB));
          }
          return out;
        };
        checkGrad(
          (a, b) => op.matmul(a, b, opts),
          [
            [B, ...aShape],
            [B, ...bShape],
          ],
          {
            seed,
            reference: (a, b) => batched(a, b, true, true),
          },
        );
        checkGrad((a, b) => op.matmul(a, b, opts), [[B, ...aShape], bShape], {
          seed,
          reference: (a, b) => batched(a, b, true, false),
        });
        checkGrad((a, b) => op.matmul(a, b, opts), [aShape, [B, ...bShape]], {
          seed,
          reference: (a, b) => batched(a, b, false, true),
        });
      }),
      RUNS,
    );
  });
  it('larger shapes exercise the unrolled kernel paths', () => {
    checkGrad(
      (a, b) => op.matmul(a, b),
      [
        [7, 13],
        [13, 9],
      ],
      { reference: (a, b) => mm(a, b, 7, 13, 9, false, false) },
    );
    checkGrad(
      (a, b) => op.matmul(a, b, { transB: true }),
      [
        [6, 11],
        [5, 11],
      ],
      {
        reference: (a, b) => mm(a, b, 6, 11, 5, false, true),
      },
    );
  });
  it('linear = x·Wᵀ + b', () => {
    fc.assert(
      fc.property(dims, seedArb, ([R, I, O], seed) => {
        checkGrad(op.linear, [[R, I], [O, I], [O]], {
          seed,
          reference: (x, w, b) => mm(x, w, R, I, O, false, true).map((v, k) => v + b[k % O]),
        });
      }),
      RUNS,
    );
    expect(() => op.linear(tensor([[1, 2]]), tensor([[1, 2, 3]]))).toThrow(/does not fit/);
  });
  it('shape errors are clear', () => {
    expect(() => op.matmul(tensor([[1, 2]]), tensor([[1, 2]]))).toThrow(/inner dimensions/);
  });
});
