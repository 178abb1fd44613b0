/**
 * A `load` message, checked: the page validated it already, but the worker trusts no message, so every part is
 * validated again against the experiment's own parameter table.
 */
import { DEFAULT_SEED, defaultValues, isValidSeed, mergeValues } from '../../experiments/params';
import type { Experiment, ExperimentData, ParamValues } from '../../experiments/types';
import { MAX_DATA_LENGTH, type MainToWorker } from '../protocol';

export type LoadMessage = Extract<MainToWorker, { type: 'load' }>;

export interface LoadRequest {
  values: ParamValues;
  seed: number;
  data: ExperimentData;
  views: string[];
  /** Echoed in `ready`, so the page can tell this load's answer from an earlier one's. */
  loadId: number | undefined;
}

export function checkLoad(msg: LoadMessage, experiment: Experiment): LoadRequest {
  const views: unknown[] = Array.isArray(msg.views) ? msg.views : [];
  return {
    values: mergeValues(experiment.params, defaultValues(experiment.params), msg.params).values,
    seed: isValidSeed(msg.seed) ? msg.seed : DEFAULT_SEED,
    data: checkData(msg.data),
    views: views.filter((v): v is string => typeof v === 'string'),
    loadId: typeof msg.loadId === 'number' && Number.isFinite(msg.loadId) ? msg.loadId : undefined,
  };
}

/** A load's `data`, trusted no more than any message: own string properties only, each at most MAX_DATA_LENGTH. */
export function checkData(data: unknown): ExperimentData {
  const out = Object.create(null) as Record<string, string>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string' && value.length <= MAX_DATA_LENGTH) out[name] = value;
  }
  return out;
}
