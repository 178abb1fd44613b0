import { describe, expect, it } from 'vitest';
import { fitLabelSize } from './Axes';

describe('fitLabelSize (rotated y-axis labels)', () => {
  it('keeps the axis font for a label that fits the axis', () => {
    expect(fitLabelSize('loss', 200, 12)).toBe(12);
  });

  it('shrinks a label longer than the axis until it fits', () => {
    const size = fitLabelSize('L = 1/(2m) Σ (h − y)²', 150, 14); // 21 characters ≈ 170 px at 14 px
    expect(size).toBeLessThan(14);
    expect(21 * 0.58 * size).toBeCloseTo(150, 6);
  });

  it('never goes below 60 % of the axis font', () => {
    expect(fitLabelSize('a very long axis label indeed', 20, 10)).toBe(6);
  });
});
