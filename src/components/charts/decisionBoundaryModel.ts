/**
 * The computations behind DecisionBoundary, kept out of the component: class colours, the plot box with equal
 * aspect, the pixel colour of a grid cell (binary and multi-class), the 0.5 contour and the hover read-out.
 */
import { color as d3color, contours, interpolateLab } from 'd3';
import type { ScaleLinear } from 'd3';
import { seriesColor, type ChartTheme } from './chartTheme';
import { gridPath, type Grid2D } from './grid';
import { formatValue } from './format';

/** Writes the RGB of grid cell `index` into `out` at `offset` (the form `paintGrid` wants). */
export type CellPainter = (index: number, out: Uint8ClampedArray, offset: number) => void;

/** Confident cells reach at most this share of the class colour, so the points on top stay visible. */
const MAX_TINT = 0.7;

export function classColors(theme: ChartTheme, k: number): string[] {
  if (k <= 2) return [theme.negative, theme.positive];
  return Array.from({ length: k }, (_, i) => seriesColor(theme, i));
}

function rgb(c: string): [number, number, number] {
  const v = d3color(c)?.rgb();
  return v ? [v.r, v.g, v.b] : [128, 128, 128];
}

function grey(out: Uint8ClampedArray, o: number) {
  out[o] = out[o + 1] = out[o + 2] = 128;
}

/**
 * Binary: `values[i]` is P(class 1). Neutral (the background) at 0.5, towards the class colour as the model gets
 * confident. A 256-entry look-up table keeps the per-pixel work to an index.
 */
export function binaryPainter(
  values: ArrayLike<number>,
  background: string,
  colors: readonly string[],
): CellPainter {
  const lo = interpolateLab(background, colors[0]);
  const hi = interpolateLab(background, colors[1]);
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const p = i / 255;
    const c = d3color(p < 0.5 ? lo((0.5 - p) * 2 * MAX_TINT) : hi((p - 0.5) * 2 * MAX_TINT))?.rgb();
    lut[i * 3] = c?.r ?? 128;
    lut[i * 3 + 1] = c?.g ?? 128;
    lut[i * 3 + 2] = c?.b ?? 128;
  }
  return (idx, out, o) => {
    const p = values[idx];
    if (!Number.isFinite(p)) return grey(out, o);
    const li = Math.round(Math.max(0, Math.min(1, p)) * 255) * 3;
    out[o] = lut[li];
    out[o + 1] = lut[li + 1];
    out[o + 2] = lut[li + 2];
  };
}

/**
 * k classes: `values[idx·k + c]` are the class probabilities. The cell takes the probability-weighted mix of the
 * class colours, tinted by how far the top class is above a uniform guess (1/k).
 */
export function multiClassPainter(
  values: ArrayLike<number>,
  k: number,
  background: string,
  colors: readonly string[],
): CellPainter {
  const bg = rgb(background);
  const cols = colors.map(rgb);
  return (idx, out, o) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let best = 0;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = Math.max(0, values[idx * k + c] || 0);
      sum += p;
      r += p * cols[c][0];
      g += p * cols[c][1];
      b += p * cols[c][2];
      if (p > best) best = p;
    }
    if (sum <= 0) return grey(out, o);
    const conf = Math.max(0, (best / sum - 1 / k) / (1 - 1 / k)) * MAX_TINT;
    out[o] = bg[0] + (r / sum - bg[0]) * conf;
    out[o + 1] = bg[1] + (g / sum - bg[1]) * conf;
    out[o + 2] = bg[2] + (b / sum - bg[2]) * conf;
  };
}

export interface PlotBox {
  innerW: number;
  innerH: number;
  /** x of the plot's left edge in the SVG (centred when equal aspect leaves room). */
  left: number;
}

/**
 * The plot rectangle inside `boxW × boxH`. With equal aspect one data unit is as long on both axes (a circle stays a
 * circle): the largest such rectangle that fits, centred horizontally.
 */
export function plotBox(
  xd: readonly [number, number],
  yd: readonly [number, number],
  boxW: number,
  boxH: number,
  marginLeft: number,
  equalAspect: boolean,
): PlotBox {
  const unitsPerPx = equalAspect ? Math.max((xd[1] - xd[0]) / boxW, (yd[1] - yd[0]) / boxH) : Number.NaN;
  const scaled = equalAspect && unitsPerPx > 0;
  const innerW = scaled ? Math.max(10, (xd[1] - xd[0]) / unitsPerPx) : boxW;
  const innerH = scaled ? Math.max(10, (yd[1] - yd[0]) / unitsPerPx) : boxH;
  return { innerW, innerH, left: marginLeft + Math.max(0, (boxW - innerW) / 2) };
}

/** SVG path of the P = 0.5 contour (binary grids; non-finite cells count as undecided). */
export function boundaryPath(
  field: Grid2D,
  sx: ScaleLinear<number, number>,
  sy: ScaleLinear<number, number>,
): string {
  const finite = Array.from(field.values as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : 0.5));
  const [c] = contours().size([field.nx, field.ny]).thresholds([0.5])(finite);
  return gridPath(field, sx, sy)(c) ?? '';
}

/** The model's output at (x, y), from the nearest grid cell: P(class 1), or the most likely class and its probability. */
export function outputAt(
  grid: Grid2D,
  x: number,
  y: number,
  channels: number,
  names: readonly string[],
): string {
  const [x0, x1] = grid.xDomain;
  const [y0, y1] = grid.yDomain;
  const i = Math.round(((x - x0) / (x1 - x0)) * (grid.nx - 1));
  const j = Math.round(((y - y0) / (y1 - y0)) * (grid.ny - 1));
  if (i < 0 || j < 0 || i >= grid.nx || j >= grid.ny) return 'outside the grid';
  const cell = j * grid.nx + i;
  if (channels === 1) return `P(${names[1] ?? 'class 1'}) = ${formatValue(grid.values[cell])}`;
  let best = 0;
  for (let c = 1; c < channels; c++)
    if (grid.values[cell * channels + c] > grid.values[cell * channels + best]) best = c;
  return `${names[best] ?? `class ${best}`}, p = ${formatValue(grid.values[cell * channels + best])}`;
}

/** The legend entries and the text description (caption and accessible label) of a decision-boundary plot. */
export function describeBoundary(opts: {
  caption: string | undefined;
  valid: boolean;
  xd: readonly [number, number];
  points: readonly { test?: boolean }[];
  colors: readonly string[];
  names: readonly string[];
  theme: ChartTheme;
}) {
  const { caption, valid, xd, points, colors, names, theme } = opts;
  const nTest = points.filter((p) => p.test).length;
  const legend = [
    ...colors.map((c, i) => ({ label: names[i] ?? `class ${i}`, color: c, shape: 'dot' as const })),
    ...(nTest > 0 ? [{ label: 'test (hollow)', color: theme.fgMuted, shape: 'hollow' as const }] : []),
  ];
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (valid
      ? `Shading shows the model's predicted class over the plane (x from ${formatValue(xd[0])} to ${formatValue(xd[1])}). `
      : 'No model output to show yet. ') +
    (points.length
      ? `${points.length - nTest} training points (filled) and ${nTest} test points (hollow).`
      : '');
  return { legend, captionText };
}
