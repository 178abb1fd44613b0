/**
 * Pure computations behind LossSurface (d3 computes, React renders): contour bands, path geometry, the gradient
 * arrow and the caption text. No React, no DOM, so each piece is unit-testable on its own.
 */
import { contours, interpolateLab, range, type ScaleLinear } from 'd3';
import { seriesColor, type ChartTheme } from './chartTheme';
import { formatValue } from './format';
import { gridPath, sampleAt, type Grid2D } from './grid';

export interface OptimiserPath {
  label: string;
  points: ArrayLike<number>;
  length?: number;
  color?: string;
}

export type Scale = ScaleLinear<number, number>;

/** Path colours: start at series 2 so they contrast with the blue contour shading. */
export function pathColor(theme: ChartTheme, i: number) {
  return seriesColor(theme, i + 1);
}

/** Contour fill: low loss = strong blue, high loss = near the background. */
export function surfaceColor(theme: ChartTheme) {
  const ramp = interpolateLab(theme.series[0], theme.bgRaised);
  return (t: number) => ramp(0.1 + 0.85 * Math.max(0, Math.min(1, t)));
}

/** Number of valid points of a path (flat [x0, y0, x1, y1, …] storage). */
export function pathLength(p: OptimiserPath) {
  return Math.max(0, Math.min(p.length ?? Infinity, Math.floor(p.points.length / 2)));
}

export interface ContourModel {
  lo: number;
  hi: number;
  /** Maps a loss value to 0…1 along the colour ramp. */
  toT: (v: number) => number;
  bands: { d: string; t: number }[];
}

function finiteRange(values: ArrayLike<number>, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

/** Filled contour bands of the grid (log-spaced levels on request); null when the grid has no finite value. */
export function contourModel(
  field: Grid2D,
  sx: Scale,
  sy: Scale,
  levels: number,
  logLevels: boolean,
): ContourModel | null {
  const n = field.nx * field.ny;
  const [lo, hi] = finiteRange(field.values, n);
  if (!(hi >= lo)) return null;
  const eps = (hi - lo) * 1e-3 || 1e-6;
  const tf = (v: number) => (logLevels ? Math.log(v - lo + eps) : v);
  const t0 = tf(lo);
  const t1 = tf(hi);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = field.values[i];
    values[i] = Number.isFinite(v) ? tf(v) : t1; // NaN/Inf cells count as the highest level
  }
  const count = Math.max(2, Math.min(40, Math.floor(levels)));
  const thresholds = range(count).map((i) => t0 + ((t1 - t0) * i) / count);
  const path = gridPath(field, sx, sy);
  const bands = contours().size([field.nx, field.ny]).thresholds(thresholds)(Array.from(values));
  const norm = (t: number) => (t1 > t0 ? (t - t0) / (t1 - t0) : 0);
  return {
    lo,
    hi,
    toT: (v) => norm(tf(v)),
    bands: bands.map((b) => ({ d: path(b) ?? '', t: norm(b.value) })),
  };
}

export interface DrawnPath {
  label: string;
  color: string;
  d: string;
  len: number;
  first: [number, number] | null;
  last: [number, number] | null;
  /** Where the current point leaves the plot, when it lies outside the plotted range (else null). */
  outside: EdgeMark | null;
}

/** A mark on the plot's edge for a point beyond it: pixel position on the edge, and the direction (degrees) to the point. */
export interface EdgeMark {
  x: number;
  y: number;
  angle: number;
}

/**
 * Where a point outside the plotted domain leaves the plot: the pixel point clamped to the plot's edge, and the
 * direction from there to the point. Null for a point inside the domain or not finite. Training can carry θ far
 * beyond the window the surface was sampled on (logistic regression on separable data grows θ without bound), and
 * the current point would otherwise just vanish.
 */
export function edgeMark(point: readonly [number, number] | null, sx: Scale, sy: Scale): EdgeMark | null {
  if (!point || !point.every(Number.isFinite)) return null;
  const px = sx(point[0]);
  const py = sy(point[1]);
  const [xa, xb] = sx.range();
  const [ya, yb] = sy.range();
  const x = Math.max(Math.min(xa, xb), Math.min(Math.max(xa, xb), px));
  const y = Math.max(Math.min(ya, yb), Math.min(Math.max(ya, yb), py));
  if (x === px && y === py) return null;
  return { x, y, angle: (Math.atan2(py - y, px - x) * 180) / Math.PI };
}

/** SVG geometry of one optimiser path: at most ~2,000 vertices, gaps at non-finite points. */
export function drawPath(p: OptimiserPath, color: string, sx: Scale, sy: Scale): DrawnPath {
  const len = pathLength(p);
  const stride = Math.max(1, Math.ceil(len / 2000));
  let d = '';
  let pen = false;
  for (let k = 0; k < len; k = k === len - 1 ? len : Math.min(len - 1, k + stride)) {
    const x = p.points[2 * k];
    const y = p.points[2 * k + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
    pen = true;
  }
  const at = (k: number): [number, number] => [p.points[2 * k], p.points[2 * k + 1]];
  const last = len > 0 ? at(len - 1) : null;
  return {
    label: p.label,
    color,
    d,
    len,
    first: len > 0 ? at(0) : null,
    last,
    outside: edgeMark(last, sx, sy),
  };
}

export interface GradientArrow {
  x: number;
  y: number;
  tx: number;
  ty: number;
  head: string;
  norm: number;
}

/** The arrow for −∇L at (x, y), a fixed length in pixels; null for a zero or non-finite gradient. */
export function gradientArrow(
  gradient: { x: number; y: number; dx: number; dy: number } | undefined,
  sx: Scale,
  sy: Scale,
  fontScale: number,
): GradientArrow | null {
  if (!gradient || ![gradient.x, gradient.y, gradient.dx, gradient.dy].every(Number.isFinite)) return null;
  const [x0, x1] = sx.domain();
  const [y0, y1] = sy.domain();
  const innerW = Math.abs(sx.range()[1] - sx.range()[0]);
  const innerH = Math.abs(sy.range()[1] - sy.range()[0]);
  const x = sx(gradient.x);
  const y = sy(gradient.y);
  // pixel direction of −∇L (sy flips y)
  const vx = -gradient.dx * (innerW / (x1 - x0));
  const vy = gradient.dy * (innerH / (y1 - y0));
  const l = Math.hypot(vx, vy);
  if (l === 0) return null;
  const len = 46 * fontScale;
  const ux = vx / l;
  const uy = vy / l;
  const tx = x + ux * len;
  const ty = y + uy * len;
  const h = 9 * fontScale;
  const head = `M${tx},${ty}L${tx - ux * h - uy * h * 0.55},${ty - uy * h + ux * h * 0.55}L${tx - ux * h + uy * h * 0.55},${ty - uy * h - ux * h * 0.55}Z`;
  return { x, y, tx, ty, head, norm: Math.hypot(gradient.dx, gradient.dy) };
}

/** The caption that states what the chart shows right now (also the accessible description). */
export function surfaceCaption(
  caption: string | undefined,
  model: ContourModel | null,
  drawn: readonly DrawnPath[],
  field: Grid2D | null,
  arrow: GradientArrow | null,
): string {
  const pathText = drawn
    .map((p) => {
      if (!p.last) return `${p.label}: no steps yet`;
      const v = field ? sampleAt(field, p.last[0], p.last[1]) : NaN;
      const now = `now at (${formatValue(p.last[0])}, ${formatValue(p.last[1])})`;
      const count = `${p.len} ${p.len === 1 ? 'point' : 'points'}`;
      if (p.outside) return `${p.label}: ${count}, ${now}, outside the plotted range (the arrow on the edge)`;
      return `${p.label}: ${count}, ${now}${Number.isFinite(v) ? `, loss ≈ ${formatValue(v)}` : ''}`;
    })
    .join('; ');
  return (
    `${caption ? `${caption} ` : ''}` +
    (model
      ? `Loss from ${formatValue(model.lo)} (strongest blue) to ${formatValue(model.hi)} (closest to the background). `
      : 'No loss surface to show. ') +
    (pathText ? `${pathText.charAt(0).toUpperCase()}${pathText.slice(1)}.` : '') +
    (arrow ? ` Gradient norm ${formatValue(arrow.norm)}.` : '')
  );
}

/** Moves a keyboard pick cursor; returns null for keys it does not handle. */
export function movePickCursor(
  key: string,
  coarse: boolean,
  cursor: [number, number],
  xd: [number, number],
  yd: [number, number],
): [number, number] | null {
  const dx = (xd[1] - xd[0]) / (coarse ? 10 : 40);
  const dy = (yd[1] - yd[0]) / (coarse ? 10 : 40);
  const [cx, cy] = cursor;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [cx - dx, cy],
    ArrowRight: [cx + dx, cy],
    ArrowUp: [cx, cy + dy],
    ArrowDown: [cx, cy - dy],
  };
  const next = Object.hasOwn(moves, key) ? moves[key] : undefined;
  if (!next) return null;
  return [Math.max(xd[0], Math.min(xd[1], next[0])), Math.max(yd[0], Math.min(yd[1], next[1]))];
}
