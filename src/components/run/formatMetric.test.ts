import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatMetric } from './formatMetric';

describe('formatMetric', () => {
  it('writes plain decimals with four significant digits', () => {
    expect(formatMetric(0.042123)).toBe('0.04212');
    expect(formatMetric(1.23456)).toBe('1.235');
    expect(formatMetric(12345)).toBe('12345');
    expect(formatMetric(123456.7)).toBe('123457');
    expect(formatMetric(1e-9)).toBe('0.000000001000');
    expect(formatMetric(-0.5)).toBe('-0.5000');
  });

  it('never uses exponents and shows a dash for non-finite values', () => {
    for (const x of [1e-12, 3.3e-7, 7e20, 3e25, 0.1 + 0.2]) {
      expect(formatMetric(x)).not.toMatch(/e/i);
      expect(Number(formatMetric(x))).not.toBeNaN();
    }
    expect(formatMetric(NaN)).toBe('—');
    expect(formatMetric(Infinity)).toBe('—');
    expect(formatMetric(undefined)).toBe('—');
  });

  it('formats accuracy with three places', () => {
    expect(formatAccuracy(0.95)).toBe('0.950');
    expect(formatAccuracy(undefined)).toBe('—');
  });
});
