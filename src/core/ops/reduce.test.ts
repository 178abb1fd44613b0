/** Reductions and the softmax family: forward and gradient vs float64 finite differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrad } from '../testing';
import { tensor } from '../tensor';
import * as op from './index';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });
const RUNS = { numRuns: 15 };

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
