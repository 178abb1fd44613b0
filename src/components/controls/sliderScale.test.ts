import { describe, expect, it } from 'vitest';
import { fromPosition, RESOLUTION, toPosition } from './sliderScale';

describe('slider scale', () => {
  it('maps a log scale evenly over decades and gives readable values', () => {
    const s = { min: 1e-4, max: 10, log: true };
    expect(fromPosition(s, 0)).toBe(1e-4);
    expect(fromPosition(s, RESOLUTION)).toBe(10);
    expect(fromPosition(s, RESOLUTION * 0.6)).toBe(0.1);
    expect(toPosition(s, 0.1)).toBe(600);
    expect(String(fromPosition(s, 333))).toMatch(/^\d\.\d+$|^0\.0*\d{1,2}$/);
  });

  it('snaps linear scales to the step and clamps', () => {
    const s = { min: 1, max: 256, log: false, step: 1 };
    expect(fromPosition(s, 500)).toBe(129);
    expect(Number.isInteger(fromPosition(s, 123))).toBe(true);
    expect(toPosition(s, 1e9)).toBe(RESOLUTION);
    expect(toPosition(s, NaN)).toBe(0);
  });
});
