/**
 * Typed messages between the main thread and the trainer worker (docs/CONTRACTS.md, "Worker protocol").
 * Frames carry typed arrays as transferables; at most one frame is in flight (the worker waits for `ack`).
 *
 * The core message names are fixed by the app's contract; the runtime adds optional fields and these messages:
 * `views` (change which views frames carry), `ping`/`pong` (the client's watchdog), `pace` / `stopped` (speed and
 * natural stopping points of Play).
 */
import type { ExperimentData, Metrics, ParamValue, ParamValues, Views } from '../experiments/types';

/**
 * Milliseconds on the clock the page and the worker share: each context's `performance.now()` counts from its own
 * origin, `timeOrigin` puts both on one scale. Frames are stamped with it (`sentAt`) and the page measures against it.
 */
export const sharedNow = (): number => performance.timeOrigin + performance.now();

export type MainToWorker =
  | {
      type: 'load';
      experiment: string;
      params: ParamValues;
      seed: number;
      views?: readonly string[];
      /** Page-supplied data that is not a setting (e.g. pasted text); kept across reset and rebuilds. */
      data?: ExperimentData;
      /** Echoed in `ready`: tells this load's answer from an earlier load's. */
      loadId?: number;
    }
  | { type: 'play' }
  | { type: 'pause' }
  /** Train exactly `n` more steps (1…100 000), then stop. */
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'set'; name: string; value: ParamValue }
  /**
   * The page has shown the frame in flight. `pageMs`: how long after the worker posted it (the frame's `sentAt`, on the
   * shared wall clock) the page got to show it; a page short of CPU takes long, and the worker then trains in shorter
   * bursts (host/trainerHost.ts).
   */
  | { type: 'ack'; pageMs?: number }
  | { type: 'views'; views: readonly string[] }
  | { type: 'ping'; id: number }
  /**
   * How fast Play trains: `stepsPerSecond` (null = full speed) and an optional natural stopping point: a Play that
   * starts below `stopAt` pauses by itself when the step count reaches it. `step {n}` ignores both (exact counts).
   */
  | { type: 'pace'; stepsPerSecond: number | null; stopAt: number | null }
  /** Train at full speed until the step count is `step` (0…MAX_REPLAY_STEP), then stop: replaying a shared moment. */
  | { type: 'runTo'; step: number }
  /**
   * Show the run at `step` (clamped to 0 … the latest step reached): restore the nearest kept moment, train the rest
   * exactly, then stop (worker/host/timeline.ts). Play or Step from there discards the later moments.
   */
  | { type: 'seek'; step: number };

export type WorkerToMain =
  | {
      type: 'ready';
      /** The `loadId` of the load this answers. */
      loadId?: number;
      experiment?: string;
      /** The values the worker actually uses, after validation. */
      params?: ParamValues;
      seed?: number;
    }
  | {
      type: 'frame';
      step: number;
      epoch: number;
      metrics: Metrics;
      views: Views;
      /** Whether the worker is still training (playing, or steps left from `step {n}`). */
      running?: boolean;
      /** Training speed over the last second, steps per second. */
      stepsPerSecond?: number;
      /** The run's timeline: latest step reached, kept moments, whether they hold snapshots. */
      timeline?: TimelineInfo;
      /** When the worker posted the frame, in ms on the clock both threads share (`performance.timeOrigin + now()`). */
      sentAt?: number;
    }
  | {
      type: 'diverged';
      step: number;
      reason: string;
      /** The metrics at that step when its loss is still finite (else omitted: the page keeps its last ones). */
      metrics?: Metrics;
    }
  | { type: 'error'; message: string }
  | { type: 'pong'; id: number }
  /** Play stopped by itself (it reached the `stopAt` of the pace); a frame with `running: false` follows. */
  | { type: 'stopped'; step: number; reason: 'stopAt' };

/** A run's timeline as frames report it (worker/host/timeline.ts). */
export interface TimelineInfo {
  /** The latest step the run has reached: the end of the scrubber. */
  head: number;
  /** Moments kept (each a snapshot, or a mark when the trainer has no snapshots). */
  kept: number;
  /** Whether the trainer has snapshots (else a rewind replays from step 0). */
  snapshots: boolean;
}

/** Largest `n` a single `step` message may ask for. */
export const MAX_STEP_REQUEST = 100_000;
/** Largest step a link's `at` may replay to. */
export const MAX_REPLAY_STEP = 1_000_000;
/** Longest string a load's `data` may carry (UTF-16 units); longer ones are dropped by the worker. */
export const MAX_DATA_LENGTH = 1_000_000;
