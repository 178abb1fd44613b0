import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { finiteExtent, padDomain } from './format';
import { logTickFormat } from './Axes';
import type { SeriesBuffer } from './SeriesBuffer';

/**
 * The pure part of LineChart: which points each series has, the extents and scales they need, and the smoothed
 * copies of noisy series. d3 computes here; LineChart.tsx only renders.
 */
export type LineSeries = {
  label: string;
  color?: string;
  dashed?: boolean;
  /** false: never smoothed (a baseline, a sparse validation curve) when the chart's smoothing is on. */
  smooth?: boolean;
} & (
  | { y: ArrayLike<number>; x?: ArrayLike<number>; length?: number; buffer?: undefined }
  | { buffer: SeriesBuffer }
);

export interface Resolved {
  buffer?: SeriesBuffer;
  label: string;
  color: string;
  dashed: boolean;
  smooth: boolean;
  x: ArrayLike<number> | null;
  y: ArrayLike<number>;
  length: number;
}

export interface Extents {
  x: [number, number] | null;
  y: [number, number] | null;
  /** Smallest y > 0 (log scales). */
  yPositive: number;
}

/** TensorBoard's default smoothing weight: each smoothed point is 90 % the previous one, 10 % the new value. */
export const SMOOTH_WEIGHT = 0.9;

export function resolve(series: readonly LineSeries[], palette: (i: number) => string): Resolved[] {
  return series.map((s, i) => {
    const base = {
      label: s.label,
      color: s.color ?? palette(i),
      dashed: Boolean(s.dashed),
      smooth: s.smooth !== false,
    };
    if (s.buffer) return { ...base, x: s.buffer.x, y: s.buffer.y, length: s.buffer.length, buffer: s.buffer };
    const length = Math.max(0, Math.min(s.length ?? s.y.length, s.y.length, s.x ? s.x.length : Infinity));
    return { ...base, x: s.x ?? null, y: s.y, length };
  });
}

/** Finite extents of one series: read from a SeriesBuffer (kept up to date on push) or scanned once. */
export function extents(s: Resolved): Extents {
  const b = s.buffer;
  if (b) {
    return {
      x: b.xMin <= b.xMax ? [b.xMin, b.xMax] : null,
      y: b.yMin <= b.yMax ? [b.yMin, b.yMax] : null,
      yPositive: b.yMinPositive,
    };
  }
  return scanExtents(s.x, s.y, s.length);
}

function scanExtents(xs: ArrayLike<number> | null, ys: ArrayLike<number>, length: number): Extents {
  let lo = Infinity;
  let hi = -Infinity;
  let pos = Infinity;
  for (let i = 0; i < length; i++) {
    const v = ys[i];
    if (v < lo) lo = v; // comparisons with NaN are false: NaN never enters; ±Infinity filtered below
    if (v > hi) hi = v;
    if (v > 0 && v < pos) pos = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    const e = finiteExtent(ys, length);
    if (e) [lo, hi] = e;
    if (!Number.isFinite(pos)) pos = Infinity;
  }
  const x = xs ? finiteExtent(xs, length) : length > 0 ? ([0, length - 1] as [number, number]) : null;
  return {
    x,
    y: lo <= hi && Number.isFinite(lo) ? [lo, hi] : null,
    yPositive: Number.isFinite(pos) ? pos : Infinity,
  };
}

/**
 * Exponential moving average, debiased like TensorBoard's: the running average starts at 0, so each value is divided by
 * (1 − the weight left on that 0) to undo the pull towards 0. The weight applies per training step, not per stored
 * point: a point 10 steps after the previous one decays it by weight¹⁰. With one point per step this is exactly
 * TensorBoard's smoothing; with sparse or thinned-out points (a history kept every few steps, a SeriesBuffer that
 * keeps every 4th) the curve is smoothed over the same number of steps instead of lagging far behind.
 * Non-finite inputs stay gaps (NaN) and do not enter the average.
 */
export function emaSmooth(
  ys: ArrayLike<number>,
  length: number,
  weight = SMOOTH_WEIGHT,
  xs: ArrayLike<number> | null = null,
  resume?: { out: Float64Array; state: EmaState; from: number },
): Float64Array {
  const out = resume?.out ?? new Float64Array(length);
  const state = resume?.state ?? { acc: 0, kept: 1, prevX: NaN };
  let { acc, kept, prevX } = state;
  for (let i = resume?.from ?? 0; i < length; i++) {
    const v = ys[i];
    const x = xs ? xs[i] : i;
    if (!Number.isFinite(v) || !Number.isFinite(x)) {
      out[i] = NaN;
      continue;
    }
    const steps = Number.isFinite(prevX) ? Math.max(1, x - prevX) : 1;
    const decay = weight ** steps;
    acc = acc * decay + (1 - decay) * v;
    kept *= decay; // the share of the average still resting on the initial 0
    prevX = x;
    out[i] = kept < 1 ? acc / (1 - kept) : v;
  }
  Object.assign(state, { acc, kept, prevX });
  return out;
}

export interface EmaState {
  acc: number;
  /** Product of the decays so far: the weight still on the average's starting 0. */
  kept: number;
  prevX: number;
}

interface SmoothCache {
  generation: number;
  weight: number;
  done: number;
  state: EmaState;
  out: Float64Array;
}
const smoothCache = new WeakMap<SeriesBuffer, SmoothCache>();

/**
 * The smoothed y values of a series. A SeriesBuffer only appends until its generation changes, so its smoothed copy is
 * extended, not recomputed (a live 100k-point run costs only the new points per frame); plain arrays are recomputed.
 */
export function smoothedY(s: Resolved, weight = SMOOTH_WEIGHT): Float64Array {
  const b = s.buffer;
  if (!b) return emaSmooth(s.y, s.length, weight, s.x);
  let c = smoothCache.get(b);
  if (!c || c.generation !== b.generation || c.weight !== weight || c.done > s.length) {
    const state = { acc: 0, kept: 1, prevX: NaN };
    c = { generation: b.generation, weight, done: 0, state, out: new Float64Array(b.y.length) };
    smoothCache.set(b, c);
  }
  if (c.out.length < s.length) {
    const grown = new Float64Array(Math.max(s.length, b.y.length));
    grown.set(c.out.subarray(0, c.done));
    c.out = grown;
  }
  emaSmooth(s.y, s.length, weight, s.x, { out: c.out, state: c.state, from: c.done });
  c.done = s.length;
  return c.out;
}

export interface DomainOptions {
  log: boolean;
  /** Log-scaled step axis: starts at step 1 (step 0 has no place on a log axis and is left out). */
  logX: boolean;
  xDomain?: [number, number];
  yDomain?: [number, number];
  innerW: number;
  innerH: number;
}

/** Union of the series' extents (for a log y axis: from the smallest positive value). */
export function unionExtents(ext: readonly Extents[], log: boolean) {
  let x: [number, number] | null = null;
  let y: [number, number] | null = null;
  for (const e of ext) {
    const ye: [number, number] | null = log
      ? e.y && e.y[1] > 0 && Number.isFinite(e.yPositive)
        ? [e.yPositive, e.y[1]]
        : null
      : e.y;
    if (e.x) x = x ? [Math.min(x[0], e.x[0]), Math.max(x[1], e.x[1])] : e.x;
    if (ye) y = y ? [Math.min(y[0], ye[0]), Math.max(y[1], ye[1])] : ye;
  }
  return { x, y };
}

/** The step axis: linear over the data (padded), or logarithmic from step 1 to the last step (at least 10). */
export function xScaleFor(
  xExt: [number, number] | null,
  o: DomainOptions,
): ScaleContinuousNumeric<number, number> {
  if (!o.logX)
    return scaleLinear()
      .domain(o.xDomain ?? padDomain(xExt ?? [0, 1]))
      .range([0, o.innerW]);
  const hi = (o.xDomain ?? xExt ?? [1, 10])[1];
  // not clamped: step 0 maps to −∞ and is skipped as unplottable, instead of being drawn at step 1
  return scaleLog()
    .domain([1, Math.max(10, hi)])
    .range([0, o.innerW]);
}

export function yScaleFor(
  yExt: [number, number] | null,
  o: DomainOptions,
): ScaleContinuousNumeric<number, number> {
  let yd: [number, number];
  if (o.yDomain) yd = o.yDomain;
  else if (o.log) {
    const [lo, hi] = yExt ?? [0.01, 1];
    yd = hi > lo ? [lo, hi] : [lo / 2, hi * 2];
  } else {
    const [lo, hi] = padDomain(yExt ?? [0, 1]);
    const pad = (hi - lo) * 0.05;
    // A quantity that is never negative (a loss, an accuracy) gets an axis that never goes below zero.
    const nonNegative = yExt !== null && yExt[0] >= 0;
    yd = [nonNegative ? Math.max(0, lo - pad) : lo - pad, hi + pad];
  }
  return o.log
    ? scaleLog().domain(yd).range([o.innerH, 0]).nice().clamp(true)
    : scaleLinear().domain(yd).range([o.innerH, 0]).nice();
}

/**
 * Labels for a log step axis: 1, 10, 100… and, where a decade is wide enough for them not to touch, 2 and 5 × 10ⁿ too.
 */
export function logStepTickFormat(pxPerDecade: number, fontSize: number): (v: number) => string {
  const wide = pxPerDecade >= fontSize * 9;
  return (v) => {
    const label = logTickFormat(v);
    if (wide || label === '') return label;
    const mant = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
    return Math.abs(mant - 1) < 1e-6 ? label : '';
  };
}

/** Pixels per factor of ten on a log scale (0 for linear scales). */
export function pixelsPerDecade(scale: ScaleContinuousNumeric<number, number>): number {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  if (!('base' in scale) || !(d0 > 0) || !(d1 > d0)) return 0;
  return Math.abs(r1 - r0) / Math.log10(d1 / d0);
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(o: unknown): number {
  if (typeof o !== 'object' || o === null) return 0;
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

/**
 * Identity of the series' data (arrays by identity, lengths, styles): a new array literal of the same series is no
 * change. With `lengthsByVersion` the lengths are left out: a chart given a `version` learns of in-place growth from
 * it, and the version is what the chart throttles to one redraw per frame — a length in the key would redraw on every
 * update as well (measured: two model builds and canvas draws per update on the gallery's live chart).
 */
export function seriesKey(series: readonly LineSeries[], lengthsByVersion = false): string {
  return series
    .map((s) => {
      const length = lengthsByVersion ? '' : s.buffer ? s.buffer.length : (s.length ?? s.y.length);
      return s.buffer
        ? `${s.label}|b${objectId(s.buffer)}|${length}|${s.color}|${s.dashed}|${s.smooth}`
        : `${s.label}|${objectId(s.y)}|${objectId(s.x)}|${length}|${s.color}|${s.dashed}|${s.smooth}`;
    })
    .join('\n');
}
