import { describe, expect, it } from 'vitest';
import { fmt } from './format';

describe('fmt (fixed-decimal read-outs)', () => {
  it('prints plain decimals, never exponent notation', () => {
    expect(fmt(0.000123456, 5)).toBe('0.00012');
    expect(fmt(1234567.891, 2)).toBe('1234567.89');
    expect(fmt(-0.5)).toBe('-0.5000');
  });

  it('prints 0 for what would round to −0, and – for an absent or non-finite value', () => {
    expect(fmt(-0.00004, 4)).toBe('0.0000');
    expect(fmt(undefined)).toBe('–');
    expect(fmt(NaN)).toBe('–');
    expect(fmt(-Infinity)).toBe('–');
  });
});
