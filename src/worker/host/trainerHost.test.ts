import { describe, expect, it } from 'vitest';
import { FrameGate } from './frameGate';
import { TrainerHost } from './trainerHost';
import { detachViews } from './messages';
import type { Experiment, Trainer } from '../../experiments/types';
import type { WorkerToMain } from '../protocol';
import { fakeExperiment, harness } from './hostHarness';

import { flushPromises } from './hostHarness';

describe('TrainerHost: frames and live parameters', () => {
  it('loads, reports ready and a step-0 frame, then trains exactly n steps on `step`', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: { lr: 0.5 }, seed: 3 });
    await flushPromises();
    expect(h.posted[0]).toMatchObject({ type: 'ready', experiment: 'fake', seed: 3 });
    expect(h.frames()[0]).toMatchObject({ step: 0 });
    h.host.handle({ type: 'ack' });
    h.host.handle({ type: 'step', n: 250 });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 250, running: false });
  });

  it('keeps at most one frame in flight until the page acks', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1 });
    await flushPromises();
    h.host.handle({ type: 'play' });
    h.run({ ack: false, max: 50 });
    expect(h.frames()).toHaveLength(1); // only the step-0 frame; training went on without posting
    h.host.handle({ type: 'pause' });
    h.host.handle({ type: 'ack' });
    h.run({ ack: false });
    expect(h.frames()).toHaveLength(2);
    expect(h.frames()[1].step).toBeGreaterThan(0);
  });

  it('throttles frames to the frame interval however fast training is', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1 });
    await flushPromises();
    h.host.handle({ type: 'ack' });
    h.host.handle({ type: 'step', n: 100_000 }); // 100k steps × 0.1 ms = 10 s of fake time
    h.run();
    const n = h.frames().length;
    expect(n).toBeGreaterThan(300);
    expect(n).toBeLessThanOrEqual(10_000 / (1000 / 60) + 3);
    expect(h.frames().at(-1)?.step).toBe(100_000);
  });

  it('applies live parameters at the next step and rebuilds for structural ones', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1 });
    await flushPromises();
    h.host.handle({ type: 'ack' });
    h.host.handle({ type: 'step', n: 5 });
    h.run();
    h.host.handle({ type: 'set', name: 'lr', value: 0.25 });
    h.run();
    expect(h.frames().at(-1)?.metrics).toMatchObject({ step: 5, lr: 0.25 });
    h.host.handle({ type: 'set', name: 'nanAt', value: 900 });
    h.run();
    expect(h.frames().at(-1)?.metrics.step).toBe(0);
  });
});

describe('TrainerHost: bad input, divergence and errors', () => {
  it('rejects bad values and unknown names in `set` without crashing', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: { lr: 'NaN', __proto__: 1 }, seed: -5 });
    await flushPromises();
    expect(h.posted[0]).toMatchObject({ type: 'ready', seed: 1 });
    h.host.handle({ type: 'set', name: 'lr', value: Infinity });
    h.host.handle({ type: 'set', name: 'constructor', value: 1 });
    h.run();
    expect(h.frames().at(-1)?.metrics.lr).toBe(0.1);
  });

  it('stops at the first non-finite loss with `diverged` and posts no frame after it', async () => {
    const h = harness();
    h.host.handle({ type: 'load', experiment: 'fake', params: { nanAt: 40 }, seed: 1 });
    await flushPromises();
    h.host.handle({ type: 'ack' });
    h.host.handle({ type: 'play' });
    h.run();
    const last = h.posted.at(-1);
    expect(last).toEqual({ type: 'diverged', step: 40, reason: 'loss became NaN at step 40' }); // NaN metrics omitted
    expect(h.frames().every((f) => Number.isFinite(f.metrics.loss))).toBe(true);
    h.host.handle({ type: 'play' }); // ignored until reset
    h.run();
    expect(h.posted.at(-1)?.type).toBe('diverged');
    h.host.handle({ type: 'reset' });
    h.run();
    expect(h.frames().at(-1)?.step).toBe(0);
  });

  it('reports an unknown experiment as an error message', async () => {
    const h = harness();
    const host = new TrainerHost({
      post: (m) => h.posted.push(m),
      now: () => 0,
      yieldThen: () => {},
      later: () => {},
      load: async (id) => {
        throw new Error(`Unknown experiment “${id}”.`);
      },
    });
    host.handle({ type: 'load', experiment: '<b>x</b>', params: {}, seed: 1 });
    await flushPromises();
    expect(h.posted).toEqual([{ type: 'error', message: 'Unknown experiment “<b>x</b>”.' }]);
  });

  it('answers pings', () => {
    const h = harness();
    h.host.handle({ type: 'ping', id: 7 });
    expect(h.posted).toEqual([{ type: 'pong', id: 7 }]);
  });
});

describe('FrameGate', () => {
  it('sends only when dirty, never twice in flight, at most once per interval', () => {
    const g = new FrameGate(16);
    expect(g.decide(0).kind).toBe('idle');
    g.markDirty();
    expect(g.decide(0).kind).toBe('send');
    g.sent(0);
    g.markDirty();
    expect(g.decide(100).kind).toBe('wait-ack');
    g.acked();
    expect(g.decide(5)).toEqual({ kind: 'wait', ms: 11 });
    expect(g.decide(16).kind).toBe('send');
  });
});

describe('detachViews', () => {
  it('copies typed arrays (nested too) so transferring never detaches the trainer’s own arrays', () => {
    const w = new Float32Array([1, 2]);
    const transfer: ArrayBuffer[] = [];
    const out = detachViews({ w, layers: [{ g: w }], n: 3 }, transfer);
    expect(transfer).toHaveLength(2);
    expect(out.w).not.toBe(w);
    expect(Array.from(out.w as Float32Array)).toEqual([1, 2]);
    expect(transfer).not.toContain(w.buffer);
  });
});

describe('TrainerHost under a slow page', () => {
  /**
   * Loads the fake experiment, feeds it `acks` acks that each come `roundTripMs` after the last (with the page's own
   * measure `pageMs`, if given), presses Play and returns how the host scheduled its next slice.
   */
  async function nextSliceAfterAcks(opts: { roundTripMs: number; pageMs?: number; acks: number }) {
    const clock = { t: 0 };
    const soon: string[] = [];
    const host = new TrainerHost({
      post: () => {},
      now: () => clock.t,
      sharedNow: () => clock.t,
      yieldThen: () => soon.push('yield'),
      later: (_fn, ms) => soon.push(`later ${ms}`),
      load: async () => fakeExperiment(clock),
    });
    host.handle({ type: 'load', experiment: 'fake', params: {}, seed: 1 });
    await flushPromises();
    for (let i = 0; i < opts.acks; i++) {
      clock.t += opts.roundTripMs;
      host.handle(opts.pageMs === undefined ? { type: 'ack' } : { type: 'ack', pageMs: opts.pageMs });
    }
    host.handle({ type: 'play' });
    return soon.at(-1);
  }

  it('without the page’s measure, rests the longest when every round trip takes 100 ms', async () => {
    expect(await nextSliceAfterAcks({ roundTripMs: 100, acks: 10 })).toBe('later 12');
  });

  it('rests longer the longer the page says frames wait, and not at all for a page that keeps up', async () => {
    // The worker's own round trip is long here (40 ms): the page's measure is the one that counts.
    const after = (pageMs: number) => nextSliceAfterAcks({ roundTripMs: 40, pageMs, acks: 30 });
    expect(await after(10)).toBe('yield');
    expect(await after(20)).toBe('later 6');
    expect(await after(30)).toBe('later 12');
  });
});

describe('TrainerHost safety net', () => {
  it('treats a non-finite loss as a divergence even when the trainer does not report one', async () => {
    const posted: WorkerToMain[] = [];
    const soon: (() => void)[] = [];
    let t = 0;
    const silent: Experiment = {
      id: 'silent',
      title: 'Silent',
      params: [],
      create: (): Trainer => {
        let step = 0;
        return {
          step: (n) => void ((step += n), (t += 1)),
          metrics: () => ({ step, epoch: 0, loss: step >= 20 ? Infinity : 1 }),
          views: () => ({}),
          set: () => {},
          divergence: () => null,
        };
      },
    };
    const host = new TrainerHost({
      post: (m) => posted.push(m),
      now: () => t,
      yieldThen: (fn) => soon.push(fn),
      later: () => {},
      load: async () => silent,
    });
    host.handle({ type: 'load', experiment: 'silent', params: {}, seed: 1 });
    await flushPromises();
    host.handle({ type: 'ack' });
    host.handle({ type: 'play' });
    for (let i = 0; i < 100 && soon.length; i++) soon.shift()!();
    expect(posted.at(-1)).toMatchObject({ type: 'diverged', reason: expect.stringMatching(/Infinity/) });
  });
});
