/**
 * The params store: which experiment is mounted, its parameter table, the current values and seed. Written by the
 * runtime (which also writes the URL and tells the worker); controls read from here and call runtime actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParamTable, ParamValues } from '../experiments/types';
import { DEFAULT_SEED } from '../experiments/params';

export interface ParamsState {
  experimentId: string | null;
  title: string;
  /** Null until the experiment module has loaded. */
  table: ParamTable | null;
  values: ParamValues;
  seed: number;
  /** Values the page started from (defaults ← lesson preset): "Reset settings" goes back here. */
  baseline: ParamValues;
  /** Play's speed in steps per second; null = full speed. From the URL's `speed`, else `defaultSpeed`. */
  speed: number | null;
  /** The lesson step's pace (null = full speed, also outside lessons). */
  defaultSpeed: number | null;
  /** The lesson step's natural stopping point: Play pauses by itself there. */
  stopAt: number | null;
}

/** One per runtime hub (runtimeHub.ts); components read it with `useParamsStore` (runtimeContext.ts). */
export type ParamsStore = StoreApi<ParamsState>;

export const createParamsStore = (): ParamsStore =>
  createStore<ParamsState>()(() => ({
    experimentId: null,
    title: '',
    table: null,
    values: Object.create(null) as ParamValues,
    seed: DEFAULT_SEED,
    baseline: Object.create(null) as ParamValues,
    speed: null,
    defaultSpeed: null,
    stopAt: null,
  }));
