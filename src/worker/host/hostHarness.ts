/**
 * Test helpers for TrainerHost (Node): a fake experiment on a fake clock, and a harness that runs the host's queued
 * slices and timers in order, acking frames like the page does.
 */
import { TrainerHost } from './trainerHost';
import type { Experiment, Trainer, Views } from '../../experiments/types';
import type { WorkerToMain } from '../protocol';

export type FrameMsg = Extract<WorkerToMain, { type: 'frame' }>;

export const flushPromises = () => new Promise((r) => setTimeout(r, 0));

/** A counter "model": loss = 1/(1+step); goes NaN at `nanAt` if given. Each step advances a fake clock by 0.1 ms. */
export function fakeExperiment(clock: { t: number }): Experiment {
  return {
    id: 'fake',
    title: 'Fake',
    params: [
      { name: 'lr', label: 'lr', type: 'number', default: 0.1, min: 0, max: 10, live: true },
      {
        name: 'nanAt',
        label: 'NaN at',
        type: 'int',
        default: 1_000_000,
        min: 0,
        max: 1_000_000,
        live: false,
      },
    ],
    create(params): Trainer {
      let step = 0;
      let lr = Number(params.lr);
      let bad: string | null = null;
      const weights = new Float32Array([1, 2, 3]);
      return {
        step(n) {
          for (let i = 0; i < n && !bad; i++) {
            step++;
            clock.t += 0.1;
            if (step >= Number(params.nanAt)) bad = `loss became NaN at step ${step}`;
          }
        },
        metrics: () => ({ step, epoch: 0, loss: bad ? NaN : 1 / (1 + step), lr }),
        views: (wanted): Views => (wanted.includes('w') ? { w: weights } : {}),
        set: (name, value) => {
          if (name === 'lr') lr = value as number;
        },
        divergence: () => bad,
      };
    },
  };
}

export function harness() {
  const clock = { t: 0 };
  const posted: WorkerToMain[] = [];
  const soon: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const host = new TrainerHost({
    post: (msg) => posted.push(msg),
    now: () => clock.t,
    yieldThen: (fn) => soon.push(fn),
    later: (fn, ms) => timers.push({ at: clock.t + ms, fn }),
    load: async () => fakeExperiment(clock),
  });
  /** One queued slice or the next due timer (the clock jumps to it); acks a frame it posted. False when idle. */
  const turn = (ack: boolean, until = Number.POSITIVE_INFINITY): boolean => {
    const before = posted.length;
    const fn = soon.shift();
    if (fn) fn();
    else {
      const due = timers.sort((a, b) => a.at - b.at)[0];
      if (!due || due.at > until) return false;
      timers.shift();
      clock.t = Math.max(clock.t, due.at);
      due.fn();
    }
    // Ack every frame, including one the host posts in answer to an ack (as the page does).
    for (let from = before; ack && posted.slice(from).some((m) => m.type === 'frame');) {
      from = posted.length;
      host.handle({ type: 'ack' });
    }
    return true;
  };
  /** Runs queued slices and due timers, acking frames like the page does, until nothing is left (bounded). */
  const run = (opts: { ack: boolean; max?: number } = { ack: true }) => {
    for (let guard = 0; guard < (opts.max ?? 10_000) && turn(opts.ack); guard++);
  };
  /** Like `run`, but stops once the fake clock reaches `t` ms (for runs that never end by themselves). */
  const runUntil = (t: number) => {
    for (let guard = 0; guard < 1_000_000 && clock.t < t && turn(true, t); guard++);
    clock.t = Math.max(clock.t, t);
  };
  const frames = () => posted.filter((m): m is FrameMsg => m.type === 'frame');
  /** Loads the fake experiment and acks its step-0 frame. */
  const load = async (params: Record<string, number> = {}, seed = 1) => {
    host.handle({ type: 'load', experiment: 'fake', params, seed });
    await flushPromises();
    host.handle({ type: 'ack' });
  };
  return { host, posted, run, runUntil, frames, clock, load };
}
