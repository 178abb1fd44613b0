/** Pure computations behind BarChart: the value scale, label layout and caption. */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { Bar } from './BarChart';

/** The value axis: linear from 0 (negatives go down) or log (values ≤ 0 skipped); y0 is the bars' baseline. */
export function barValueScale(
  bars: readonly Bar[],
  log: boolean,
  yDomain: [number, number] | undefined,
  innerH: number,
): { sy: ScaleContinuousNumeric<number, number>; y0: number } {
  const vals = bars.map((b) => b.value).filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (log) {
    const lo = yDomain?.[0] ?? (vals.length ? 10 ** Math.floor(Math.log10(Math.min(...vals))) : 1e-3);
    const hi = yDomain?.[1] ?? (vals.length ? Math.max(...vals) : 1);
    const s = scaleLog()
      .domain([lo, hi > lo ? hi : lo * 10])
      .range([innerH, 0])
      .nice()
      .clamp(true);
    return { sy: s, y0: innerH };
  }
  const lo = yDomain?.[0] ?? Math.min(0, ...vals);
  const hi = yDomain?.[1] ?? Math.max(0, ...vals);
  const s = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .range([innerH, 0])
    .nice();
  return { sy: s, y0: s(Math.max(s.domain()[0], Math.min(s.domain()[1], 0))) };
}

/** Category labels: rotated when the longest does not fit its band; the height they need below the axis. */
export function barLabelLayout(labels: readonly string[], innerW: number, fontSize: number) {
  const charW = fontSize * 0.62;
  const band = innerW / Math.max(1, labels.length);
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const rotate = longest * charW > band * 0.95;
  const labelH = rotate ? Math.min(80, longest * charW * 0.8 + 8) : fontSize + 6;
  /** Show every n-th label so they do not overlap, given the band step in pixels. */
  const every = (step: number) =>
    Math.max(1, Math.ceil((rotate ? fontSize * 1.2 : longest * charW + 4) / Math.max(1, step)));
  return { rotate, labelH, every };
}

/** The caption: up to 12 bars with their values. */
export function barCaption(caption: string | undefined, bars: readonly Bar[], format: (v: number) => string) {
  const n = bars.length;
  const list =
    n === 0
      ? 'No bars to show.'
      : bars
          .slice(0, 12)
          .map((b) => `${b.label}: ${format(b.value)}`)
          .join(', ') + (n > 12 ? `, and ${n - 12} more.` : '.');
  return `${caption ? `${caption} ` : ''}${list}`;
}
