/** What the trainer host (trainerHost.ts) needs from its surroundings, and which messages wait for a load. */
import type { Experiment } from '../../experiments/types';
import type { MainToWorker, WorkerToMain } from '../protocol';

export interface HostDeps {
  post(msg: WorkerToMain, transfer: ArrayBuffer[]): void;
  now(): number;
  /**
   * Milliseconds on the clock the page shares (`performance.timeOrigin + performance.now()`), stamped on frames so the
   * page can say how long it took to show one. Absent in Node tests, whose clock is simulated.
   */
  sharedNow?(): number;
  /** Run `fn` soon, after pending messages (a macrotask). */
  yieldThen(fn: () => void): void;
  /** Run `fn` after `ms` milliseconds. */
  later(fn: () => void, ms: number): void;
  load(id: string): Promise<Experiment>;
}

/** Commands about the trainer (not the page's pace, acks or pings): held while a new one is loading. */
export const DEFERRED_WHILE_LOADING: ReadonlySet<MainToWorker['type']> = new Set([
  'play',
  'pause',
  'step',
  'reset',
  'set',
  'views',
  'runTo',
  'seek',
]);
