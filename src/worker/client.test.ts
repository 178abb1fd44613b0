import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainerClient, newRuntimeStats, type ClientHandlers, type RuntimeStats } from './client';
import type { MainToWorker, WorkerToMain } from './protocol';

/** A stand-in Worker: records what the page posts and lets the test play the worker's side. */
class FakeWorker {
  posted: MainToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerToMain>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(msg: MainToWorker) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  send(msg: WorkerToMain) {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerToMain>);
  }
  types() {
    return this.posted.map((m) => m.type);
  }
}

function setup(clock = { t: 0 }, stats?: RuntimeStats) {
  const workers: FakeWorker[] = [];
  const frames: number[] = [];
  const events: string[] = [];
  const rafQueue: (() => void)[] = [];
  const handlers: ClientHandlers = {
    ready: () => events.push('ready'),
    frame: (f) => frames.push(f.step),
    diverged: (d) => events.push(`diverged@${d.step}`),
    restarted: (r) => events.push(`restarted: ${r}`),
    failed: (m) => events.push(`failed: ${m}`),
  };
  const client = new TrainerClient(handlers, {
    watchdogMs: 3000,
    pingMs: 1000,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    requestFrame: (cb) => rafQueue.push(cb),
    cancelFrame: () => {},
    sharedNow: () => clock.t,
    stats,
  });
  const frame = (step: number): Extract<WorkerToMain, { type: 'frame' }> => ({
    type: 'frame',
    step,
    epoch: 0,
    metrics: { step, epoch: 0, loss: 1 },
    views: {},
  });
  const runRaf = () => rafQueue.splice(0).forEach((cb) => cb());
  return { client, workers, frames, events, frame, runRaf };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TrainerClient: frames and acks', () => {
  it('delivers the newest frame on an animation frame, then acks it', () => {
    const t = setup();
    t.client.load('x', { lr: 0.1 }, 3, ['boundary']);
    const w = t.workers[0];
    expect(w.posted[0]).toEqual({
      type: 'load',
      experiment: 'x',
      params: { lr: 0.1 },
      seed: 3,
      views: ['boundary'],
      loadId: 1,
    });
    w.send({ type: 'ready' });
    w.send(t.frame(0));
    expect(t.frames).toEqual([]);
    expect(w.types()).not.toContain('ack');
    t.runRaf();
    expect(t.frames).toEqual([0]);
    expect(w.types().filter((x) => x === 'ack')).toHaveLength(1);
  });

  it('says in the ack how long a stamped frame waited to be shown; an unstamped frame gets no measure', () => {
    const clock = { t: 1000 };
    const t = setup(clock);
    t.client.load('x', {}, 1, []);
    const w = t.workers[0];
    w.send({ type: 'ready' });
    w.send({ ...t.frame(1), sentAt: 1000 });
    clock.t = 1023; // the page got to the frame 23 ms after the worker posted it
    t.runRaf();
    expect(w.posted.at(-1)).toEqual({ type: 'ack', pageMs: 23 });
    w.send(t.frame(2));
    t.runRaf();
    expect(w.posted.at(-1)).toEqual({ type: 'ack', pageMs: undefined });
  });

  it('drops (but acks) frames that belong to the previous load', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    const w = t.workers[0];
    w.send({ type: 'ready' });
    t.client.load('x', {}, 2, []);
    w.send(t.frame(500)); // still the old trainer
    t.runRaf();
    expect(t.frames).toEqual([]);
    expect(w.types().at(-1)).toBe('ack');
    w.send({ type: 'ready' });
    w.send(t.frame(0));
    t.runRaf();
    expect(t.frames).toEqual([0]);
  });

  it('a ready that answers an earlier load does not let that load’s frames through', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    t.client.load('x', {}, 2, []);
    const w = t.workers[0];
    w.send({ type: 'ready', loadId: 1 }); // the first load finished before the worker read the second
    w.send(t.frame(7));
    t.runRaf();
    expect(t.frames).toEqual([]);
    expect(t.events).toEqual([]);
    w.send({ type: 'ready', loadId: 2 });
    w.send(t.frame(0));
    t.runRaf();
    expect(t.frames).toEqual([0]);
    expect(t.events).toEqual(['ready']);
  });
});

describe('TrainerClient: restarts and counters', () => {
  it('restarts a worker that stops answering pings and reloads with the latest live values', () => {
    const t = setup();
    t.client.load('x', { lr: 0.1 }, 7, []);
    t.workers[0].send({ type: 'ready' });
    t.client.set('lr', 0.5);
    vi.advanceTimersByTime(1000); // ping sent
    expect(t.workers[0].types()).toContain('ping');
    vi.advanceTimersByTime(4000); // no pong within 3 s
    expect(t.workers[0].terminated).toBe(true);
    expect(t.workers).toHaveLength(2);
    expect(t.workers[1].posted[0]).toMatchObject({ type: 'load', params: { lr: 0.5 }, seed: 7 });
    expect(t.events.at(-1)).toMatch(/restarted: .*stopped responding/);
  });

  it('keeps a worker that answers its pings', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    const w = t.workers[0];
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1000);
      const ping = w.posted.filter((m) => m.type === 'ping').at(-1) as { id: number } | undefined;
      if (ping) w.send({ type: 'pong', id: ping.id });
    }
    expect(t.workers).toHaveLength(1);
    expect(w.terminated).toBe(false);
  });

  it('restarts on a worker error event or an error after ready; fails on an error before ready', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    t.workers[0].send({ type: 'error', message: 'bad params' });
    expect(t.events).toEqual(['failed: bad params']);
    t.client.load('x', {}, 1, []);
    t.workers[0].send({ type: 'ready' });
    t.workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(t.workers).toHaveLength(2);
    t.workers[1].send({ type: 'ready' });
    t.workers[1].send({ type: 'error', message: 'step threw' });
    expect(t.workers).toHaveLength(3);
    expect(t.events.filter((e) => e.startsWith('restarted'))).toHaveLength(2);
  });

  it('counts frames, workers and restarts into the counters it was given; two clients add up', () => {
    const shared = newRuntimeStats();
    const a = setup({ t: 0 }, shared);
    a.client.load('x', {}, 1, []);
    a.workers[0].send({ type: 'ready' });
    a.workers[0].send(a.frame(1));
    a.workers[0].send(a.frame(2)); // replaces frame 1 before the animation frame: received, never delivered
    a.runRaf();
    a.workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(shared).toEqual({ framesReceived: 2, framesDelivered: 1, restarts: 1, workersStarted: 2 });
    expect(a.client.stats).toBe(shared);
    const b = setup({ t: 0 }, shared);
    b.client.load('y', {}, 1, []);
    expect(shared.workersStarted).toBe(3);
    // Without counters given, a client keeps its own: nothing is shared between unrelated clients.
    const own = setup();
    own.client.load('z', {}, 1, []);
    expect(own.client.stats).toEqual({
      framesReceived: 0,
      framesDelivered: 0,
      restarts: 0,
      workersStarted: 1,
    });
    expect(shared.workersStarted).toBe(3);
  });
});

describe('TrainerClient: the restart limit', () => {
  it('gives up after too many restarts in a minute', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    for (let i = 0; i < 4; i++) {
      const w = t.workers.at(-1)!;
      w.send({ type: 'ready' });
      w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    }
    expect(t.events.at(-1)).toMatch(/^failed: .*keeps failing/);
    expect(t.workers).toHaveLength(4);
  });
});

describe('TrainerClient heartbeat while training', () => {
  it('restarts a silent worker within about a second while training, but waits the long watchdog when idle', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    t.workers[0].send({ type: 'ready' });
    vi.advanceTimersByTime(2500); // idle: 3 s watchdog in this setup, no restart yet
    expect(t.events.filter((e) => e.startsWith('restarted'))).toEqual([]);
    t.workers[0].send(t.frame(1)); // alive
    t.client.setTraining(true);
    vi.advanceTimersByTime(1000);
    expect(t.events.filter((e) => e.startsWith('restarted'))).toEqual([]);
    vi.advanceTimersByTime(600); // > 1.2 s without a frame or pong
    expect(t.events.filter((e) => e.startsWith('restarted'))).toEqual([
      'restarted: The training worker stopped responding for 1.2 s.',
    ]);
    expect(t.workers[0].terminated).toBe(true);
  });

  it('frames keep a training worker alive', () => {
    const t = setup();
    t.client.load('x', {}, 1, []);
    t.workers[0].send({ type: 'ready' });
    t.client.setTraining(true);
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(100);
      t.workers[0].send(t.frame(i));
      t.runRaf();
    }
    expect(t.events.filter((e) => e.startsWith('restarted'))).toEqual([]);
  });
});
