import { describe, expect, it } from 'vitest';
import type { ClientHandlers, FrameMessage } from '../worker/client';
import type { Experiment } from '../experiments/types';
import type { RuntimeClient } from './runtimeDeps';
import { RuntimeHub, type HubPlatform } from './runtimeHub';

const experiment: Experiment = {
  id: 'toy',
  title: 'Toy',
  params: [
    { name: 'alpha', label: 'Step size', type: 'number', default: 0.5, min: 0.001, max: 10, live: true },
  ],
  create: () => {
    throw new Error('not used: the fake client trains nothing');
  },
};

/** A hub whose worker client is a recorder; `worker()` plays the worker's part (sends frames). */
function fakeHub() {
  const calls: string[] = [];
  let handlers: ClientHandlers | null = null;
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args.map((a) => JSON.stringify(a))].join(' '));
  const client: RuntimeClient = {
    load: record('load'),
    play: record('play'),
    pause: record('pause'),
    step: record('step'),
    reset: record('reset'),
    set: record('set'),
    setViews: record('views'),
    pace: () => {},
    runTo: record('runTo'),
    seek: record('seek'),
    setTraining: () => {},
    dispose: record('dispose'),
  };
  const route = { path: 'lab', query: new URLSearchParams() };
  const platform: HubPlatform = {
    createClient: (h) => ((handlers = h), client),
    loadExperiment: async () => experiment,
    getRoute: () => route,
    replaceQuery: (q) => void (route.query = q),
  };
  return { hub: new RuntimeHub(platform), calls, worker: () => handlers! };
}

const frame = (step: number): FrameMessage => ({
  type: 'frame',
  step,
  epoch: 0,
  metrics: { step, epoch: 0, loss: 1 / (1 + step) },
  views: { boundary: [step] },
  running: false,
});

describe('RuntimeHub', () => {
  it('two hubs share nothing: frames, metric history, wanted views, seeks and run keys stay in their own', async () => {
    const a = fakeHub();
    const b = fakeHub();
    const detachA = a.hub.attach('toy', []);
    const detachB = b.hub.attach('toy', []);
    a.hub.views.add('boundary');
    a.hub.sync();
    b.hub.sync();
    await new Promise((r) => setTimeout(r, 0));

    a.worker().frame(frame(50));
    expect(a.hub.frames.getLatest()?.views.boundary).toEqual([50]);
    expect(a.hub.frames.history.length).toBe(1);
    expect(b.hub.frames.getLatest()).toBeNull();
    expect(b.hub.frames.history.length).toBe(0);
    expect(a.hub.views.list()).toEqual(['boundary']);
    expect(b.hub.views.list()).toEqual([]);

    // `,` pressed twice in A goes back two steps from A's frame; B has shown nothing, so it has nowhere to go.
    a.hub.stepBack();
    a.hub.stepBack();
    b.hub.stepBack();
    expect(a.calls.filter((c) => c.startsWith('seek'))).toEqual(['seek 49', 'seek 48']);
    expect(b.calls.filter((c) => c.startsWith('seek'))).toEqual([]);

    // Space's keydown in A swallows A's keyup only.
    const key = (type: string) => {
      const e = {
        key: ' ',
        type,
        repeat: false,
        target: null,
        defaultPrevented: false,
      } as unknown as KeyboardEvent;
      let prevented = false;
      Object.assign(e, { preventDefault: () => void (prevented = true) });
      return { e, prevented: () => prevented };
    };
    a.hub.keys.onKeyDown(key('keydown').e);
    const upB = key('keyup');
    b.hub.keys.onKeyUp(upB.e);
    expect(upB.prevented()).toBe(false);
    const upA = key('keyup');
    a.hub.keys.onKeyUp(upA.e);
    expect(upA.prevented()).toBe(true);

    detachA();
    detachB();
  });

  it('each hub has its own settings, run read-outs and notices', async () => {
    const a = fakeHub();
    const b = fakeHub();
    const detachA = a.hub.attach('toy', []);
    const detachB = b.hub.attach('toy', []);
    a.hub.sync();
    b.hub.sync();
    await new Promise((r) => setTimeout(r, 0));
    a.worker().ready({ type: 'ready' });
    a.hub.setParam('alpha', 2);
    a.hub.play();
    a.hub.setLessonPace(12, 40);
    a.worker().restarted('a test restart');
    expect(a.hub.params.getState()).toMatchObject({ values: { alpha: 2 }, defaultSpeed: 12, stopAt: 40 });
    expect(b.hub.params.getState()).toMatchObject({
      values: { alpha: 0.5 },
      defaultSpeed: null,
      stopAt: null,
    });
    expect(a.hub.run.getState()).toMatchObject({ ready: true });
    expect(b.hub.run.getState()).toMatchObject({ status: 'idle', ready: false });
    expect(a.hub.notices.getState().notices.worker?.title).toMatch(/restarted/);
    expect(b.hub.notices.getState().notices).toEqual({});
    detachA();
    detachB();
  });
});
