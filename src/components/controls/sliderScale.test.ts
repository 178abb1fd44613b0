import { describe, expect, it } from 'vitest';
import { fromPosition, positionCount, toPosition, type SliderScale } from './sliderScale';

/** Every position gives a value that maps back to the same position (a keyboard arrow never gets stuck). */
function roundTrips(s: SliderScale) {
  const n = positionCount(s);
  for (let p = 0; p <= n; p++) expect(toPosition(s, fromPosition(s, p))).toBe(p);
}

describe('slider scale', () => {
  it('maps a log scale at 20 positions per decade to readable values', () => {
    const s = { min: 1e-4, max: 100, log: true };
    expect(positionCount(s)).toBe(120);
    expect(fromPosition(s, 0)).toBe(1e-4);
    expect(fromPosition(s, 120)).toBe(100);
    expect(fromPosition(s, 60)).toBe(0.1);
    expect(fromPosition(s, 61)).toBe(0.11);
    expect(toPosition(s, 0.1)).toBe(60);
    roundTrips(s);
  });

  it('uses one position per step on linear scales, snapped and clamped', () => {
    const ints = { min: 1, max: 512, log: false, step: 1 };
    expect(positionCount(ints)).toBe(511);
    expect(fromPosition(ints, 15)).toBe(16);
    roundTrips(ints);
    const fine = { min: 0, max: 0.1, log: false, step: 0.0005 };
    roundTrips(fine);
    expect(fromPosition(fine, 3)).toBe(0.0015);
    expect(toPosition(ints, 1e9)).toBe(511);
    expect(toPosition(ints, NaN)).toBe(0);
  });

  it('rounds step-less linear scales to the position resolution', () => {
    const s = { min: 0, max: 0.5, log: false };
    roundTrips(s);
    expect(fromPosition(s, 123)).toBe(0.0615);
  });
});
