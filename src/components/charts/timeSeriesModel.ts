import { interpolateLab } from 'd3';
import type { ChartTheme } from './chartTheme';
import { colorLut, divergingInterpolator } from './canvas';
import { formatValue, maxAbs } from './format';

/** The pure parts of TimeSeriesHeatmap: layout, colour scale, cell pixels, keyboard moves and texts. */

export interface HeatmapLayoutInput {
  width: number;
  /** Fixed height, else one that fits the rows (120–420 px). */
  height?: number;
  rows: number;
  steps: number;
  fontSize: number;
  rowLabels?: readonly string[];
  tokens?: readonly string[];
  yLabel?: string;
}

export interface HeatmapLayout {
  /** Left edge of the cells (room for the row labels and the y label). */
  left: number;
  innerW: number;
  innerH: number;
  cellW: number;
  cellH: number;
  /** Token labels turned −55° because they do not fit under their columns. */
  rotate: boolean;
  /** Label every n-th column only, so labels do not touch. */
  every: number;
  /** The whole SVG's height. */
  h: number;
}

export function heatmapLayout(o: HeatmapLayoutInput): HeatmapLayout {
  const { rows: R, steps: T, fontSize: f, rowLabels, tokens } = o;
  const charW = f * 0.62;
  const longestRow = rowLabels ? Math.max(1, ...rowLabels.map((l) => l.length)) : 3;
  const left = Math.min(140, longestRow * charW + 12 + (o.yLabel ? f * 1.6 : 0));
  const innerW = Math.max(10, o.width - left - 8);
  const cellW = innerW / Math.max(T, 1);
  const longestTok = tokens ? Math.max(1, ...tokens.map((t) => t.length)) : String(T).length;
  const rotate = longestTok * charW > cellW * 0.95;
  const every = Math.max(1, Math.ceil((rotate ? f * 1.2 : longestTok * charW + 6) / cellW));
  const bottom = (rotate ? Math.min(90, longestTok * charW * 0.8 + 14) : f + 10) + f * 1.6;
  const h = o.height ?? Math.max(120, Math.min(420, R * Math.max(10, f * 1.3) + bottom + 8));
  const innerH = Math.max(10, h - bottom - 8);
  const cellH = innerH / Math.max(R, 1);
  return { left, innerW, innerH, cellW, cellH, rotate, every, h };
}

export interface HeatmapScale {
  lo: number;
  hi: number;
  /** 256 RGB triples for the canvas. */
  lut: Uint8ClampedArray;
  interp: (t: number) => string;
}

/** Diverging: symmetric around 0 (±max|v| or the domain's larger end); sequential: from 0 (or domain) to max. */
export function heatmapScale(
  values: ArrayLike<number>,
  colorScale: 'diverging' | 'sequential',
  domain: [number, number] | undefined,
  theme: ChartTheme,
): HeatmapScale {
  if (colorScale === 'diverging') {
    const m = domain ? Math.max(Math.abs(domain[0]), Math.abs(domain[1])) : maxAbs(values) || 1;
    const interp = divergingInterpolator(theme.negative, theme.bgRaised, theme.positive);
    return { lo: -m, hi: m, lut: colorLut(interp), interp };
  }
  const hi = domain?.[1] ?? (maxAbs(values) || 1);
  const lo = domain?.[0] ?? 0;
  const interp = interpolateLab(theme.bgRaised, theme.series[0]);
  return { lo, hi, lut: colorLut(interp), interp };
}

/** RGBA pixels, one per cell (row-major, rows × steps); a non-finite value is grey. */
export function cellPixels(
  values: ArrayLike<number>,
  rows: number,
  steps: number,
  scale: Pick<HeatmapScale, 'lo' | 'hi' | 'lut'>,
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(rows * steps * 4);
  const span = scale.hi - scale.lo || 1;
  for (let i = 0; i < rows * steps; i++) {
    const v = values[i];
    const o = i * 4;
    if (!Number.isFinite(v)) {
      data[o] = data[o + 1] = data[o + 2] = 128;
    } else {
      const li = Math.round(Math.max(0, Math.min(1, (v - scale.lo) / span)) * 255) * 3;
      data[o] = scale.lut[li];
      data[o + 1] = scale.lut[li + 1];
      data[o + 2] = scale.lut[li + 2];
    }
    data[o + 3] = 255;
  }
  return data;
}

export interface Cell {
  r: number;
  t: number;
}

/** The cell an arrow key moves to (from the top-left one when none is selected); undefined = not an arrow key. */
export function nextCell(key: string, sel: Cell | null, rows: number, steps: number): Cell | undefined {
  const cur = sel ?? { r: 0, t: 0 };
  if (key === 'ArrowRight') return { ...cur, t: Math.min(steps - 1, cur.t + 1) };
  if (key === 'ArrowLeft') return { ...cur, t: Math.max(0, cur.t - 1) };
  if (key === 'ArrowDown') return { ...cur, r: Math.min(rows - 1, cur.r + 1) };
  if (key === 'ArrowUp') return { ...cur, r: Math.max(0, cur.r - 1) };
  return undefined;
}

export function rowName(rowLabels: readonly string[] | undefined, r: number): string {
  return rowLabels?.[r] ?? `unit ${r + 1}`;
}

export function tokenName(tokens: readonly string[] | undefined, t: number): string {
  return tokens?.[t] !== undefined ? `“${tokens[t]}”` : `step ${t + 1}`;
}

/** The read-out of one cell: its row, its token and step, its value. */
export function cellReadout(
  o: { values: ArrayLike<number>; steps: number; rowLabels?: readonly string[]; tokens?: readonly string[] },
  sel: Cell,
): string {
  const value = formatValue(o.values[sel.r * o.steps + sel.t], 4);
  return `${rowName(o.rowLabels, sel.r)} at ${tokenName(o.tokens, sel.t)} (step ${sel.t + 1}): ${value}`;
}
