import { useMemo } from 'react';
import { ChartFrame, type AxesChartProps } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import {
  histogramCaption,
  histogramModel,
  type HistogramModel,
  type HistogramSeries,
} from './histogramModel';

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
export type { HistogramSeries } from './histogramModel';

export interface HistogramProps extends AxesChartProps {
  series?: readonly HistogramSeries[];
  values?: ArrayLike<number>;
  bins?: number;
  domain?: [number, number];
  yScale?: 'linear' | 'log';
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
    void version; // arrays may be mutated in place
    return histogramModel({ list, domain, bins, log, innerW, innerH });
  }, [list, domain, bins, log, innerW, innerH, version]);
  const colors = list.map((s, i) => s.color ?? seriesColor(theme, i));
  const captionText = histogramCaption(caption, list, model);

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
          <AxisLeft scale={model.sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={model.sx} theme={theme} offset={innerH} label={xLabel} />
          <HistogramBars model={model} colors={colors} innerH={innerH} />
        </g>
      </svg>
    </ChartFrame>
  );
}

/**
 * One group of bars per series; overlaid series are translucent and outlined in their colour so both stay visible.
 */
function HistogramBars({
  model,
  colors,
  innerH,
}: {
  model: Pick<HistogramModel, 'binned' | 'sx' | 'sy'>;
  colors: readonly string[];
  innerH: number;
}) {
  const { binned, sx, sy } = model;
  const overlay = binned.length > 1;
  return binned.map((bs, si) => (
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
  ));
}
