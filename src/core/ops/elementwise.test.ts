/** Elementwise ops (unary and binary with broadcasting): forward and gradient vs float64 finite differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrad } from '../testing';
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
});

describe('binary ops: broadcast fast paths', () => {
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
