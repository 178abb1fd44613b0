/**
 * Typed messages between the main thread and the trainer worker (docs/CONTRACTS.md, "Worker protocol").
 * Frames carry typed arrays as transferables; at most one frame is in flight (the worker waits for `ack`).
 *
 * The message names of DESIGN §2 are fixed; the runtime adds optional fields and three messages:
 * `views` (change which views frames carry), `ping`/`pong` (the client's watchdog).
 */
import type { Metrics, ParamValue, ParamValues, Views } from '../experiments/types';

export type MainToWorker =
  | { type: 'load'; experiment: string; params: ParamValues; seed: number; views?: readonly string[] }
  | { type: 'play' }
  | { type: 'pause' }
  /** Train exactly `n` more steps (1…100 000), then stop. */
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'set'; name: string; value: ParamValue }
  | { type: 'ack' }
  | { type: 'views'; views: readonly string[] }
  | { type: 'ping'; id: number };

export type WorkerToMain =
  | {
      type: 'ready';
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
    }
  | {
      type: 'diverged';
      step: number;
      reason: string;
      /** The metrics at that step when its loss is still finite (else omitted: the page keeps its last ones). */
      metrics?: Metrics;
    }
  | { type: 'error'; message: string }
  | { type: 'pong'; id: number };

/** Largest `n` a single `step` message may ask for. */
export const MAX_STEP_REQUEST = 100_000;
