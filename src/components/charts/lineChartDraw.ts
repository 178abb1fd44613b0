import type { ScaleContinuousNumeric } from 'd3-scale';
import { CanvasLine } from './canvasLine';
import { chunkIndex, linePath, nearestIndex, reduceColumns, type SeriesPixels } from './linePath';
import {
  extents,
  resolve,
  SMOOTH_WEIGHT,
  smoothedY,
  unionExtents,
  xScaleFor,
  yScaleFor,
  type DomainOptions,
  type Extents,
  type LineSeries,
  type Resolved,
} from './lineChartModel';

/** Above this many points in all, 'auto' draws the lines on a canvas instead of SVG paths. */
export const CANVAS_THRESHOLD = 2_000;
/** The raw line under a smoothed one is drawn this faint. */
export const RAW_OPACITY = 0.28;

type Scale = ScaleContinuousNumeric<number, number>;

export interface LineModelInput extends DomainOptions {
  series: readonly LineSeries[];
  palette: (i: number) => string;
  smooth: boolean;
  renderer: 'auto' | 'svg' | 'canvas';
}

export interface LineModel {
  lines: Resolved[];
  sx: Scale;
  sy: Scale;
  /** SVG path data per series (empty strings in canvas mode, where the lines are drawn on the canvas). */
  paths: { d: string; points: number }[];
  /** Smoothed y per series, null where a series is not smoothed; null altogether when smoothing is off. */
  smoothed: (Float64Array | null)[] | null;
  smoothPaths: { d: string; points: number }[];
  empty: boolean;
  ext: Extents[];
  canvasMode: boolean;
  chunksOf: (s: Resolved) => ReturnType<typeof chunkIndex> | undefined;
}

/** Scales and downsampled paths of every series: the heavy part of a LineChart redraw. */
export function buildLineModel(o: LineModelInput): LineModel {
  const { log, innerW } = o;
  const lines = resolve(o.series, o.palette);
  const ext = lines.map(extents);
  const union = unionExtents(ext, log);
  const sx = xScaleFor(union.x, o);
  const sy = yScaleFor(union.y, o);
  const empty = union.y === null;
  const total = lines.reduce((a, s) => a + s.length, 0);
  const canvasMode = o.renderer === 'canvas' || (o.renderer === 'auto' && total > CANVAS_THRESHOLD);
  // a series far denser than the pixel columns skips whole chunks per column (see chunkIndex)
  const chunksOf = (s: Resolved) =>
    s.buffer && s.length > 4 * innerW
      ? chunkIndex(s.buffer, s.buffer.generation, s.buffer.x, s.buffer.y, s.length)
      : undefined;
  const smoothed = o.smooth ? lines.map((s) => (s.smooth ? smoothedY(s) : null)) : null;
  const noPath = { d: '', points: 0 };
  const paths = lines.map((s) =>
    canvasMode ? noPath : linePath(s.x, s.y, s.length, sx, sy, log, chunksOf(s)),
  );
  const smoothPaths = lines.map((s, i) => {
    const sm = smoothed?.[i];
    return canvasMode || !sm ? noPath : linePath(s.x, sm, s.length, sx, sy, log);
  });
  return { lines, sx, sy, paths, smoothed, smoothPaths, empty, ext, canvasMode, chunksOf };
}

/** The dash pattern of a dashed series, in CSS px (canvas and SVG). */
export const LINE_DASH = [7, 4];

/** Every series on a canvas (dense data: an SVG path with thousands of vertices costs far more to paint). */
export function drawLinesOnCanvas(
  ctx: CanvasRenderingContext2D,
  model: LineModel,
  log: boolean,
  fontScale: number,
) {
  const { lines, smoothed, sx, sy, chunksOf } = model;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  lines.forEach((s, i) => {
    const sm = smoothed?.[i];
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.globalAlpha = sm ? RAW_OPACITY : 1;
    const pixels = { xs: s.x, length: s.length, sx, sy, positiveOnly: log };
    drawSeries(ctx, { ...pixels, ys: s.y, chunks: chunksOf(s) }, (sm ? 1.5 : 2.25) * fontScale, s.dashed);
    if (!sm) return;
    ctx.globalAlpha = 1;
    drawSeries(ctx, { ...pixels, ys: sm }, 2.25 * fontScale, s.dashed);
  });
  ctx.globalAlpha = 1;
}

/** One series: its sparse and flat stretches stroked, its dense noisy stretches filled as a band (see CanvasLine). */
function drawSeries(
  ctx: CanvasRenderingContext2D,
  pixels: SeriesPixels,
  lineWidth: number,
  dashed?: boolean,
) {
  ctx.lineWidth = lineWidth;
  ctx.setLineDash(dashed ? LINE_DASH : []);
  const line = new CanvasLine(ctx, lineWidth);
  ctx.beginPath();
  reduceColumns(pixels, line);
  line.finish();
  ctx.stroke();
  line.fillBands();
}

export interface ReadoutRow {
  s: Resolved;
  x: number;
  /** The value shown (the smoothed one when the series is smoothed). */
  y: number;
  /** The raw value under a smoothed one, else null. */
  raw: number | null;
}

/** Each series' point nearest to `hoverX` (NaN when a series has no points). */
export function readoutAt(
  lines: readonly Resolved[],
  smoothed: LineModel['smoothed'],
  hoverX: number,
): ReadoutRow[] {
  return lines.map((s, k) => {
    const i = nearestIndex(s.x, s.length, hoverX);
    const sm = smoothed?.[k];
    if (i < 0) return { s, x: NaN, y: NaN, raw: null };
    return { s, x: s.x ? s.x[i] : i, y: sm ? sm[i] : s.y[i], raw: sm ? s.y[i] : null };
  });
}

export interface CaptionInput {
  caption?: string;
  model: Pick<LineModel, 'lines' | 'ext' | 'smoothed' | 'empty'>;
  logX: boolean;
  fmtY: (v: number) => string;
}

/** The text alternative: the author's caption, last and min of each series, and what smoothing / log steps mean. */
export function lineCaption({ caption, model, logX, fmtY }: CaptionInput): string {
  const { lines, ext, smoothed, empty } = model;
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
  return [caption, empty ? 'No data yet.' : `${summary}.`, ...notes].filter(Boolean).join(' ');
}

/** Legend entries: a dashed series shows a dashed swatch. */
export function lineLegend(lines: readonly Resolved[]) {
  return lines.map((s) => ({
    label: s.label,
    color: s.color,
    shape: s.dashed ? ('dashed' as const) : undefined,
  }));
}

/**
 * Where a key moves the hover read-out: undefined = not our key, null = hide it. Arrows step by a fixed share of the
 * plot's width (a tenth with Shift), so a log axis moves evenly too; Home and End jump to the ends.
 */
export function nextHoverX(
  key: string,
  shiftKey: boolean,
  sx: Scale,
  hoverX: number | null,
  innerW: number,
): number | null | undefined {
  const [d0, d1] = sx.domain();
  const stepPx = innerW / (shiftKey ? 10 : 50);
  const curPx = sx(hoverX ?? d1);
  let next: number | null;
  if (key === 'ArrowLeft') next = sx.invert(curPx - stepPx);
  else if (key === 'ArrowRight') next = sx.invert(curPx + stepPx);
  else if (key === 'Home') next = d0;
  else if (key === 'End') next = d1;
  else if (key === 'Escape') next = null;
  else return undefined;
  return next === null ? null : Math.max(d0, Math.min(d1, next));
}
