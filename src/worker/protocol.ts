/**
 * Typed messages between the main thread and the trainer worker (DESIGN.md §2 "Worker protocol").
 * Frames carry typed arrays as transferables; at most one frame is in flight (the worker waits for `ack`).
 */
import type { Metrics, ParamValue, ParamValues, Views } from '../experiments/types';

export type MainToWorker =
  | { type: 'load'; experiment: string; params: ParamValues; seed: number; views?: readonly string[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'set'; name: string; value: ParamValue }
  | { type: 'ack' };

export type WorkerToMain =
  | { type: 'ready' }
  | { type: 'frame'; step: number; epoch: number; metrics: Metrics; views: Views }
  | { type: 'diverged'; step: number; reason: string }
  | { type: 'error'; message: string };
