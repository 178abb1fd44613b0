import { describe, expect, it } from 'vitest';
import { logSumExp, sigmoid, softmax } from './scalar';

describe('scalar maths', () => {
  it('sigmoid is exact at 0, symmetric and finite for huge inputs', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });

  it('logSumExp matches the direct formula and survives large values', () => {
    expect(logSumExp([1, 2, 3])).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), 12);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
    expect(logSumExp([])).toBe(-Infinity);
  });

  it('softmax sums to 1, honours the temperature and ignores bad input', () => {
    const p = softmax([2, 1, 0]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0] / p[1]).toBeCloseTo(Math.E, 10);
    const hot = softmax([2, 1, 0], 10);
    expect(hot[0] - hot[2]).toBeLessThan(p[0] - p[2]);
    expect(softmax([1, NaN], -1)).toEqual(softmax([1, 0], 1));
  });
});
