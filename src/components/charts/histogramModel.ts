import { bin, scaleLinear, scaleLog, type Bin, type ScaleContinuousNumeric } from 'd3';
import { finiteExtent, formatValue, padDomain } from './format';

/** The pure parts of Histogram: finite values, shared bins and scales, and the caption. */

export interface HistogramSeries {
  label: string;
  values: ArrayLike<number>;
  color?: string;
}

/** Each series' finite values, and their common extent (null when there are none). */
export function finiteValues(list: readonly HistogramSeries[]) {
  let ext: [number, number] | null = null;
  const finite = list.map((s) => {
    const out: number[] = [];
    for (let i = 0; i < s.values.length; i++) if (Number.isFinite(s.values[i])) out.push(s.values[i]);
    const e = finiteExtent(out);
    if (e) ext = ext ? [Math.min(ext[0], e[0]), Math.max(ext[1], e[1])] : e;
    return out;
  });
  return { finite, ext: ext as [number, number] | null };
}

/** A count axis: linear from 0, or log from 0.7 (so a count of 1 shows) up to the next power of ten. */
function countScale(maxCount: number, log: boolean, innerH: number): ScaleContinuousNumeric<number, number> {
  return log
    ? scaleLog()
        .domain([0.7, 10 ** Math.ceil(Math.log10(Math.max(10, maxCount)))])
        .range([innerH, 0])
        .clamp(true)
    : scaleLinear()
        .domain([0, Math.max(1, maxCount)])
        .range([innerH, 0])
        .nice();
}

export interface HistogramModelInput {
  list: readonly HistogramSeries[];
  domain?: [number, number];
  bins: number;
  log: boolean;
  innerW: number;
  innerH: number;
}

export interface HistogramModel {
  sx: ScaleContinuousNumeric<number, number>;
  sy: ScaleContinuousNumeric<number, number>;
  /** Per series, its bins (the same thresholds for all, so overlaid series line up). */
  binned: Bin<number, number>[][];
  finite: number[][];
  /** Per series, how many non-finite values were left out. */
  skipped: number[];
}

/** Bins on nice thresholds over the shared domain (about `bins` of them), and the scales to draw them. */
export function histogramModel({
  list,
  domain,
  bins,
  log,
  innerW,
  innerH,
}: HistogramModelInput): HistogramModel {
  const { finite, ext } = finiteValues(list);
  const dom = padDomain(domain ?? ext ?? [0, 1]);
  const sx = scaleLinear()
    .domain(dom)
    .range([0, innerW])
    .nice(Math.max(2, Math.min(100, Math.floor(bins))));
  const binner = bin()
    .domain(sx.domain() as [number, number])
    .thresholds(sx.ticks(Math.max(2, Math.min(200, Math.floor(bins)))));
  const binned = finite.map((v) => binner(v));
  let maxCount = 0;
  for (const b of binned) for (const x of b) maxCount = Math.max(maxCount, x.length);
  const sy = countScale(maxCount, log, innerH);
  const skipped = list.map((s, i) => s.values.length - finite[i].length);
  return { sx, sy, binned, finite, skipped };
}

/** The text alternative: per series the count, mean and standard deviation (and how many were left out). */
export function histogramCaption(
  caption: string | undefined,
  list: readonly HistogramSeries[],
  { finite, skipped }: Pick<HistogramModel, 'finite' | 'skipped'>,
): string {
  const prefix = caption ? `${caption} ` : '';
  if (list.length === 0 || finite.every((v) => v.length === 0)) return `${prefix}No values to show.`;
  const parts = list.map((s, i) => {
    const v = finite[i];
    const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length));
    return `${s.label}: ${v.length} values, mean ${formatValue(mean)}, std ${formatValue(sd)}${skipped[i] ? `, ${skipped[i]} non-finite left out` : ''}`;
  });
  return `${prefix}${parts.join('; ')}.`;
}
