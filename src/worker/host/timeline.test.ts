/**
 * The timeline through the worker host with real experiments: training to N, rewinding to K and training on to N
 * gives bit-identical metrics and views (snapshots: classifier2d and four descent experiments; replay from 0:
 * descent-batch).
 */
import { describe, expect, it } from 'vitest';
import { classifier2d } from '../../experiments/classifier2d';
import { batchModesExperiment } from '../../experiments/descent/batchModes';
import { lrRaceExperiment } from '../../experiments/descent/lrRace';
import { oneParamExperiment } from '../../experiments/descent/oneParam';
import { twoParamExperiment } from '../../experiments/descent/twoParam';
import { optimizersExperiment } from '../../experiments/descent/optimizers';
import type { Experiment, ParamValues, Trainer } from '../../experiments/types';
import type { WorkerToMain } from '../protocol';
import { flushPromises } from './hostHarness';
import { MAX_MOMENTS, SNAPSHOT_BUDGET_BYTES, Timeline } from './timeline';
import { TrainerHost } from './trainerHost';

type FrameMsg = Extract<WorkerToMain, { type: 'frame' }>;

/** A host on a fake clock that runs every queued slice and timer at once, acking frames as the page does. */
async function hostFor(experiment: Experiment, views: string[], params: ParamValues = {}) {
  const clock = { t: 0 };
  const posted: WorkerToMain[] = [];
  const queue: (() => void)[] = [];
  const host = new TrainerHost({
    post: (msg) => posted.push(msg),
    now: () => (clock.t += 0.01),
    yieldThen: (fn) => queue.push(fn),
    later: (fn, ms) => queue.push(() => ((clock.t += ms), fn())),
    load: async () => experiment,
  });
  host.handle({ type: 'load', experiment: experiment.id, params, seed: 11, views });
  await flushPromises();
  const settle = () => {
    for (let guard = 0; guard < 200_000 && queue.length > 0; guard++) {
      queue.shift()!();
      host.handle({ type: 'ack' });
    }
  };
  settle();
  const last = (): FrameMsg => posted.filter((m): m is FrameMsg => m.type === 'frame').at(-1)!;
  const send = (msg: Parameters<TrainerHost['handle']>[0]) => {
    host.handle(msg);
    settle();
    return last();
  };
  return { send, last, posted };
}

const CASES: { experiment: Experiment; views: string[]; n: number; k: number; snapshots: boolean }[] = [
  { experiment: classifier2d, views: ['lossHistory', 'weights', 'grads'], n: 700, k: 233, snapshots: true },
  { experiment: optimizersExperiment, views: ['runs'], n: 3000, k: 1234, snapshots: true },
  { experiment: lrRaceExperiment, views: ['runs'], n: 400, k: 150, snapshots: true },
  { experiment: oneParamExperiment, views: ['path', 'state'], n: 300, k: 77, snapshots: true },
  { experiment: twoParamExperiment, views: ['path', 'state'], n: 300, k: 77, snapshots: true },
  // No snapshots: rewound by rebuilding and replaying from step 0.
  { experiment: batchModesExperiment, views: ['runs', 'paths'], n: 120, k: 50, snapshots: false },
];

describe('timeline: rewind and train on', () => {
  for (const { experiment, views, n, k, snapshots } of CASES) {
    it(`${experiment.id}: N → K → N gives bit-identical metrics and views (${snapshots ? 'snapshots' : 'replay from 0'})`, async () => {
      const h = await hostFor(experiment, views);
      const atK = h.send({ type: 'step', n: k });
      const atN = h.send({ type: 'step', n: n - k });
      expect(atN.step).toBe(n);
      expect(atN.timeline).toMatchObject({ head: n, snapshots });

      const back = h.send({ type: 'seek', step: k });
      expect(back.step).toBe(k);
      expect(back.running).toBe(false);
      expect(back.metrics).toEqual(atK.metrics);
      expect(back.views).toEqual(atK.views);
      expect(back.timeline?.head).toBe(n); // scrubbing alone keeps the future

      // Step on from K: the later future is discarded, and training reproduces it exactly.
      const branched = h.send({ type: 'step', n: 1 });
      expect(branched.timeline?.head).toBe(k + 1);
      const again = h.send({ type: 'step', n: n - k - 1 });
      expect(again.step).toBe(n);
      expect(again.metrics).toEqual(atN.metrics);
      expect(again.views).toEqual(atN.views);
    });
  }

  it('seeks forward within the reached steps and clamps beyond them', async () => {
    const h = await hostFor(classifier2d, ['weights']);
    h.send({ type: 'step', n: 50 });
    expect(h.send({ type: 'seek', step: 10 }).step).toBe(10);
    expect(h.send({ type: 'seek', step: 40 }).step).toBe(40);
    expect(h.send({ type: 'seek', step: 1e9 }).step).toBe(50);
    expect(h.send({ type: 'seek', step: -5 }).step).toBe(0);
    expect(h.send({ type: 'seek', step: Number.NaN }).step).toBe(0);
  });

  it('a live setting changed after a rewind is applied again after restoring an older moment', async () => {
    const h = await hostFor(classifier2d, []);
    h.send({ type: 'step', n: 100 });
    h.send({ type: 'seek', step: 60 });
    h.send({ type: 'set', name: 'lr', value: 0.5 }); // the future changes: moments after 60 go
    expect(h.last().timeline?.head).toBe(60);
    h.send({ type: 'step', n: 20 });
    const at80 = h.last().metrics;
    h.send({ type: 'seek', step: 70 }); // restores ≤ 70, which was kept with lr = 0.5 already
    const at80again = h.send({ type: 'step', n: 10 }).metrics;
    expect(at80again).toEqual(at80);
  });
});

describe('Timeline memory', () => {
  /** A trainer whose snapshot holds `size` bytes. */
  function counter(size: number): Trainer & { at: number } {
    const t = {
      at: 0,
      step: (n: number) => void (t.at += n),
      metrics: () => ({ step: t.at, epoch: 0, loss: 1 }),
      views: () => ({}),
      set: () => {},
      divergence: () => null,
      snapshot: () => ({ at: t.at, blob: new Float32Array(size / 4) }),
      restore: (s: { readonly [key: string]: unknown }) => void (t.at = s.at as number),
    };
    return t;
  }

  it('keeps at most MAX_MOMENTS moments over a million steps, step 0 always, spread over the run', () => {
    const tl = new Timeline();
    const trainer = counter(64);
    tl.start(trainer, {});
    let step = 0;
    while (step < 1_000_000) {
      step += Math.min(4096, tl.untilNextMark(step), 1_000_000 - step);
      trainer.at = step;
      tl.reached(trainer, step, {});
    }
    const info = tl.info();
    expect(info.head).toBe(1_000_000);
    expect(info.kept).toBeLessThanOrEqual(MAX_MOMENTS);
    expect(info.kept).toBeGreaterThanOrEqual(MAX_MOMENTS / 2);
    // The nearest kept moment before any step is at most a 64th of the run behind it.
    expect(tl.rewind(trainer, 999_999, {}, [])).toBeGreaterThan(999_999 - 1_000_000 / 60);
    expect(tl.rewind(trainer, 5, {}, [])).toBe(0);
  });

  it('thins by the byte budget when snapshots are large', () => {
    const tl = new Timeline();
    const size = 1024 * 1024; // 1 MiB each: the 8 MiB budget allows about 8
    const trainer = counter(size);
    tl.start(trainer, {});
    for (let step = 1; step <= 1000; step++) {
      trainer.at = step;
      tl.reached(trainer, step, {});
    }
    expect(tl.info().kept * size).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES + size);
    expect(tl.info().kept).toBeGreaterThanOrEqual(2);
  });
});
