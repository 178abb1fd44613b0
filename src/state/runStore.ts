/**
 * The run store: what the read-outs show. Updated by the runtime (experimentRuntime.ts, workerRun.ts) at most once per frame;
 * charts do not read frames from here (they subscribe through frames.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Metrics } from '../experiments/types';
import type { TimelineInfo } from '../worker/protocol';
import type { RunPhase, RunStatus } from './runMachine';

/** Exactly the texts of `data-testid="run-status"`: idle, running, paused, diverged, error. */
export type { RunStatus, RunPhase };

export interface RunState {
  status: RunStatus;
  /** The state machine's phase (`pausing` shows as `running` until the worker confirms). */
  phase: RunPhase;
  /** The experiment's module and first frame have arrived. */
  ready: boolean;
  /** Metrics of the newest frame (last finite ones after a divergence), null before the first frame. */
  metrics: Metrics | null;
  stepsPerSecond: number;
  /** Set while `status === 'diverged'`. */
  diverged: { step: number; reason: string } | null;
  /** Set while `status === 'error'`. Plain text. */
  error: string | null;
  /** A shared link's moment being replayed; `shown` once it has taken more than a moment. */
  replay: { target: number; shown: boolean } | null;
  /** The run's timeline (latest step reached, kept moments), null before the first frame. */
  timeline: TimelineInfo | null;
}

export const INITIAL_RUN_STATE: RunState = {
  status: 'idle',
  phase: 'idle',
  ready: false,
  metrics: null,
  stepsPerSecond: 0,
  diverged: null,
  error: null,
  replay: null,
  timeline: null,
};

/** One per runtime hub (runtimeHub.ts); components read it with `useRunStore` (runtimeContext.ts). */
export type RunStore = StoreApi<RunState>;

export const createRunStore = (): RunStore => createStore<RunState>()(() => ({ ...INITIAL_RUN_STATE }));
