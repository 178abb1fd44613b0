import { useEffect, useRef, type RefObject } from 'react';
/** What the gate figures draw from the recall experiment's `trace` view (experiments/lstm/views.ts GateTraceView). */
import type { GateTraceView } from '../../../experiments/lstm/views';
import type { CellValues } from './CellDiagram';

/** Gate pre-activations are stored [4, H, T] in the core's row order: input, forget, candidate, output. */
const PRE_ROW: Record<'i' | 'f' | 'g' | 'o', number> = { i: 0, f: 1, g: 2, o: 3 };

/** The values of unit j (0-based) at time index t (0-based) from a trace. */
export function cellValuesAt(
  trace: GateTraceView,
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
export function emptyTrace(hidden: number, steps: number): GateTraceView {
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
export function useDrawnCounter<T extends Element>(view: GateTraceView | undefined): RefObject<T | null> {
  const ref = useRef<T>(null);
  const drawn = useRef(0);
  useEffect(() => {
    if (view === undefined) return;
    drawn.current += 1;
    ref.current?.setAttribute('data-frames-drawn', String(drawn.current));
  }, [view]);
  return ref;
}
