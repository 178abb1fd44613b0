import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientHandlers, FrameMessage } from '../worker/client';
import type { Experiment } from '../experiments/types';
import {
  ExperimentRuntime,
  learningRateSpec,
  type RuntimeClient,
  type RuntimeDeps,
} from './experimentRuntime';
import { FrameStore } from './frameStore';
import { createNoticeStore } from './noticeStore';
import { createParamsStore, type ParamsState } from './paramsStore';
import { createRunStore } from './runStore';

/** A worker client that records what the runtime asks of it; `handlers` let the test play the worker's part. */
function fakeClient() {
  const calls: string[] = [];
  const client: RuntimeClient & { handlers?: ClientHandlers } = {
    load: (id, params, seed, _views, data) =>
      calls.push(
        `load ${id} ${JSON.stringify(params)} seed=${seed}${data ? ` data=${JSON.stringify(data)}` : ''}`,
      ),
    play: () => calls.push('play'),
    pause: () => calls.push('pause'),
    step: (n) => calls.push(`step ${n}`),
    reset: () => calls.push('reset'),
    set: (name, value) => calls.push(`set ${name}=${String(value)}`),
    setViews: (v) => calls.push(`views ${v.join(',')}`),
    pace: (speed, stopAt) => calls.push(`pace ${speed} ${stopAt}`),
    runTo: (step) => calls.push(`runTo ${step}`),
    seek: (step) => calls.push(`seek ${step}`),
    setTraining: (on) => void (on !== undefined),
    dispose: () => calls.push('dispose'),
  };
  return { client, calls };
}

const experiment: Experiment = {
  id: 'toy',
  title: 'Toy',
  params: [
    {
      name: 'alpha',
      label: 'Step size',
      type: 'number',
      default: 0.5,
      min: 0.001,
      max: 10,
      live: true,
      role: 'learningRate',
    },
    { name: 'width', label: 'Width', type: 'int', default: 4, min: 1, max: 16, live: false },
  ],
  create: () => {
    throw new Error('not used: the fake client trains nothing');
  },
};

/** A runtime with stores of its own (as each hub has), optionally starting from some settings (e.g. a step's pace). */
function setup(query = '', initial: Partial<ParamsState> = {}) {
  const { client, calls } = fakeClient();
  const route = { path: 'lab', query: new URLSearchParams(query) };
  const params = createParamsStore();
  params.setState(initial);
  const run = createRunStore();
  const notices = createNoticeStore();
  const deps: RuntimeDeps = {
    createClient: (handlers) => Object.assign(client, { handlers }),
    loadExperiment: async () => experiment,
    getRoute: () => route,
    replaceQuery: (q) => void (route.query = q),
    wantedViews: () => ['boundary'],
    frames: new FrameStore(),
    params,
    run,
    notices,
  };
  const runtime = new ExperimentRuntime('toy', deps, { reserved: ['exp'] });
  const frame = (step: number, running: boolean): FrameMessage => ({
    type: 'frame',
    step,
    epoch: 0,
    metrics: { step, epoch: 0, loss: 1 / (1 + step) },
    views: {},
    running,
  });
  return { runtime, client, calls, route, frame, handlers: () => client.handlers!, params, run, notices };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('ExperimentRuntime: loading and the run state machine', () => {
  it('applies the URL over the preset, loads the worker, and writes back only non-default values', async () => {
    const t = setup('exp=toy&alpha=2&seed=7&speed=20');
    t.runtime.sync({ width: 8 });
    expect(t.calls).toEqual(['pace null null']); // before the table arrives: nothing loaded yet
    await tick();
    expect(t.calls).toContain('pace 20 null');
    expect(t.calls.at(-1)).toBe('load toy {"alpha":2,"width":8} seed=7');
    expect(t.params.getState()).toMatchObject({ seed: 7, speed: 20 });
    expect(t.route.query.toString()).toBe('exp=toy&alpha=2&speed=20&seed=7');
  });

  it('runs the state machine: play → running; pause → pausing (shown as running) → paused on the final frame', async () => {
    const t = setup('exp=toy');
    t.runtime.sync();
    await tick();
    t.runtime.play();
    expect(t.run.getState()).toMatchObject({ status: 'running', phase: 'running' });
    t.runtime.pause();
    expect(t.run.getState()).toMatchObject({ status: 'running', phase: 'pausing' });
    t.handlers().frame(t.frame(40, true)); // trained before the pause arrived
    expect(t.run.getState().phase).toBe('pausing');
    t.handlers().frame(t.frame(41, false));
    expect(t.run.getState()).toMatchObject({ status: 'paused', metrics: { step: 41 } });
    t.runtime.step(10);
    expect(t.calls.at(-1)).toBe('step 10');
    expect(t.run.getState().status).toBe('paused');
  });

  it('a worker that stops by itself at stopAt ends paused, like Pause', async () => {
    const t = setup('exp=toy');
    t.runtime.sync();
    await tick();
    t.runtime.play();
    t.handlers().stopped?.({ type: 'stopped', step: 300, reason: 'stopAt' });
    expect(t.run.getState().phase).toBe('pausing');
    t.handlers().frame(t.frame(300, false));
    expect(t.run.getState().status).toBe('paused');
    expect(t.calls.filter((c) => c === 'pause')).toHaveLength(0); // the worker stopped; nothing to ask
  });

  it('a pause the worker never confirms still ends paused after 500 ms', async () => {
    const t = setup('exp=toy');
    t.runtime.sync();
    await tick();
    vi.useFakeTimers();
    t.runtime.play();
    t.runtime.pause();
    vi.advanceTimersByTime(499);
    expect(t.run.getState().phase).toBe('pausing');
    vi.advanceTimersByTime(2);
    expect(t.run.getState().phase).toBe('paused');
  });
});

describe('ExperimentRuntime: divergence and independent runtimes', () => {
  it('after a divergence Play does nothing; the fix divides the parameter marked as learning rate by ten', async () => {
    const t = setup('exp=toy&alpha=3');
    t.runtime.sync();
    await tick();
    t.runtime.play();
    t.handlers().diverged({ type: 'diverged', step: 12, reason: 'loss became NaN' });
    expect(t.run.getState()).toMatchObject({ status: 'diverged', diverged: { step: 12 } });
    const before = t.calls.length;
    t.runtime.play();
    t.runtime.step(1);
    expect(t.calls.length).toBe(before);
    expect(learningRateSpec(experiment.params)?.name).toBe('alpha');
    t.runtime.lowerLearningRate();
    expect(t.calls.at(-1)).toBe('load toy {"alpha":0.3,"width":4} seed=1');
    expect(t.run.getState().status).toBe('idle');
  });

  it('two runtimes are independent objects: disposing one leaves the other working', async () => {
    const a = setup('exp=toy');
    const b = setup('exp=toy&seed=5');
    a.runtime.sync();
    b.runtime.sync();
    await tick();
    a.runtime.dispose();
    b.runtime.play();
    expect(a.calls.at(-1)).toBe('dispose');
    expect(a.calls).not.toContain('play');
    expect(b.calls.at(-1)).toBe('play');
    // Each has its own stores: b's run and seed are not a's.
    expect(b.run.getState().status).toBe('running');
    expect(a.run.getState().status).toBe('idle');
    expect([a.params.getState().seed, b.params.getState().seed]).toEqual([1, 5]);
  });
});

describe('ExperimentRuntime: links, hidden pages and the speed', () => {
  it('a link with at=N replays the seeded run to N in the worker and keeps naming that moment until the run moves on', async () => {
    const t = setup('exp=toy&seed=3&at=250');
    t.runtime.sync();
    await tick();
    expect(t.calls.slice(-2)).toEqual(['load toy {"alpha":0.5,"width":4} seed=3', 'runTo 250']);
    expect(t.run.getState()).toMatchObject({ status: 'paused', replay: { target: 250 } });
    expect(t.route.query.toString()).toBe('exp=toy&at=250&seed=3');
    t.handlers().frame(t.frame(120, true));
    expect(t.run.getState().replay).not.toBeNull();
    t.handlers().frame(t.frame(250, false));
    expect(t.run.getState().replay).toBeNull();
    vi.useFakeTimers();
    t.runtime.play();
    vi.advanceTimersByTime(300);
    expect(t.route.query.toString()).toBe('exp=toy&seed=3');
  });

  it('a bad or huge at is dropped or clamped with a notice', async () => {
    const t = setup('exp=toy&at=soon');
    t.runtime.sync();
    await tick();
    expect(t.calls.some((c) => c.startsWith('runTo'))).toBe(false);
    expect(t.notices.getState().notices.url?.lines.join('\n')).toMatch(/at = “soon”: not a step count/);
    const big = setup('exp=toy&at=99999999999');
    big.runtime.sync();
    await tick();
    expect(big.calls.at(-1)).toBe('runTo 1000000');
    expect(big.notices.getState().notices.url?.lines.join('\n')).toMatch(
      /too large — replaying to step 1000000/,
    );
  });

  it('a hidden page holds a playing run and plays on when visible; a paused run stays paused', async () => {
    const t = setup('exp=toy');
    t.runtime.sync();
    await tick();
    t.runtime.play();
    t.runtime.setHidden(true);
    expect(t.calls.at(-1)).toBe('pause');
    expect(t.run.getState().status).toBe('running');
    t.runtime.setHidden(false);
    expect(t.calls.at(-1)).toBe('play');
    t.runtime.pause();
    t.handlers().frame(t.frame(9, false));
    const before = t.calls.length;
    t.runtime.setHidden(true);
    t.runtime.setHidden(false);
    expect(t.calls.length).toBe(before);
    expect(t.run.getState().status).toBe('paused');
  });

  it('a bad speed in the link is listed in the notice and falls back to the step’s pace', async () => {
    const t = setup('exp=toy&speed=soon', { defaultSpeed: 30 });
    t.runtime.sync();
    await tick();
    expect(t.params.getState().speed).toBe(30);
    expect(t.notices.getState().notices.url?.lines.join('\n')).toMatch(/speed = “soon”: not a speed/);
    expect(t.route.query.get('speed')).toBeNull(); // the default is not written
  });
});

describe('ExperimentRuntime: page data and the timeline', () => {
  it('sends page data with every load, rebuilds on request, and never writes it into the link', async () => {
    const t = setup('exp=toy&seed=3');
    t.runtime.setData({ text: 'abc' }, { rebuild: true }); // before anything is loaded: kept for the first load
    t.runtime.sync();
    await tick();
    expect(t.calls.at(-1)).toBe('load toy {"alpha":0.5,"width":4} seed=3 data={"text":"abc"}');
    t.runtime.play();
    t.runtime.setData({ text: 'xyz' }, { rebuild: false });
    expect(t.calls.at(-1)).toBe('play'); // no rebuild asked for
    t.runtime.setData({ text: 'xyz' }, { rebuild: true, notice: 'New text.' });
    expect(t.calls.slice(-2)).toEqual([
      'load toy {"alpha":0.5,"width":4} seed=3 data={"text":"xyz"}',
      'play',
    ]);
    t.runtime.reset();
    t.runtime.retry();
    expect(t.calls.at(-1)).toContain('data={"text":"xyz"}');
    t.runtime.writeUrlNow();
    expect(t.route.query.toString()).toBe('exp=toy&seed=3');
  });

  it('the timeline: seek pauses a playing run, asks the worker for the step, and ends paused; read-outs carry the head', async () => {
    const t = setup('exp=toy&at=30');
    t.runtime.sync();
    await tick();
    t.handlers().frame({ ...t.frame(30, false), timeline: { head: 30, kept: 31, snapshots: true } });
    t.runtime.play();
    t.handlers().frame({ ...t.frame(90, true), timeline: { head: 90, kept: 64, snapshots: true } });
    t.runtime.seek(12.7);
    expect(t.calls.slice(-2)).toEqual(['pause', 'seek 12']);
    expect(t.run.getState().phase).toBe('paused');
    await new Promise((r) => setTimeout(r, 600)); // the read-outs' throttle and the debounced URL write
    expect(t.route.query.has('at')).toBe(false); // the link no longer names a moment
    expect(t.run.getState().timeline).toEqual({ head: 90, kept: 64, snapshots: true });
    t.runtime.seek(Number.NaN);
    expect(t.calls.at(-1)).toBe('seek 12');
  });
});
