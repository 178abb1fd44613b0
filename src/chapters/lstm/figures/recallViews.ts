import type { ViewValue } from '../../../experiments/types';
import { floats, num, record } from '../../backprop/figures/views';

/** The experiment's `trace` view (src/experiments/lstm/recallViews.ts GateTrace), checked field by field. */
export interface TraceData {
  tokens: Int32Array;
  i: Float32Array;
  f: Float32Array;
  g: Float32Array;
  o: Float32Array;
  c: Float32Array;
  h: Float32Array;
  pre: Float32Array;
  probs: Float32Array;
  target: number;
  hidden: number;
  steps: number;
}

export function readTrace(view: ViewValue | undefined): TraceData | null {
  const r = record(view);
  const hidden = num(r?.hidden);
  const steps = num(r?.steps);
  const tokens = r?.tokens;
  if (!r || hidden === undefined || steps === undefined || !(tokens instanceof Int32Array)) return null;
  const n = hidden * steps;
  const arrays = ['i', 'f', 'g', 'o', 'c', 'h'].map((k) => floats(r[k]));
  const pre = floats(r.pre);
  const probs = floats(r.probs);
  if (arrays.some((a) => a === undefined || a.length !== n) || !pre || pre.length !== 4 * n || !probs)
    return null;
  const [i, f, g, o, c, h] = arrays as Float32Array[];
  return { tokens, i, f, g, o, c, h, pre, probs, target: num(r.target) ?? 0, hidden, steps };
}

/** The experiment's `info` view. */
export interface InfoData {
  rnnParams: number;
  lstmParams: number;
  chance: number;
  length: number;
  gap: number;
  example: string;
}

export function readInfo(view: ViewValue | undefined): InfoData | null {
  const r = record(view);
  if (!r) return null;
  return {
    rnnParams: num(r.rnnParams) ?? 0,
    lstmParams: num(r.lstmParams) ?? 0,
    chance: num(r.chance) ?? 0.25,
    length: num(r.length) ?? 0,
    gap: num(r.gap) ?? 0,
    example: typeof r.example === 'string' ? r.example : '',
  };
}

/** Named Float32Arrays of a view record (curves, gradflow). */
export function floatRecord(view: ViewValue | undefined): Record<string, Float32Array> {
  const r = record(view);
  const out: Record<string, Float32Array> = {};
  if (!r) return out;
  for (const [k, v] of Object.entries(r)) {
    const a = floats(v);
    if (a) out[k] = a;
  }
  return out;
}
