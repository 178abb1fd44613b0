/** Colour scale and layout of MatrixGrid (shared by MatrixView and AttentionMap), kept out of the component. */
import { interpolateLab } from 'd3';
import { divergingInterpolator } from './canvas';
import type { ChartTheme } from './chartTheme';
import { maxAbs } from './format';

/** Smallest text the course draws (px): figure text stays legible on a phone. */
const MIN_TEXT_PX = 11;

/**
 * Diverging around 0 (negative → background → positive) when any value is negative or asked for, else sequential from
 * the background to the first series colour. Non-finite values get the border colour.
 */
export function matrixColor(
  theme: ChartTheme,
  values: ArrayLike<number>,
  colorScale: 'diverging' | 'sequential' | undefined,
  domain?: [number, number],
) {
  let anyNegative = false;
  for (let i = 0; i < values.length; i++)
    if (values[i] < 0) {
      anyNegative = true;
      break;
    }
  const kind = colorScale ?? (anyNegative ? 'diverging' : 'sequential');
  if (kind === 'diverging') {
    const m = domain ? Math.max(Math.abs(domain[0]), Math.abs(domain[1])) : maxAbs(values) || 1;
    const interp = divergingInterpolator(theme.negative, theme.bgRaised, theme.positive);
    return {
      kind,
      lo: -m,
      hi: m,
      color: (v: number) =>
        Number.isFinite(v) ? interp(0.5 + Math.max(-0.5, Math.min(0.5, v / m / 2))) : theme.border,
    };
  }
  let lo = domain?.[0];
  let hi = domain?.[1];
  if (lo === undefined || hi === undefined) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi >= lo)) [lo, hi] = [0, 1];
    lo = Math.min(lo, 0);
  }
  const span = hi - lo || 1;
  const interp = interpolateLab(theme.bgRaised, theme.series[0]);
  return {
    kind,
    lo: lo as number,
    hi: hi as number,
    color: (v: number) =>
      Number.isFinite(v) ? interp(Math.max(0, Math.min(1, (v - (lo as number)) / span))) : theme.border,
  };
}

export interface MatrixLayout {
  /** Width of the row-label column (px). */
  left: number;
  /** Height of the column-label band (px). */
  topH: number;
  /** Side of one square cell (px). */
  cell: number;
  /**
   * How column labels too long for their cell are drawn: 'none' (every label fits upright), 'all' (most are long,
   * e.g. words: every label slanted at −50°), or 'some' (a few long ones among short ones, e.g. the start token `<s>`
   * above digits: only those turn upright-vertical, −90°, so they keep to their own column and the short labels
   * stay level and readable).
   */
  rotate: 'none' | 'all' | 'some';
  /** Per column label: whether it is drawn turned (always false with rotate 'none', always true with 'all'). */
  turned: readonly boolean[];
  svgW: number;
  svgH: number;
  /** Font size of the numbers inside cells, and whether they are drawn. */
  valueFont: number;
  show: boolean;
  /** Font size of the row and column labels: the chart font, or smaller where cells are smaller than it. */
  labelFont: number;
}

/** Where everything goes: cells as large as fit `width` (up to `maxCell`, scaled with the font), labels around them. */
export function matrixLayout(opts: {
  rows: number;
  cols: number;
  width: number;
  theme: ChartTheme;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  maxCell: number;
  showValues?: boolean;
}): MatrixLayout {
  const { rows: R, cols: C, width, theme, rowLabels, colLabels, maxCell, showValues } = opts;
  const f = theme.fontSize;
  const longestRow = rowLabels ? Math.max(...rowLabels.map((l) => l.length), 1) : 0;
  const leftFor = (font: number) => (rowLabels ? Math.min(120, longestRow * font * 0.62 + 10) : 4);
  const cell = Math.max(6, Math.min(maxCell * theme.fontScale, (width - leftFor(f) - 4) / Math.max(C, 1)));
  // Labels are at most 0.8 of a cell high, so neighbours never overlap (presenter mode enlarges the font, not the
  // cells of a wide matrix), and never below the course's smallest text. The cells keep the size they have with
  // full-size labels, so a figure's height does not change with its labels.
  const labelFont = Math.max(MIN_TEXT_PX, Math.min(f, cell * 0.8));
  const charW = labelFont * 0.62;
  const left = leftFor(labelFont);
  const longestCol = colLabels ? Math.max(...colLabels.map((l) => l.length), 1) : 0;
  const long = (colLabels ?? []).map((l) => l.length * charW > cell - 2); // a digit fits a 10 px cell
  const longCount = long.filter(Boolean).length;
  // A label turned −90° is one line of text wide: it keeps to its column when that is about a line high.
  const rotate =
    longCount === 0 ? 'none' : longCount * 4 <= long.length && cell >= labelFont * 0.8 ? 'some' : 'all';
  const turned = rotate === 'all' ? long.map(() => true) : long;
  const slant = rotate === 'all' ? 0.75 : 1; // the text's height when slanted at −50° or standing at −90°
  const topH = colLabels
    ? rotate === 'none'
      ? labelFont + 8
      : Math.min(100, longestCol * charW * slant + 10)
    : 4;
  // Cell numbers are drawn at most 0.85 of the label size and shrink with the cell, but never below 11 px (legible on
  // a phone): by default, cells too small for that show colour only; asked for explicitly, numbers keep 11 px.
  const valueFont = Math.max(MIN_TEXT_PX, Math.min(f * 0.85, cell / 3.2));
  const show = showValues ?? (cell >= f * 2.4 && R * C <= 400 && cell / 3.2 >= MIN_TEXT_PX);
  return {
    left,
    topH,
    cell,
    rotate,
    turned,
    svgW: Math.max(left + cell * C + 4, 40),
    svgH: topH + cell * R + 4,
    valueFont,
    show,
    labelFont,
  };
}
