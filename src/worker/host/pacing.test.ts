import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';
import { harness } from './hostHarness';

describe('Pacer', () => {
  it('allows steps at the chosen rate, one at once on start, and caps a catch-up burst at 0.1 s worth', () => {
    const p = new Pacer();
    p.setRate(10, 0);
    p.start(0);
    expect(p.allowance(0)).toBe(1);
    p.spend(1);
    expect(p.allowance(50)).toBe(0);
    expect(p.waitMs(50)).toBeCloseTo(50, 6);
    expect(p.allowance(100)).toBe(1);
    p.spend(1);
    // Starved for 10 s: at most max(1, rate / 10) steps are owed, not 100.
    expect(p.allowance(10_100)).toBe(1);
    p.setRate(600, 10_100);
    expect(p.allowance(20_000)).toBe(60);
  });

  it('treats null, zero, negative and non-finite rates as full speed', () => {
    const p = new Pacer();
    for (const r of [null, 0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      p.setRate(r, 0);
      expect(p.stepsPerSecond).toBeNull();
      expect(p.allowance(0)).toBe(Number.POSITIVE_INFINITY);
      expect(p.waitMs(0)).toBe(0);
    }
  });
});

describe('TrainerHost pacing', () => {
  it('plays at the chosen pace: 10 steps/s gives about 20 steps in 2 s, each shown in its own frame', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: 10, stopAt: null });
    h.host.handle({ type: 'play' });
    h.runUntil(2000);
    const step = h.frames().at(-1)!.step;
    expect(step).toBeGreaterThanOrEqual(19);
    expect(step).toBeLessThanOrEqual(22);
    const steps = h.frames().map((f) => f.step);
    for (let s = 1; s < step; s++) expect(steps).toContain(s); // no step skipped in the frames
  });

  it('runs at full speed without a pace (null)', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: null, stopAt: null });
    h.host.handle({ type: 'play' });
    h.runUntil(2000);
    expect(h.frames().at(-1)!.step).toBeGreaterThan(10_000); // 0.1 ms per fake step
  });

  it('stopAt: Play pauses by itself exactly there; Play again runs on past it', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: 1000, stopAt: 50 });
    h.host.handle({ type: 'play' });
    h.run();
    expect(h.posted.filter((m) => m.type === 'stopped')).toEqual([
      { type: 'stopped', step: 50, reason: 'stopAt' },
    ]);
    expect(h.frames().at(-1)).toMatchObject({ step: 50, running: false });
    h.host.handle({ type: 'play' });
    h.runUntil(h.clock.t + 500);
    expect(h.frames().at(-1)!.step).toBeGreaterThan(200);
  });

  it('stopAt at full speed lands exactly on the step too', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: null, stopAt: 12_345 });
    h.host.handle({ type: 'play' });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 12_345, running: false });
  });

  it('exact counts (Step, Run 100) ignore the pace', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: 1, stopAt: 10 });
    h.host.handle({ type: 'step', n: 100 });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 100, running: false });
    expect(h.clock.t).toBeLessThan(100);
  });

  it('a faster pace applies at once, without waiting out the slower pace’s delay', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: 0.5, stopAt: null });
    h.host.handle({ type: 'play' });
    h.runUntil(100); // one step, then a 2 s wait is scheduled
    expect(h.frames().at(-1)!.step).toBe(1);
    h.host.handle({ type: 'pace', stepsPerSecond: null, stopAt: null });
    h.runUntil(h.clock.t + 50);
    expect(h.frames().at(-1)!.step).toBeGreaterThan(100);
  });
});

describe('TrainerHost runTo (links to a moment)', () => {
  it('replays to exactly the step at full speed whatever the pace, then stops', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'pace', stepsPerSecond: 1, stopAt: 10 });
    h.host.handle({ type: 'runTo', step: 250_000 });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 250_000, running: false });
    expect(h.posted.some((m) => m.type === 'stopped')).toBe(false); // stopAt is Play's, not the replay's
  });

  it('a runTo sent right after load (module still loading) applies to the new trainer', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1 });
    h.host.handle({ type: 'runTo', step: 321 });
    await new Promise((r) => setTimeout(r, 0));
    h.host.handle({ type: 'ack' });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 321, running: false });
  });

  it('Run 10 pressed while a new load waits for its module trains the new model 10 steps, the old one none', async () => {
    const h = harness();
    await h.load({}, 1);
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 4, loadId: 2 });
    h.host.handle({ type: 'step', n: 10 });
    h.run(); // before the fix, the old trainer took these slices
    expect(h.frames().filter((f) => f.step > 0)).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.posted.filter((m) => m.type === 'ready').at(-1)).toMatchObject({ seed: 4, loadId: 2 });
    h.host.handle({ type: 'ack' });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 10, running: false });
  });

  it('a newer load drops the commands sent for the load it replaces', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1, loadId: 1 });
    h.host.handle({ type: 'step', n: 10 });
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 2, loadId: 2 });
    await new Promise((r) => setTimeout(r, 0));
    h.host.handle({ type: 'ack' });
    h.run();
    expect(h.posted.filter((m) => m.type === 'ready')).toEqual([expect.objectContaining({ loadId: 2 })]);
    expect(h.frames().at(-1)).toMatchObject({ step: 0 });
  });

  it('clamps a huge or bad target and ignores non-numbers', async () => {
    const h = harness();
    await h.load();
    h.host.handle({ type: 'runTo', step: Number.NaN });
    h.host.handle({ type: 'runTo', step: '12' as unknown as number });
    h.run();
    expect(h.frames().at(-1)?.step ?? 0).toBe(0);
    h.host.handle({ type: 'runTo', step: 5e9 });
    h.runUntil(300_000); // 1M fake steps of 0.1 ms, and then some
    // The fake model turns NaN at step 1 000 000 by default: reaching it proves the target was clamped there.
    expect(h.posted.at(-1)).toMatchObject({ type: 'diverged', step: 1_000_000 });
  });
});
