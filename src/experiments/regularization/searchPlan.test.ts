import { describe, expect, it } from 'vitest';
import {
  distinctLearningRates,
  gridPoints,
  gridShape,
  logSpaced,
  randomPoints,
  type SearchSpace,
} from './searchPlan';

const SPACE: SearchSpace = { lr: { lo: 0.001, hi: 1 }, lambda: { lo: 0.00001, hi: 0.001 } };

describe('search scheduler', () => {
  it('grid shape: the largest grid that fits the budget, as square as possible', () => {
    expect(gridShape(9)).toEqual({ lrs: 3, lambdas: 3, trials: 9 });
    expect(gridShape(16)).toEqual({ lrs: 4, lambdas: 4, trials: 16 });
    expect(gridShape(12)).toEqual({ lrs: 4, lambdas: 3, trials: 12 });
    expect(gridShape(10)).toEqual({ lrs: 3, lambdas: 3, trials: 9 });
    expect(gridShape(4)).toEqual({ lrs: 2, lambdas: 2, trials: 4 });
    for (let b = 1; b <= 40; b++) expect(gridShape(b).trials).toBeLessThanOrEqual(b);
  });

  it('log spacing includes both ends and has equal ratios', () => {
    const v = logSpaced({ lo: 0.001, hi: 1 }, 4);
    expect(v[0]).toBeCloseTo(0.001, 12);
    expect(v[3]).toBeCloseTo(1, 12);
    expect(v[1] / v[0]).toBeCloseTo(10, 9);
    expect(v[2] / v[1]).toBeCloseTo(10, 9);
    expect(logSpaced({ lo: 0.01, hi: 1 }, 1)[0]).toBeCloseTo(0.1, 12);
  });

  it('grid points: every combination once, only √N distinct learning rates', () => {
    const pts = gridPoints(SPACE, 9);
    expect(pts).toHaveLength(9);
    expect(new Set(pts.map((p) => `${p.lr},${p.lambda}`)).size).toBe(9);
    expect(distinctLearningRates(pts)).toBe(3);
    expect(pts.slice(0, 3).map((p) => p.lr)).toEqual(logSpaced(SPACE.lr, 3)); // first row spans the lr axis
    expect(distinctLearningRates(gridPoints(SPACE, 16))).toBe(4);
  });

  it('random points: seeded, inside the box, a distinct learning rate per trial', () => {
    const a = randomPoints(SPACE, 9, 42);
    expect(randomPoints(SPACE, 9, 42)).toEqual(a);
    expect(randomPoints(SPACE, 9, 43)).not.toEqual(a);
    expect(a).toHaveLength(9);
    expect(distinctLearningRates(a)).toBe(9);
    for (const p of a) {
      expect(p.lr).toBeGreaterThanOrEqual(SPACE.lr.lo);
      expect(p.lr).toBeLessThan(SPACE.lr.hi);
      expect(p.lambda).toBeGreaterThanOrEqual(SPACE.lambda.lo);
      expect(p.lambda).toBeLessThan(SPACE.lambda.hi);
    }
    expect(randomPoints(SPACE, 10, 1)).toHaveLength(9); // same count as the grid
  });

  it('random points are log-uniform: about half of them below the geometric middle', () => {
    const pts = randomPoints(SPACE, 25 * 25, 7).slice(0, 600);
    const mid = Math.sqrt(SPACE.lr.lo * SPACE.lr.hi);
    const below = pts.filter((p) => p.lr < mid).length / pts.length;
    expect(below).toBeGreaterThan(0.42);
    expect(below).toBeLessThan(0.58);
  });
});
