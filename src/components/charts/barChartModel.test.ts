import { describe, expect, it } from 'vitest';
import { barCaption, barLabelLayout, barValueScale } from './barChartModel';

const bars = [
  { label: 'a', value: 0.5 },
  { label: 'b', value: -0.25 },
  { label: 'c', value: NaN },
];

describe('barChartModel', () => {
  it('a linear scale includes 0 and puts the baseline at 0', () => {
    const { sy, y0 } = barValueScale(bars, false, undefined, 100);
    expect(sy.domain()[0]).toBeLessThanOrEqual(-0.25);
    expect(sy.domain()[1]).toBeGreaterThanOrEqual(0.5);
    expect(y0).toBeCloseTo(sy(0), 10);
  });

  it('a log scale skips values ≤ 0 and sits on the bottom', () => {
    const { sy, y0 } = barValueScale([{ label: 'x', value: 0.01 }, ...bars], true, undefined, 100);
    expect(sy.domain()[0]).toBeLessThanOrEqual(0.01);
    expect(y0).toBe(100);
  });

  it('long labels rotate; short ones do not; every-n thins crowded labels', () => {
    expect(barLabelLayout(['a', 'b'], 400, 12).rotate).toBe(false);
    const long = barLabelLayout(['a very long label indeed', 'b'], 100, 12);
    expect(long.rotate).toBe(true);
    expect(long.labelH).toBeLessThanOrEqual(80);
    expect(barLabelLayout(['aaaa', 'bbbb'], 400, 12).every(5)).toBeGreaterThan(1);
  });

  it('the caption lists values', () => {
    expect(barCaption(undefined, bars.slice(0, 2), (v) => v.toFixed(2))).toBe('a: 0.50, b: -0.25.');
    expect(barCaption('Note.', [], String)).toBe('Note. No bars to show.');
  });
});
