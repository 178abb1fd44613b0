/**
 * What a mounted experiment's runtime needs from the outside. The browser passes the real worker client and router
 * (runtime.ts); Node tests pass a fake client, route and clock.
 */
import type { Experiment } from '../experiments/types';
import type { ClientHandlers, TrainerClient } from '../worker/client';
import type { FrameStore } from './frameStore';
import type { NoticeStore } from './noticeStore';
import type { ParamsStore } from './paramsStore';
import type { RunStore } from './runStore';

/** What the runtime asks of the worker client (TrainerClient in the browser, a fake in tests). */
export type RuntimeClient = Pick<
  TrainerClient,
  | 'load'
  | 'play'
  | 'pause'
  | 'step'
  | 'reset'
  | 'set'
  | 'setViews'
  | 'pace'
  | 'runTo'
  | 'seek'
  | 'setTraining'
  | 'dispose'
>;

export interface RuntimeDeps {
  createClient(handlers: ClientHandlers): RuntimeClient;
  loadExperiment(id: string): Promise<Experiment>;
  getRoute(): { path: string; query: URLSearchParams };
  replaceQuery(query: URLSearchParams): void;
  /** The views figures currently draw (sorted). */
  wantedViews(): string[];
  /** Where the run's frames go (the hub's store, which figures read). */
  frames: FrameStore;
  /** The hub's stores the runtime writes and controls read: settings, run read-outs, notices. */
  params: ParamsStore;
  run: RunStore;
  notices: NoticeStore;
}
