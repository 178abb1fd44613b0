import { useMemo } from 'react';
import { bin, scaleLinear, scaleLog } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { finiteExtent, formatValue, padDomain } from './format';

/**
 * Histogram — distributions (weights per layer, activations, gradients), several overlaid with a legend.
 *
 * Props:
 * - `series`: `{ label, values, color? }[]` (typed arrays welcome) — or `values` for a single distribution.
 * - `bins` (default 30), `domain` (default: the finite data range, shared by all series).
 * - `yScale`: 'linear' (default) | 'log' (counts; empty bins vanish).
 * - `xLabel` (default 'value'), `yLabel` (default 'count'), `title`, `height` (default 240), `width`, `caption`,
 *   `version` (bump when mutating in place).
 * NaN/±Infinity are left out and counted in the caption.
 */
export interface HistogramSeries {
  label: string;
  values: ArrayLike<number>;
  color?: string;
}

export interface HistogramProps {
  series?: readonly HistogramSeries[];
  values?: ArrayLike<number>;
  bins?: number;
  domain?: [number, number];
  yScale?: 'linear' | 'log';
  xLabel?: string;
  yLabel?: string;
  title?: string;
  height?: number;
  width?: number;
  caption?: string;
  version?: number;
}

export function Histogram({
  series,
  values,
  bins = 30,
  domain,
  yScale = 'linear',
  xLabel = 'value',
  yLabel = 'count',
  title,
  height = 240,
  width: fixedWidth,
  caption,
  version,
}: HistogramProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const log = yScale === 'log';
  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const list = useMemo(() => series ?? (values ? [{ label: yLabel, values }] : []), [series, values, yLabel]);

  const model = useMemo(() => {
    void version;
    let ext: [number, number] | null = null;
    const finite = list.map((s) => {
      const out: number[] = [];
      for (let i = 0; i < s.values.length; i++) if (Number.isFinite(s.values[i])) out.push(s.values[i]);
      const e = finiteExtent(out);
      if (e) ext = ext ? [Math.min(ext[0], e[0]), Math.max(ext[1], e[1])] : e;
      return out;
    });
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
    const sy = log
      ? scaleLog()
          .domain([0.7, 10 ** Math.ceil(Math.log10(Math.max(10, maxCount)))])
          .range([innerH, 0])
          .clamp(true)
      : scaleLinear()
          .domain([0, Math.max(1, maxCount)])
          .range([innerH, 0])
          .nice();
    const skipped = list.map((s, i) => s.values.length - finite[i].length);
    return { sx, sy, binned, finite, skipped };
  }, [list, domain, bins, log, innerW, innerH, version]);

  const { sx, sy, binned, finite, skipped } = model;
  const colors = list.map((s, i) => s.color ?? seriesColor(theme, i));
  const overlay = list.length > 1;
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (list.length === 0 || finite.every((v) => v.length === 0)
      ? 'No values to show.'
      : list
          .map((s, i) => {
            const v = finite[i];
            const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
            const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length));
            return `${s.label}: ${v.length} values, mean ${formatValue(mean)}, std ${formatValue(sd)}${skipped[i] ? `, ${skipped[i]} non-finite left out` : ''}`;
          })
          .join('; ') + '.');

  return (
    <ChartFrame
      kind="histogram"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={list.map((s, i) => ({ label: s.label, color: colors[i], shape: 'box' as const }))}
    >
      <svg width={width} height={height} role="img" aria-label={`${title ?? 'Histogram'}: ${captionText}`}>
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} />
          {binned.map((bs, si) => (
            <g key={si} className="hist-series" fill={colors[si]} fillOpacity={overlay ? 0.45 : 0.85}>
              {bs.map((b, bi) => {
                if (b.length === 0 || b.x0 === undefined || b.x1 === undefined) return null;
                const y = sy(b.length);
                return (
                  <rect
                    key={bi}
                    className="hist-bar"
                    x={sx(b.x0) + 0.5}
                    y={y}
                    width={Math.max(0.5, sx(b.x1) - sx(b.x0) - 1)}
                    height={Math.max(0, innerH - y)}
                    stroke={overlay ? colors[si] : 'none'}
                    strokeOpacity={0.9}
                  />
                );
              })}
            </g>
          ))}
        </g>
      </svg>
    </ChartFrame>
  );
}
