import { describe, expect, it } from 'vitest';
import { DownsampledHistory } from './history';
import { DECAY_END_STEP, DECAY_FLOOR, scheduledLr, WARMUP_STEPS } from './params';

describe('DownsampledHistory', () => {
  it('keeps every point until full, then halves and stays bounded over a long run', () => {
    const h = new DownsampledHistory(['loss'], 8);
    for (let s = 1; s <= 7; s++) h.pushNamed({ step: s, loss: 1 / s });
    expect(h.length).toBe(7);
    for (let s = 8; s <= 10_000; s++) h.pushNamed({ step: s, loss: 1 / s });
    expect(h.length).toBeLessThanOrEqual(8);
    const snap = h.series();
    expect(snap.step[0]).toBe(1);
    expect(snap.step[snap.step.length - 1]).toBeGreaterThan(5000); // still covers the whole run
    for (let i = 1; i < snap.step.length; i++) expect(snap.step[i]).toBeGreaterThan(snap.step[i - 1]);
  });
  it('stores missing or non-finite values as NaN and clears', () => {
    const h = new DownsampledHistory(['loss', 'acc']);
    h.pushNamed({ step: 1, loss: Number.POSITIVE_INFINITY });
    const snap = h.series();
    expect(Number.isNaN(snap.loss[0])).toBe(true);
    expect(Number.isNaN(snap.acc[0])).toBe(true);
    h.clear();
    expect(h.length).toBe(0);
  });
});

describe('learning-rate schedule', () => {
  it('ramps linearly to the base rate, or starts at it when warm-up is off', () => {
    expect(scheduledLr(0.01, 0, true)).toBeCloseTo(0.01 / WARMUP_STEPS);
    expect(scheduledLr(0.01, WARMUP_STEPS - 1, true)).toBeCloseTo(0.01, 4);
    expect(scheduledLr(0.01, 0, false)).toBe(0.01);
  });

  it('then decays, never rising, to the floor at DECAY_END_STEP and stays there', () => {
    let previous = Infinity;
    for (let step = WARMUP_STEPS; step <= DECAY_END_STEP + 500; step += 10) {
      const lr = scheduledLr(0.01, step, true);
      expect(lr).toBeLessThanOrEqual(previous);
      previous = lr;
    }
    expect(scheduledLr(0.01, DECAY_END_STEP, true)).toBeCloseTo(0.01 * DECAY_FLOOR, 8);
    expect(scheduledLr(0.01, 100_000, false)).toBeCloseTo(0.01 * DECAY_FLOOR, 8);
  });
});
