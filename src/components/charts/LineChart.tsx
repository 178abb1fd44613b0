import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue } from './format';
import { chunkIndex, linePath, nearestIndex } from './linePath';
import { prepareCanvas } from './canvas';
import {
  extents,
  logStepTickFormat,
  pixelsPerDecade,
  resolve,
  seriesKey,
  SMOOTH_WEIGHT,
  smoothedY,
  unionExtents,
  xScaleFor,
  yScaleFor,
  type LineSeries,
  type Resolved,
} from './lineChartModel';
import { useOncePerFrame } from './useOncePerFrame';
import { localPoint } from './pointer';

export type { LineSeries } from './lineChartModel';

/**
 * LineChart — several series over a shared x axis (loss curves, train vs validation, optimisers side by side).
 *
 * Props:
 * - `series`: LineSeries[] — each `{ label, y, x?, length?, color?, dashed?, smooth? }` (typed arrays welcome; `x` defaults
 *   to the index; `length` = how many leading entries are valid) or `{ label, buffer }` with a SeriesBuffer.
 * - `version`: bump it when you mutate arrays in place (live charts); the chart redraws when it changes, so React never
 *   diffs big arrays. Without it the chart redraws whenever `series` changes identity.
 * - `yScale`: 'linear' (default) | 'log' (values ≤ 0 are skipped).
 * - `xLabel`, `yLabel`, `title`: axis labels and title.
 * - `xDomain`, `yDomain`: fixed domains (otherwise from the finite data).
 * - `height` (default 240), `width` (default: the container's width).
 * - `caption`: a sentence before the automatic text alternative (last and min values of each series).
 * - `stepOptions`: for charts over training steps, "Log axis" and "Smooth" toggles in the header. `true` shows them
 *   off; `{ smooth: true }` (noisy mini-batch losses) or `{ logSteps: true }` starts them on. Smoothing is
 *   TensorBoard's debiased exponential moving average (weight 0.9) with the raw line kept faint underneath; the log
 *   step axis runs from step 1 (step 0 cannot be placed on it and is left out, as the caption says).
 *   A series with `smooth: false` (a baseline, a sparse validation curve) is always drawn as it is.
 * Non-finite points are skipped (a gap in the line) and never affect the scale. 100k points per series stay fast
 * (downsampled per pixel column). Hover or focus + arrow keys show a read-out of all series at one x.
 */
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
  stepOptions?: boolean | StepOptions;
}

export interface StepOptions {
  /** Start with the smoothed curve shown (noisy mini-batch losses). */
  smooth?: boolean;
  /** Start with a log-scaled step axis (long runs). */
  logSteps?: boolean;
}

const CANVAS_THRESHOLD = 2_000;
const RAW_OPACITY = 0.28;

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
  stepOptions,
}: LineChartProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const initial = typeof stepOptions === 'object' ? stepOptions : {};
  const [smooth, setSmooth] = useState(Boolean(initial.smooth));
  const [logX, setLogX] = useState(Boolean(initial.logSteps));
  const log = yScale === 'log';
  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const clipId = `line-clip-${useId().replace(/[^\w-]/g, '')}`;

  // Heavy work (downsampling up to 100k points per series) happens at most once per animation frame, however often
  // the data version changes, and only when the data (identity, length, version), size, scale or theme change.
  const drawnVersion = useOncePerFrame(version);
  const key = seriesKey(series);
  const model = useMemo(() => {
    void drawnVersion; // dependencies on purpose: arrays may be mutated in place
    void key;
    const lines = resolve(series, (i) => seriesColor(theme, i));
    const ext = lines.map(extents);
    const union = unionExtents(ext, log);
    const domains = { log, logX, xDomain, yDomain, innerW, innerH };
    const sx = xScaleFor(union.x, domains);
    const sy = yScaleFor(union.y, domains);
    const empty = union.y === null;
    const total = lines.reduce((a, s) => a + s.length, 0);
    const canvasMode = renderer === 'canvas' || (renderer === 'auto' && total > CANVAS_THRESHOLD);
    const chunksOf = (s: Resolved) =>
      s.buffer && s.length > 4 * innerW
        ? chunkIndex(s.buffer, s.buffer.generation, s.buffer.x, s.buffer.y, s.length)
        : undefined;
    const smoothed = smooth ? lines.map((s) => (s.smooth ? smoothedY(s) : null)) : null;
    const noPath = { d: '', points: 0 };
    const paths = lines.map((s) =>
      canvasMode ? noPath : linePath(s.x, s.y, s.length, sx, sy, log, chunksOf(s)),
    );
    const smoothPaths = lines.map((s, i) => {
      const sm = smoothed?.[i];
      return canvasMode || !sm ? noPath : linePath(s.x, sm, s.length, sx, sy, log);
    });
    return { lines, sx, sy, paths, smoothed, smoothPaths, empty, ext, canvasMode, chunksOf };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `series` is tracked by `key` (identity + length)
  }, [key, drawnVersion, theme, log, logX, smooth, xDomain, yDomain, innerW, innerH, renderer]);

  const { lines, sx, sy, paths, smoothed, smoothPaths, empty, ext, canvasMode, chunksOf } = model;

  // Dense data: lines on a canvas (an SVG path with thousands of vertices costs far more to paint every frame)
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasMode) return;
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx) return;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    lines.forEach((s, i) => {
      const sm = smoothed?.[i];
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dashed ? [7, 4] : []);
      ctx.globalAlpha = sm ? RAW_OPACITY : 1;
      ctx.lineWidth = (sm ? 1.5 : 2.25) * theme.fontScale;
      ctx.beginPath();
      linePath(s.x, s.y, s.length, sx, sy, log, chunksOf(s), ctx);
      ctx.stroke();
      if (!sm) return;
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2.25 * theme.fontScale;
      ctx.beginPath();
      linePath(s.x, sm, s.length, sx, sy, log, undefined, ctx);
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
  }, [model, canvasMode, lines, smoothed, sx, sy, log, chunksOf, innerW, innerH, theme]);
  const fmtY = formatY ?? ((v: number) => formatValue(v, 4));

  const readout = useMemo(() => {
    if (hoverX === null) return null;
    return lines.map((s, k) => {
      const i = nearestIndex(s.x, s.length, hoverX);
      const sm = smoothed?.[k];
      if (i < 0) return { s, x: NaN, y: NaN, raw: null };
      return { s, x: s.x ? s.x[i] : i, y: sm ? sm[i] : s.y[i], raw: sm ? s.y[i] : null };
    });
  }, [hoverX, lines, smoothed]);

  const summary = lines
    .map((s, i) => {
      if (s.length === 0) return `${s.label}: no data`;
      const last = s.y[s.length - 1];
      const min = ext[i].y?.[0];
      const minText = min !== undefined ? `, min ${fmtY(min)}` : '';
      const sm = smoothed?.[i];
      const smoothText = sm ? `, smoothed last ${fmtY(sm[s.length - 1])}` : '';
      return `${s.label}: last ${fmtY(last)}${minText}${smoothText}`;
    })
    .join('; ');
  const notes = [
    smoothed?.some(Boolean)
      ? `Smoothed with an exponential moving average (weight ${SMOOTH_WEIGHT}); raw values drawn faintly.`
      : '',
    logX ? 'Steps on a log scale from step 1 (step 0 cannot be placed on it and is not drawn).' : '',
  ].filter(Boolean);
  const captionText = [caption, empty ? 'No data yet.' : `${summary}.`, ...notes].filter(Boolean).join(' ');

  const moveTo = (clientX: number, target: Element) => {
    const x = sx.invert(localPoint(clientX, 0, target).x - m.left);
    setHoverX(Math.max(sx.domain()[0], Math.min(sx.domain()[1], x)));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const [d0, d1] = sx.domain();
    // steps of a fixed share of the plot's width, so a log axis moves evenly too
    const stepPx = innerW / (e.shiftKey ? 10 : 50);
    const curPx = sx(hoverX ?? d1);
    let next: number | null;
    if (e.key === 'ArrowLeft') next = sx.invert(curPx - stepPx);
    else if (e.key === 'ArrowRight') next = sx.invert(curPx + stepPx);
    else if (e.key === 'Home') next = d0;
    else if (e.key === 'End') next = d1;
    else if (e.key === 'Escape') next = null;
    else return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the read-out, not the lesson
    setHoverX(next === null ? null : Math.max(d0, Math.min(d1, next)));
  };

  // (on a log step axis, step 0 has no position: no hover line for it)
  const hoverAt = readout?.[0] ? sx(readout[0].x) : NaN;
  const hoverPx = Number.isFinite(hoverAt) ? hoverAt : null;
  const legend = lines.map((s) => ({
    label: s.label,
    color: s.color,
    shape: s.dashed ? ('dashed' as const) : undefined,
  }));
  const xFormat = logX ? logStepTickFormat(pixelsPerDecade(sx), theme.fontSize) : undefined;
  const actions = stepOptions ? (
    <StepToggles smooth={smooth} logSteps={logX} onSmooth={setSmooth} onLogSteps={setLogX} />
  ) : undefined;
  const lineWidth = 2.25 * theme.fontScale;

  return (
    <ChartFrame
      kind="line"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      actions={actions}
      footer={
        <div className="chart-readout" aria-live="off">
          {readout
            ? `${xLabel ?? 'x'} ${formatValue(readout[0]?.x ?? NaN, 5)} · ${readout
                .map((r) => `${r.s.label} ${fmtY(r.y)}${r.raw !== null ? ` (raw ${fmtY(r.raw)})` : ''}`)
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
          <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} format={xFormat} />
          <defs>
            <clipPath id={clipId}>
              <rect x={-2} y={-2} width={innerW + 4} height={innerH + 4} />
            </clipPath>
          </defs>
          {/* Clipped to the plot: with a fixed yDomain a value beyond it (a loss spike) was drawn across the page. */}
          <g
            className="lines"
            clipPath={`url(#${clipId})`}
            fill="none"
            strokeLinejoin="round"
            strokeLinecap="round"
          >
            {!canvasMode &&
              lines.map((s, i) => (
                <g key={`${s.label}-${i}`} stroke={s.color} strokeDasharray={s.dashed ? '7 4' : undefined}>
                  {smoothed?.[i] ? (
                    <>
                      <path
                        className="series-raw"
                        d={paths[i].d}
                        strokeOpacity={RAW_OPACITY}
                        strokeWidth={1.5 * theme.fontScale}
                      />
                      <path
                        className="series-line series-smooth"
                        d={smoothPaths[i].d}
                        strokeWidth={lineWidth}
                      />
                    </>
                  ) : (
                    <path className="series-line" d={paths[i].d} strokeWidth={lineWidth} />
                  )}
                </g>
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
                Number.isFinite(r.y) && (!log || r.y > 0) && Number.isFinite(sx(r.x)) ? (
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

interface StepTogglesProps {
  smooth: boolean;
  logSteps: boolean;
  onSmooth: (on: boolean) => void;
  onLogSteps: (on: boolean) => void;
}

/** The header toggles of a chart over training steps (native buttons: Tab, Enter and Space work). */
function StepToggles({ smooth, logSteps, onSmooth, onLogSteps }: StepTogglesProps) {
  return (
    <>
      <button
        type="button"
        className="chart-button"
        aria-pressed={logSteps}
        onClick={() => onLogSteps(!logSteps)}
        title="Show the steps on a logarithmic axis (from step 1), so the start of a long run is not squeezed"
      >
        {/* Not "Log steps": a button whose name contains "step" would answer to the run's Step button's name. */}
        Log axis
      </button>
      <button
        type="button"
        className="chart-button"
        aria-pressed={smooth}
        onClick={() => onSmooth(!smooth)}
        title={`Smooth the curves (exponential moving average, weight ${SMOOTH_WEIGHT}); the raw values stay faint`}
      >
        Smooth
      </button>
    </>
  );
}
