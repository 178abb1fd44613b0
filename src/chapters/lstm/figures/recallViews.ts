import { useEffect, useRef, type RefObject } from 'react';
import type { GateTrace } from '../../../experiments/lstm/recallViews';
import type { ViewValue } from '../../../experiments/types';
import { floats, num, record } from '../../backprop/figures/views';
import type { CellValues } from './CellDiagram';

/** The experiment's `trace` view, once readTrace has checked it field by field: the trainer's own GateTrace. */
export type TraceData = GateTrace;

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

/** Gate pre-activations are stored [4, H, T] in the core's row order: input, forget, candidate, output. */
const PRE_ROW: Record<'i' | 'f' | 'g' | 'o', number> = { i: 0, f: 1, g: 2, o: 3 };

/** The values of unit j (0-based) at time index t (0-based) from a trace. */
export function cellValuesAt(
  trace: TraceData,
  j: number,
  t: number,
): CellValues & { pre: Record<string, number> } {
  const T = trace.steps;
  const at = (a: Float32Array, tt: number) => a[j * T + tt];
  const pre = (g: keyof typeof PRE_ROW) => trace.pre[(PRE_ROW[g] * trace.hidden + j) * T + t];
  return {
    f: at(trace.f, t),
    i: at(trace.i, t),
    g: at(trace.g, t),
    o: at(trace.o, t),
    c: at(trace.c, t),
    cPrev: t > 0 ? at(trace.c, t - 1) : 0,
    h: at(trace.h, t),
    pre: { f: pre('f'), i: pre('i'), g: pre('g'), o: pre('o') },
  };
}

/** A trace of unknown values (NaN, drawn as gaps and "–"): figures keep their full size while the model loads. */
export function emptyTrace(hidden: number, steps: number): TraceData {
  const n = hidden * steps;
  const nan = () => new Float32Array(n).fill(NaN);
  return {
    tokens: new Int32Array(steps).fill(-1),
    i: nan(),
    f: nan(),
    g: nan(),
    o: nan(),
    c: nan(),
    h: nan(),
    pre: new Float32Array(4 * n).fill(NaN),
    probs: new Float32Array(4).fill(NaN),
    target: 0,
    hidden,
    steps,
  };
}

/**
 * Counts the traces a figure has drawn: after each commit that drew a new `trace` view, the element gets
 * `data-frames-drawn` = that count. A browser test reads it to measure how often the gate figures refresh while
 * training (issue: ≥ 10 times a second) without timing React. Written straight to the DOM: no extra render.
 */
export function useDrawnCounter<T extends Element>(view: ViewValue | undefined): RefObject<T | null> {
  const ref = useRef<T>(null);
  const drawn = useRef(0);
  useEffect(() => {
    if (view === undefined) return;
    drawn.current += 1;
    ref.current?.setAttribute('data-frames-drawn', String(drawn.current));
  }, [view]);
  return ref;
}
