import { describe, expect, it } from 'vitest';
import { BatchSampler, gatherRows, iterationsPerEpoch } from './batching';
import { DATASET_2D_NAMES, circle, dataset2D, trainTestSplit } from './datasets2d';
import { function1D } from './functions1d';

describe('batching', () => {
  it('iterations per epoch = ⌈N / batch⌉; batch and stochastic modes', () => {
    expect(iterationsPerEpoch(500, 10)).toBe(50);
    expect(iterationsPerEpoch(10, 3)).toBe(4);
    expect(new BatchSampler(10, { mode: 'batch' }, 0).iterationsPerEpoch).toBe(1);
    expect(new BatchSampler(10, { mode: 'stochastic' }, 0).iterationsPerEpoch).toBe(10);
  });

  it('an epoch covers every sample once; epochs and iterations count up', () => {
    const s = new BatchSampler(10, { batchSize: 3 }, 7);
    const seen: number[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const b = s.next();
      expect(b.epoch).toBe(0);
      expect(b.iterationInEpoch).toBe(i);
      seen.push(...b.indices);
      sizes.push(b.indices.length);
    }
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const next = s.next();
    expect(next.epoch).toBe(1);
    expect(next.iteration).toBe(5);
  });

  it('is seeded and bad sizes are clamped', () => {
    const a = new BatchSampler(20, { batchSize: 5 }, 1).next().indices.slice();
    const b = new BatchSampler(20, { batchSize: 5 }, 1).next().indices.slice();
    expect(b).toEqual(a);
    expect(new BatchSampler(5, { batchSize: 100 }, 0).batchSize).toBe(5);
    expect(new BatchSampler(5, { batchSize: NaN }, 0).batchSize).toBe(5);
    expect(() => new BatchSampler(0, {}, 0)).toThrow(/at least one/);
  });

  it('gatherRows copies the picked rows', () => {
    expect(Array.from(gatherRows([1, 2, 3, 4, 5, 6], 2, [2, 0]))).toEqual([5, 6, 1, 2]);
  });
});

describe('datasets', () => {
  it('2-D sets: n points, 0/1 labels, both classes, seeded', () => {
    for (const name of DATASET_2D_NAMES) {
      const d = dataset2D(name, { n: 100, noise: 0.1 }, 3);
      expect(d.x.length).toBe(200);
      expect(new Set(d.y)).toEqual(new Set([0, 1]));
      expect(dataset2D(name, { n: 100, noise: 0.1 }, 3)).toEqual(d);
      for (const v of d.x) expect(Math.abs(v)).toBeLessThan(2);
    }
    expect(dataset2D('nope', { n: 10 }, 0)).toEqual(circle({ n: 10 }, 0));
  });

  it('circle labels follow the radius without noise', () => {
    const d = circle({ n: 100 }, 1);
    for (let i = 0; i < d.n; i++) {
      const r = Math.hypot(d.x[2 * i], d.x[2 * i + 1]);
      expect(d.y[i] === 1 ? r <= 0.5 : r >= 0.7).toBe(true);
    }
  });

  it('train/test split partitions the data', () => {
    const d = circle({ n: 50 }, 1);
    const { train, test } = trainTestSplit(d, 0.2, 5);
    expect(train.n + test.n).toBe(50);
    expect(test.n).toBe(10);
    expect(trainTestSplit(d, NaN, 5).test.n).toBe(10);
  });

  it('1-D functions', () => {
    const s = function1D('sine', { n: 5 }, 0);
    expect(Array.from(s.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(s.y[3]).toBeCloseTo(1, 6);
    expect(Array.from(function1D('step', { n: 3 }, 0).y)).toEqual([0, 0, 1]);
    expect(Array.from(function1D('abs', { n: 3 }, 0).y)).toEqual([1, 0, 1]);
    const noisy = function1D('abs', { n: 50, noise: 0.1 }, 1);
    expect(noisy.y.some((v, i) => Math.abs(v - Math.abs(noisy.x[i])) > 1e-3)).toBe(true);
  });
});
