import { describe, expect, it } from 'vitest';
import { DownsampledHistory } from './history';
import { scheduledLr, WARMUP_STEPS } from './params';

describe('DownsampledHistory', () => {
  it('keeps every point until full, then halves and stays bounded over a long run', () => {
    const h = new DownsampledHistory(['loss'], 8);
    for (let s = 1; s <= 7; s++) h.push(s, { loss: 1 / s });
    expect(h.length).toBe(7);
    for (let s = 8; s <= 10_000; s++) h.push(s, { loss: 1 / s });
    expect(h.length).toBeLessThanOrEqual(8);
    const snap = h.snapshot();
    expect(snap.step[0]).toBe(1);
    expect(snap.step[snap.step.length - 1]).toBeGreaterThan(5000); // still covers the whole run
    for (let i = 1; i < snap.step.length; i++) expect(snap.step[i]).toBeGreaterThan(snap.step[i - 1]);
  });
  it('stores missing or non-finite values as NaN and clears', () => {
    const h = new DownsampledHistory(['loss', 'acc']);
    h.push(1, { loss: Number.POSITIVE_INFINITY });
    const snap = h.snapshot();
    expect(Number.isNaN(snap.loss[0])).toBe(true);
    expect(Number.isNaN(snap.acc[0])).toBe(true);
    h.clear();
    expect(h.length).toBe(0);
  });
});

describe('warm-up schedule', () => {
  it('ramps linearly to the base rate, or is flat when off', () => {
    expect(scheduledLr(0.01, 0, true)).toBeCloseTo(0.01 / WARMUP_STEPS);
    expect(scheduledLr(0.01, WARMUP_STEPS - 1, true)).toBeCloseTo(0.01);
    expect(scheduledLr(0.01, 10_000, true)).toBeCloseTo(0.01);
    expect(scheduledLr(0.01, 0, false)).toBe(0.01);
  });
});
