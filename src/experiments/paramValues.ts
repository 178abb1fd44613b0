/**
 * Reading a trainer's parameter values defensively: the worker validated them against the table, but a trainer is
 * also created directly (tests, presets), so a missing or non-finite value falls back instead of poisoning a run.
 */
import type { ParamValues } from './types';

/** The finite number `params[name]` holds, else `fallback` (absent, another type, NaN or ±∞). */
export function numberParam(params: ParamValues, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** numberParam rounded to a whole number and kept within [min, max]. */
export function intParam(
  params: ParamValues,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  return Math.max(min, Math.min(max, Math.round(numberParam(params, name, fallback))));
}
