import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear, scaleLog } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { finiteExtent, formatValue, padDomain } from './format';
import { chunkIndex, linePath, nearestIndex } from './linePath';
import { prepareCanvas } from './canvas';
import type { SeriesBuffer } from './SeriesBuffer';

/**
 * LineChart — several series over a shared x axis (loss curves, train vs validation, optimisers side by side).
 *
 * Props:
 * - `series`: LineSeries[] — each `{ label, y, x?, length?, color?, dashed? }` (typed arrays welcome; `x` defaults
 *   to the index; `length` = how many leading entries are valid) or `{ label, buffer }` with a SeriesBuffer.
 * - `version`: bump it when you mutate arrays in place (live charts); the chart redraws when it changes, so React never
 *   diffs big arrays. Without it the chart redraws whenever `series` changes identity.
 * - `yScale`: 'linear' (default) | 'log' (values ≤ 0 are skipped).
 * - `xLabel`, `yLabel`, `title`: axis labels and title.
 * - `xDomain`, `yDomain`: fixed domains (otherwise from the finite data).
 * - `height` (default 240), `width` (default: the container's width).
 * - `caption`: a sentence before the automatic text alternative (last and min values of each series).
 * Non-finite points are skipped (a gap in the line) and never affect the scale. 100k points per series stay fast
 * (downsampled per pixel column). Hover or focus + arrow keys show a read-out of all series at one x.
 */
export type LineSeries = {
  label: string;
  color?: string;
  dashed?: boolean;
} & (
  | { y: ArrayLike<number>; x?: ArrayLike<number>; length?: number; buffer?: undefined }
  | { buffer: SeriesBuffer }
);

export interface LineChartProps {
  series: readonly LineSeries[];
  version?: number;
  yScale?: 'linear' | 'log';
  xLabel?: string;
  yLabel?: string;
  title?: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  height?: number;
  width?: number;
  caption?: string;
  formatY?: (v: number) => string;
  /** 'auto' (default): SVG paths, or a canvas when there are more than 2,000 points in all. */
  renderer?: 'auto' | 'svg' | 'canvas';
}

const CANVAS_THRESHOLD = 2_000;

interface Resolved {
  buffer?: SeriesBuffer;
  label: string;
  color: string;
  dashed: boolean;
  x: ArrayLike<number> | null;
  y: ArrayLike<number>;
  length: number;
}

interface Extents {
  x: [number, number] | null;
  y: [number, number] | null;
  /** Smallest y > 0 (log scales). */
  yPositive: number;
}

function resolve(series: readonly LineSeries[], palette: (i: number) => string): Resolved[] {
  return series.map((s, i) => {
    const base = { label: s.label, color: s.color ?? palette(i), dashed: Boolean(s.dashed) };
    if (s.buffer) return { ...base, x: s.buffer.x, y: s.buffer.y, length: s.buffer.length, buffer: s.buffer };
    const length = Math.max(0, Math.min(s.length ?? s.y.length, s.y.length, s.x ? s.x.length : Infinity));
    return { ...base, x: s.x ?? null, y: s.y, length };
  });
}

/** Finite extents of one series: read from a SeriesBuffer (kept up to date on push) or scanned once. */
function extents(s: Resolved): Extents {
  const b = s.buffer;
  if (b) {
    return {
      x: b.xMin <= b.xMax ? [b.xMin, b.xMax] : null,
      y: b.yMin <= b.yMax ? [b.yMin, b.yMax] : null,
      yPositive: b.yMinPositive,
    };
  }
  let lo = Infinity;
  let hi = -Infinity;
  let pos = Infinity;
  for (let i = 0; i < s.length; i++) {
    const v = s.y[i];
    if (v < lo) lo = v; // comparisons with NaN are false: NaN never enters; ±Infinity filtered below
    if (v > hi) hi = v;
    if (v > 0 && v < pos) pos = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    const e = finiteExtent(s.y, s.length);
    if (e) [lo, hi] = e;
    if (!Number.isFinite(pos)) pos = Infinity;
  }
  const x = s.x ? finiteExtent(s.x, s.length) : s.length > 0 ? ([0, s.length - 1] as [number, number]) : null;
  return {
    x,
    y: lo <= hi && Number.isFinite(lo) ? [lo, hi] : null,
    yPositive: Number.isFinite(pos) ? pos : Infinity,
  };
}

export function LineChart({
  series,
  version,
  yScale = 'linear',
  xLabel,
  yLabel,
  title,
  xDomain,
  yDomain,
  height = 240,
  width: fixedWidth,
  caption,
  formatY,
  renderer = 'auto',
}: LineChartProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const log = yScale === 'log';
  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);

  // Heavy work (downsampling up to 100k points per series) happens at most once per animation frame, however often
  // the data version changes, and only when the data (identity, length, version), size, scale or theme change.
  const drawnVersion = useOncePerFrame(version);
  const key = seriesKey(series);
  const model = useMemo(() => {
    void drawnVersion; // dependencies on purpose: arrays may be mutated in place
    void key;
    const lines = resolve(series, (i) => seriesColor(theme, i));
    let xExt: [number, number] | null = null;
    let yExt: [number, number] | null = null;
    const ext = lines.map(extents);
    for (const e of ext) {
      const ye: [number, number] | null = log
        ? e.y && e.y[1] > 0 && Number.isFinite(e.yPositive)
          ? [e.yPositive, e.y[1]]
          : null
        : e.y;
      if (e.x) xExt = xExt ? [Math.min(xExt[0], e.x[0]), Math.max(xExt[1], e.x[1])] : e.x;
      if (ye) yExt = yExt ? [Math.min(yExt[0], ye[0]), Math.max(yExt[1], ye[1])] : ye;
    }
    const empty = yExt === null;
    const xd = xDomain ?? padDomain(xExt ?? [0, 1]);
    let yd: [number, number];
    if (yDomain) yd = yDomain;
    else if (log) {
      const [lo, hi] = yExt ?? [0.01, 1];
      yd = hi > lo ? [lo, hi] : [lo / 2, hi * 2];
    } else {
      const [lo, hi] = padDomain(yExt ?? [0, 1]);
      const pad = (hi - lo) * 0.05;
      // A quantity that is never negative (a loss, an accuracy) gets an axis that never goes below zero.
      const nonNegative = yExt !== null && yExt[0] >= 0;
      yd = [nonNegative ? Math.max(0, lo - pad) : lo - pad, hi + pad];
    }
    const sx = scaleLinear().domain(xd).range([0, innerW]);
    const sy = log
      ? scaleLog().domain(yd).range([innerH, 0]).nice().clamp(true)
      : scaleLinear().domain(yd).range([innerH, 0]).nice();
    const total = lines.reduce((a, s) => a + s.length, 0);
    const canvasMode = renderer === 'canvas' || (renderer === 'auto' && total > CANVAS_THRESHOLD);
    const chunksOf = (s: Resolved) =>
      s.buffer && s.length > 4 * innerW
        ? chunkIndex(s.buffer, s.buffer.generation, s.buffer.x, s.buffer.y, s.length)
        : undefined;
    const paths = lines.map((s) =>
      canvasMode
        ? { d: '', points: 0 }
        : linePath(
            s.x,
            s.y,
            s.length,
            sx,
            sy,
            log,
            s.buffer && s.length > 4 * innerW
              ? chunkIndex(s.buffer, s.buffer.generation, s.buffer.x, s.buffer.y, s.length)
              : undefined,
          ),
    );
    return { lines, sx, sy, paths, empty, ext, canvasMode, chunksOf };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `series` is tracked by `key` (identity + length)
  }, [key, drawnVersion, theme, log, xDomain, yDomain, innerW, innerH, renderer]);

  const { lines, sx, sy, paths, empty, ext, canvasMode, chunksOf } = model;

  // Dense data: lines on a canvas (an SVG path with thousands of vertices costs far more to paint every frame)
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasMode) return;
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx) return;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.lineWidth = 2.25 * theme.fontScale;
    lines.forEach((s) => {
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dashed ? [7, 4] : []);
      ctx.beginPath();
      linePath(s.x, s.y, s.length, sx, sy, log, chunksOf(s), ctx);
      ctx.stroke();
    });
  }, [model, canvasMode, lines, sx, sy, log, chunksOf, innerW, innerH, theme]);
  const fmtY = formatY ?? ((v: number) => formatValue(v, 4));

  const readout = useMemo(() => {
    if (hoverX === null) return null;
    return lines.map((s) => {
      const i = nearestIndex(s.x, s.length, hoverX);
      if (i < 0) return { s, x: NaN, y: NaN };
      return { s, x: s.x ? s.x[i] : i, y: s.y[i] };
    });
  }, [hoverX, lines]);

  const summary = lines
    .map((s, i) => {
      if (s.length === 0) return `${s.label}: no data`;
      const last = s.y[s.length - 1];
      const min = ext[i].y?.[0];
      return `${s.label}: last ${fmtY(last)}${min !== undefined ? `, min ${fmtY(min)}` : ''}`;
    })
    .join('; ');
  const captionText = `${caption ? `${caption} ` : ''}${empty ? 'No data yet.' : `${summary}.`}`;

  const moveTo = (clientX: number, target: Element) => {
    const r = target.getBoundingClientRect();
    const x = sx.invert(clientX - r.left - m.left);
    setHoverX(Math.max(sx.domain()[0], Math.min(sx.domain()[1], x)));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const [d0, d1] = sx.domain();
    const stepSize = (d1 - d0) / (e.shiftKey ? 10 : 50);
    const cur = hoverX ?? d1;
    let next: number | null;
    if (e.key === 'ArrowLeft') next = cur - stepSize;
    else if (e.key === 'ArrowRight') next = cur + stepSize;
    else if (e.key === 'Home') next = d0;
    else if (e.key === 'End') next = d1;
    else if (e.key === 'Escape') next = null;
    else return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the read-out, not the lesson
    setHoverX(next === null ? null : Math.max(d0, Math.min(d1, next)));
  };

  const hoverPx = readout && readout[0] && Number.isFinite(readout[0].x) ? sx(readout[0].x) : null;
  const legend = lines.map((s) => ({
    label: s.label,
    color: s.color,
    shape: s.dashed ? ('dashed' as const) : undefined,
  }));

  return (
    <ChartFrame
      kind="line"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      footer={
        <div className="chart-readout" aria-live="off">
          {readout
            ? `${xLabel ?? 'x'} ${formatValue(readout[0]?.x ?? NaN, 5)} · ${readout
                .map((r) => `${r.s.label} ${fmtY(r.y)}`)
                .join(' · ')}`
            : '\u00a0'}
        </div>
      }
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Line chart'}: ${captionText}`}
        tabIndex={0}
        onPointerMove={(e: PointerEvent<SVGSVGElement>) => moveTo(e.clientX, e.currentTarget)}
        onPointerLeave={() => setHoverX(null)}
        onKeyDown={onKey}
        onBlur={() => setHoverX(null)}
      >
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} />
          <g className="lines" fill="none" strokeLinejoin="round" strokeLinecap="round">
            {!canvasMode &&
              lines.map((s, i) => (
                <path
                  key={`${s.label}-${i}`}
                  className="series-line"
                  d={paths[i].d}
                  stroke={s.color}
                  strokeWidth={2.25 * theme.fontScale}
                  strokeDasharray={s.dashed ? '7 4' : undefined}
                />
              ))}
          </g>
          {empty && (
            <text
              className="chart-empty"
              x={innerW / 2}
              y={innerH / 2}
              textAnchor="middle"
              fontSize={theme.fontSize * 1.1}
            >
              No data yet
            </text>
          )}
          {hoverPx !== null && readout && (
            <g className="hover" data-export="skip" pointerEvents="none">
              <line x1={hoverPx} x2={hoverPx} y2={innerH} stroke={theme.fgMuted} strokeDasharray="3 3" />
              {readout.map((r, i) =>
                Number.isFinite(r.y) && (!log || r.y > 0) ? (
                  <circle
                    key={i}
                    cx={sx(r.x)}
                    cy={sy(r.y)}
                    r={4.5}
                    fill={r.s.color}
                    stroke={theme.bgRaised}
                    strokeWidth={1.5}
                  />
                ) : null,
              )}
            </g>
          )}
        </g>
      </svg>
      {canvasMode && (
        <canvas
          ref={canvasRef}
          className="line-canvas"
          aria-hidden="true"
          style={{ left: m.left, top: m.top, pointerEvents: 'none' }}
        />
      )}
    </ChartFrame>
  );
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

/** Identity of the series' data (arrays by identity, lengths, styles): a new array literal of the same series is no change. */
function seriesKey(series: readonly LineSeries[]): string {
  return series
    .map((s) =>
      s.buffer
        ? `${s.label}|b${objectId(s.buffer)}|${s.buffer.length}|${s.color}|${s.dashed}`
        : `${s.label}|${objectId(s.y)}|${objectId(s.x)}|${s.length ?? s.y.length}|${s.color}|${s.dashed}`,
    )
    .join('\n');
}

/**
 * The latest `value`, but changing at most once per animation frame: live data may arrive faster than the screen
 * refreshes (or a busy machine drops frames), and work for frames nobody sees is wasted main-thread time.
 */
function useOncePerFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const scheduled = useRef<number | null>(null);
  useEffect(() => {
    latest.current = value;
    if (Object.is(value, shown) || scheduled.current !== null) return;
    if (typeof requestAnimationFrame !== 'function') {
      setShown(value);
      return;
    }
    scheduled.current = requestAnimationFrame(() => {
      scheduled.current = null;
      setShown(latest.current);
    });
  }, [value, shown]);
  useEffect(
    () => () => {
      if (scheduled.current !== null) cancelAnimationFrame(scheduled.current);
    },
    [],
  );
  return shown;
}
