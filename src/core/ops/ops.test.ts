import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrad } from '../testing';
import { noGrad } from '../autograd';
import { Rng } from '../random';
import { tensor } from '../tensor';
import * as op from './index';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

// Float64 references of each op's math (flat arrays in, flat array out).
const map1 = (f: (v: number) => number) => (x: number[]) => x.map(f);
const sig = (v: number) => 1 / (1 + Math.exp(-v));

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });
const RUNS = { numRuns: 15 };

describe('unary ops: forward and gradient vs float64 finite differences', () => {
  const cases: [
    string,
    (x: ReturnType<typeof tensor>) => ReturnType<typeof tensor>,
    (v: number) => number,
    number,
  ][] = [
    ['neg', op.neg, (v) => -v, 3],
    ['exp', op.exp, Math.exp, 3],
    ['tanh', op.tanh, Math.tanh, 3],
    ['sigmoid', op.sigmoid, sig, 5],
    ['relu', op.relu, (v) => Math.max(0, v), 3],
    ['leakyRelu', (x) => op.leakyRelu(x), (v) => (v > 0 ? v : 0.1 * v), 3],
    ['abs', op.abs, Math.abs, 3],
    ['pow3', (x) => op.pow(x, 3), (v) => v ** 3, 2],
    ['scale', (x) => op.scale(x, -2.5), (v) => -2.5 * v, 3],
    ['addScalar', (x) => op.addScalar(x, 4), (v) => v + 4, 3],
  ];
  for (const [name, f, ref, range] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb, seedArb, (shape, seed) => {
          checkGrad(f, [shape], { seed, scaleRange: range, reference: map1(ref) });
        }),
        RUNS,
      );
    });
  }

  it('log and sqrt on positive inputs', () => {
    fc.assert(
      fc.property(shapeArb, seedArb, (shape, seed) => {
        const pos = (x: ReturnType<typeof tensor>) => op.addScalar(op.mul(x, x), 0.5); // smooth, > 0
        checkGrad((x) => op.log(pos(x)), [shape], {
          seed,
          reference: map1((v) => Math.log(v * v + 0.5)),
        });
        checkGrad((x) => op.sqrt(pos(x)), [shape], {
          seed,
          reference: map1((v) => Math.sqrt(v * v + 0.5)),
        });
      }),
      RUNS,
    );
  });

  it('binaryStep passes no gradient', () => {
    const x = tensor([-1, 0.5, 2], [3], { requiresGrad: true });
    const y = op.binaryStep(x);
    expect(y.toArray()).toEqual([0, 1, 1]);
    op.sum(y).backward();
    expect(Array.from(x.grad!)).toEqual([0, 0, 0]);
  });

  it('identity returns its input', () => {
    const x = tensor([1, 2]);
    expect(op.identity(x)).toBe(x);
  });

  it('saturated sigmoid/tanh stay finite with finite gradients', () => {
    const x = tensor([-1000, -80, 80, 1000, 0], [5], { requiresGrad: true });
    const s = op.sigmoid(x);
    expect(s.toArray()).toEqual([0, expect.closeTo(0, 30), 1, 1, 0.5]);
    op.sum(op.add(s, op.tanh(x))).backward();
    for (const g of x.grad!) expect(Number.isFinite(g)).toBe(true);
  });
});

describe('binary ops with broadcasting', () => {
  const pairs = fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      fc.integer({ min: 0, max: 2 }),
    )
    .map(([shape, ones, drop]) => {
      // b: the same shape with some dims set to 1 and leading dims dropped.
      const b = shape.map((d, i) => (ones[i] ? 1 : d)).slice(Math.min(drop, shape.length - 1));
      return [shape, b] as [number[], number[]];
    });
  const ref = (f: (a: number, b: number) => number) => (a: number[], b: number[]) => {
    // Float64 broadcasting reference via the op itself is circular; use explicit index math.
    return a.map((_, i) => f(a[i], b[i % b.length]));
  };
  for (const [name, f, g] of [
    ['add', op.add, (a: number, b: number) => a + b],
    ['sub', op.sub, (a: number, b: number) => a - b],
    ['mul', op.mul, (a: number, b: number) => a * b],
  ] as const) {
    it(`${name}: same shape and broadcast`, () => {
      fc.assert(
        fc.property(pairs, seedArb, ([sa, sb], seed) => {
          checkGrad(f, [sa, sa], { seed, reference: ref(g) });
          // Broadcast case: checked against float32 finite differences of the op itself.
          checkGrad(f, [sa, sb], { seed });
          checkGrad(f, [sb, sa], { seed });
        }),
        RUNS,
      );
    });
  }
  it('div (denominator kept away from 0)', () => {
    fc.assert(
      fc.property(pairs, seedArb, ([sa, sb], seed) => {
        const safe = (x: ReturnType<typeof tensor>) => op.addScalar(op.mul(x, x), 1); // smooth, ≥ 1
        checkGrad((a, b) => op.div(a, safe(b)), [sa, sa], {
          seed,
          reference: (a, b) => a.map((v, i) => v / (b[i] * b[i] + 1)),
        });
        checkGrad((a, b) => op.div(a, safe(b)), [sa, sb], { seed });
      }),
      RUNS,
    );
  });
  it('broadcast fast paths (bias rows, per-row columns) agree with finite differences', () => {
    const cases: number[][][] = [
      [[4, 3], [3]], // rows of b
      [[3], [4, 3]], // rows of a
      [
        [2, 3, 4],
        [1, 3, 4],
      ], // rows of b
      [
        [2, 3, 4],
        [2, 3, 1],
      ], // column: one value per row
      [
        [5, 2],
        [5, 1],
      ], // column
      [
        [2, 3, 4],
        [3, 1],
      ], // general (repeats over the first and last axes)
      [
        [2, 3, 4],
        [2, 1, 4],
      ], // general
    ];
    const safeDiv = (a: Parameters<typeof op.div>[0], b: Parameters<typeof op.div>[0]) =>
      op.div(a, op.addScalar(op.mul(b, b), 1));
    for (const f of [op.add, op.sub, op.mul, safeDiv]) for (const shapes of cases) checkGrad(f, shapes);
    // Row means over the last axis (the last-axis reduce path) used as a column, as a layer norm built from ops does.
    const rowMean = (x: number[], i: number) =>
      (x[i - (i % 4)] + x[i - (i % 4) + 1] + x[i - (i % 4) + 2] + x[i - (i % 4) + 3]) / 4;
    checkGrad((x) => op.sub(x, op.mean(x, -1, true)), [[3, 4]], {
      reference: (x) => x.map((v, i) => v - rowMean(x, i)),
    });
  });
  it('row-vector bias broadcast has the right values', () => {
    const y = op.add(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      tensor([10, 20, 30]),
    );
    expect(y.toArray()).toEqual([11, 22, 33, 14, 25, 36]);
    expect(() => op.add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(/broadcast/);
  });
});

describe('reductions', () => {
  it('sum / mean / max over random axes', () => {
    fc.assert(
      fc.property(shapeArb, seedArb, fc.boolean(), (shape, seed, keep) => {
        const axis = seed % shape.length;
        checkGrad((x) => op.sum(x, axis, keep), [shape], { seed });
        checkGrad((x) => op.mean(x, [axis], keep), [shape], { seed });
        checkGrad((x) => op.sum(x), [shape], { seed, reference: (x) => [x.reduce((s, v) => s + v, 0)] });
        checkGrad((x) => op.mean(x), [shape], {
          seed,
          reference: (x) => [x.reduce((s, v) => s + v, 0) / x.length],
        });
        // max: distinct random values, so the arg-max is unique and the FD step does not cross a tie.
        checkGrad((x) => op.max(x, axis, keep), [shape], { seed, eps: 1e-3 });
      }),
      RUNS,
    );
  });
  it('values', () => {
    const x = tensor([
      [1, 5, 3],
      [4, 2, 6],
    ]);
    expect(op.sum(x, 0).toArray()).toEqual([5, 7, 9]);
    expect(op.mean(x, 1, true).shape).toEqual([2, 1]);
    expect(op.max(x, -1).toArray()).toEqual([5, 6]);
    expect(op.max(x).item()).toBe(6);
    expect(() => op.sum(x, 2)).toThrow(/axis/);
  });
});

describe('softmax family', () => {
  const softmaxRef = (x: number[], C: number) => {
    const out: number[] = [];
    for (let r = 0; r < x.length / C; r++) {
      const row = x.slice(r * C, r * C + C);
      const m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      out.push(...e.map((v) => v / s));
    }
    return out;
  };
  it('softmax and logSoftmax match float64', () => {
    fc.assert(
      fc.property(shapeArb, seedArb, (shape, seed) => {
        const C = shape[shape.length - 1];
        checkGrad(op.softmax, [shape], { seed, scaleRange: 5, reference: (x) => softmaxRef(x, C) });
        checkGrad(op.logSoftmax, [shape], {
          seed,
          scaleRange: 5,
          reference: (x) => softmaxRef(x, C).map(Math.log),
        });
      }),
      RUNS,
    );
  });
  it('large logits stay finite', () => {
    const x = tensor(
      [
        [1000, -1000, 999],
        [-5000, -5001, -5002],
      ],
      undefined,
      { requiresGrad: true },
    );
    const p = op.softmax(x);
    const lp = op.logSoftmax(x);
    for (const v of [...p.data, ...lp.data]) expect(Number.isFinite(v)).toBe(true);
    expect(p.at(0, 0)).toBeCloseTo(1 / (1 + Math.exp(-1)), 5);
    op.sum(op.add(p, lp)).backward();
    for (const g of x.grad!) expect(Number.isFinite(g)).toBe(true);
  });
  it('maxout keeps the max of each group', () => {
    const y = op.maxout(tensor([[1, 4, 2, 3, -1, -2]]), 2);
    expect(y.toArray()).toEqual([4, 3, -1]);
    checkGrad((x) => op.maxout(x, 3), [[2, 6]], { eps: 1e-3 });
    expect(() => op.maxout(tensor([[1, 2, 3]]), 2)).toThrow(/divisible/);
  });
});

describe('matmul and linear', () => {
  const dims = fc.tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 3 }),
  );
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

describe('shape ops over random shapes', () => {
  const shape3 = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
  it('transpose (random permutation), slice (random axis and range), concat and reshape', () => {
    fc.assert(
      fc.property(shape3, seedArb, (shape, seed) => {
        const rng = new Rng(seed);
        const perm = rng.shuffle(shape.map((_, i) => i));
        checkGrad((x) => op.transpose(x, perm), [shape], { seed });
        const axis = rng.int(shape.length);
        const start = rng.int(shape[axis]);
        const end = start + 1 + rng.int(shape[axis] - start);
        checkGrad((x) => op.slice(x, axis, start, end), [shape], { seed });
        const other = shape.slice();
        other[axis] = 1 + rng.int(3);
        checkGrad((a, b) => op.concat([a, b], axis), [shape, other], { seed });
        checkGrad((x) => op.reshape(op.scale(x, 3), [-1]), [shape], { seed });
      }),
      { numRuns: 25 },
    );
  });
});

describe('shape ops', () => {
  it('reshape, transpose, slice, concat, split, stack', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        checkGrad((x) => op.reshape(op.scale(x, 2), [3, -1]), [[2, 6]], { seed });
        checkGrad((x) => op.transpose(x), [[2, 3, 4]], { seed });
        checkGrad((x) => op.transpose(x, [2, 0, 1]), [[2, 3, 4]], { seed });
        checkGrad((x) => op.slice(x, 1, 1, 3), [[2, 4, 3]], { seed });
        checkGrad(
          (a, b) => op.concat([a, b, a], 1),
          [
            [2, 3],
            [2, 1],
          ],
          { seed },
        );
        checkGrad((x) => op.mul(...(op.split(x, 2, -1) as [never, never])), [[3, 4]], { seed });
        checkGrad(
          (a, b) => op.stack([a, b], 1),
          [
            [2, 3],
            [2, 3],
          ],
          { seed },
        );
      }),
      { numRuns: 5 },
    );
  });
  it('values', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(op.transpose(x).toArray()).toEqual([1, 4, 2, 5, 3, 6]);
    expect(op.slice(x, 1, -2).toArray()).toEqual([2, 3, 5, 6]);
    expect(op.concat([x, x], 0).shape).toEqual([4, 3]);
    expect(op.stack([x, x], 0).shape).toEqual([2, 2, 3]);
    expect(op.split(x, [1, 2], 1).map((t) => t.shape)).toEqual([
      [2, 1],
      [2, 2],
    ]);
    expect(() => op.reshape(x, [4, 2])).toThrow(/cannot view/);
  });
  it('gather accumulates gradients for repeated ids and rejects bad ids', () => {
    const table = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      undefined,
      { requiresGrad: true },
    );
    const rows = op.gather(table, [2, 0, 2], [3]);
    expect(rows.toArray()).toEqual([5, 6, 1, 2, 5, 6]);
    op.sum(rows).backward();
    expect(Array.from(table.grad!)).toEqual([1, 1, 0, 0, 2, 2]);
    expect(() => op.gather(table, [3])).toThrow(/outside/);
    checkGrad((t) => op.gather(t, [1, 1, 0, 2], [2, 2]), [[3, 4]]);
  });
  it('a noGrad view of a recorded tensor is an independent copy', () => {
    const w = tensor([1, 2, 3, 4], [4], { requiresGrad: true });
    const h = op.scale(w, 1);
    const v = noGrad(() => op.reshape(h, [2, 2]));
    expect(v.data.buffer).not.toBe(h.data.buffer);
  });
});
