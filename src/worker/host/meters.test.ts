import { describe, expect, it } from 'vitest';
import { AckLatency, restBetweenSlices } from './meters';

describe('restBetweenSlices', () => {
  it('is zero while frames are shown promptly, grows with the wait, and is capped', () => {
    expect(restBetweenSlices(0)).toBe(0);
    expect(restBetweenSlices(14)).toBe(0);
    expect(restBetweenSlices(17)).toBeCloseTo(3);
    expect(restBetweenSlices(22)).toBeCloseTo(8);
    expect(restBetweenSlices(26)).toBe(12);
    expect(restBetweenSlices(1e6)).toBe(12);
  });

  it('treats a missing or broken measure as a page that keeps up', () => {
    expect(restBetweenSlices(Number.NaN)).toBe(0);
    expect(restBetweenSlices(-5)).toBe(0);
  });
});

describe('AckLatency', () => {
  it('smooths the measures and ignores non-finite or negative ones', () => {
    const a = new AckLatency();
    a.note(10);
    expect(a.ms).toBeCloseTo(2);
    a.note(Number.NaN);
    a.note(-1);
    expect(a.ms).toBeCloseTo(2);
    for (let i = 0; i < 100; i++) a.note(20);
    expect(a.ms).toBeCloseTo(20);
  });
});
