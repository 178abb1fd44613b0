/** Shape ops (transpose, slice, concat, reshape, split, gather): gradients and views. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrad } from '../testing';
import { noGrad } from '../autograd';
import { Rng } from '../random';
import { tensor } from '../tensor';
import * as op from './index';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const seedArb = fc.integer({ min: 0, max: 1_000_000 });

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
