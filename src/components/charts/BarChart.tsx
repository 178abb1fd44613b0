import { useMemo, useState, type KeyboardEvent } from 'react';
import { scaleBand, type ScaleBand, type ScaleContinuousNumeric } from 'd3';
import { ChartFrame, type AxesChartProps } from './ChartFrame';
import { AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { barCaption, barLabelLayout, barValueScale } from './barChartModel';
import { useElementWidth } from './useElementWidth';
import { formatValue } from './format';
import { EmptyPlotNote } from './EmptyPlotNote';

/**
 * BarChart — one bar per category: softmax probabilities over tokens, gradient norms per layer (log scale), etc.
 *
 * Props:
 * - `bars`: `{ label, value, color? }[]`.
 * - `yScale`: 'linear' (default; bars from 0, negative values go down) | 'log' (values ≤ 0 are shown as "n/a").
 * - `yDomain`: fixed value domain. `highlight`: index of a bar drawn in the accent colour (e.g. the sampled token).
 * - `showValues`: print values above the bars (default when ≤ 16 bars fit).
 * - `xLabel`, `yLabel`, `title`, `height` (default 240), `width`, `caption`, `format`.
 * Each bar is focusable via the chart (Tab to the chart, ←/→ to move) and hover shows its value.
 */
export interface Bar {
  label: string;
  value: number;
  color?: string;
}

export interface BarChartProps extends AxesChartProps {
  bars: readonly Bar[];
  yScale?: 'linear' | 'log';
  yDomain?: [number, number];
  highlight?: number;
  showValues?: boolean;
  format?: (v: number) => string;
}

/** One band per bar; many bars get thinner gaps so the bars stay visible. */
function categoryScale(n: number, innerW: number): ScaleBand<number> {
  return scaleBand<number>()
    .domain(Array.from({ length: n }, (_, i) => i))
    .range([0, innerW])
    .padding(n > 30 ? 0.08 : 0.2);
}

/** The bar whose value the read-out shows: hovered, or moved with ←/→ when the chart has focus. */
function useBarSelection(n: number) {
  const [sel, setSel] = useState<number | null>(null);
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    e.stopPropagation();
    const cur = sel ?? -1;
    setSel(Math.max(0, Math.min(n - 1, cur + (e.key === 'ArrowRight' ? 1 : -1))));
  };
  const clear = () => setSel(null);
  return { sel, setSel, handlers: { onKeyDown, onBlur: clear, onPointerLeave: clear } };
}

/**
 * Margins (the bottom one grows with the category labels, turned when they do not fit), the band and value scales,
 * the zero line's y and which labels to show.
 */
function useBarLayout(
  bars: readonly Bar[],
  [width, height]: [number, number],
  theme: ChartTheme,
  axisLabels: { xLabel: boolean; yLabel: boolean },
  value: { log: boolean; yDomain?: [number, number] },
) {
  const { log, yDomain } = value;
  const f = theme.fontSize;
  const base = chartMargins(theme, axisLabels);
  const innerW = Math.max(10, width - base.left - base.right);
  const labels = barLabelLayout(
    bars.map((b) => b.label),
    innerW,
    f,
  );
  const m = { ...base, bottom: base.bottom - f * 1.9 + labels.labelH + 6 };
  const innerH = Math.max(10, height - m.top - m.bottom);
  const { sy, y0 } = useMemo(() => barValueScale(bars, log, yDomain, innerH), [bars, log, yDomain, innerH]);
  const sx = categoryScale(bars.length, innerW);
  const { rotate, labelH } = labels;
  return { m, innerW, innerH, sx, sy, y0, every: labels.every(sx.step()), rotate, labelH };
}

export function BarChart({
  bars,
  yScale = 'linear',
  yDomain,
  highlight,
  showValues,
  xLabel,
  yLabel,
  title,
  height = 240,
  width: fixedWidth,
  caption,
  format = (v) => formatValue(v, 3),
}: BarChartProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const { sel, setSel, handlers } = useBarSelection(bars.length);
  const log = yScale === 'log';
  const f = theme.fontSize;
  const n = bars.length;
  const axisLabels = { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) };
  const layout = useBarLayout(bars, [width, height], theme, axisLabels, { log, yDomain });
  const { m, innerW, innerH, sx, sy, y0 } = layout;
  const show = showValues ?? (n <= 16 && sx.bandwidth() > f * 2.2);
  const captionText = barCaption(caption, bars, format);

  return (
    <ChartFrame
      kind="bar"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      footer={<BarReadout bar={sel !== null ? bars[sel] : undefined} format={format} />}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Bar chart'}: ${captionText}`}
        tabIndex={n > 0 ? 0 : undefined}
        {...handlers}
      >
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <line x2={innerW} y1={y0} y2={y0} stroke={theme.fgMuted} />
          {n === 0 && (
            <EmptyPlotNote width={innerW} height={innerH} fontSize={f}>
              No data
            </EmptyPlotNote>
          )}
          <BarMarks
            bars={bars}
            sx={sx}
            sy={sy}
            y0={y0}
            innerH={innerH}
            log={log}
            highlight={highlight}
            selected={sel}
            showValues={show}
            format={format}
            theme={theme}
            onHover={setSel}
          />
          <CategoryAxis
            bars={bars}
            sx={sx}
            layout={layout}
            highlight={highlight}
            xLabel={xLabel}
            theme={theme}
          />
        </g>
      </svg>
    </ChartFrame>
  );
}

interface BarMarksProps {
  bars: readonly Bar[];
  sx: ScaleBand<number>;
  sy: ScaleContinuousNumeric<number, number>;
  y0: number;
  innerH: number;
  log: boolean;
  highlight?: number;
  selected: number | null;
  showValues: boolean;
  format: (v: number) => string;
  theme: ChartTheme;
  onHover: (i: number) => void;
}

/** One bar per category ("n/a" where a value cannot be drawn), its value above it, and a full-height hover target. */
function BarMarks({
  bars,
  sx,
  sy,
  y0,
  innerH,
  log,
  highlight,
  selected: sel,
  showValues: show,
  format,
  theme,
  onHover,
}: BarMarksProps) {
  const bw = sx.bandwidth();
  const f = theme.fontSize;
  return (
    <g className="bars">
      {bars.map((b, i) => {
        const x = sx(i) ?? 0;
        const valid = Number.isFinite(b.value) && (!log || b.value > 0);
        const y = valid ? sy(b.value) : y0;
        const color = i === highlight ? theme.series[1] : (b.color ?? seriesColor(theme, 0));
        return (
          <g key={i} onPointerEnter={() => onHover(i)}>
            {valid ? (
              <rect
                className="bar"
                x={x}
                y={Math.min(y, y0)}
                width={bw}
                height={Math.max(1, Math.abs(y0 - y))}
                fill={color}
                stroke={sel === i ? theme.fg : 'none'}
                strokeWidth={2}
              />
            ) : (
              <text
                className="bar-missing"
                x={x + bw / 2}
                y={y0 - 4}
                textAnchor="middle"
                fontSize={f * 0.85}
                fill={theme.fgMuted}
              >
                n/a
              </text>
            )}
            <rect x={x} width={bw} height={innerH} fill="transparent" />
            {show && valid && (
              <text
                x={x + bw / 2}
                y={Math.min(y, y0) - 4}
                textAnchor="middle"
                fontSize={f * 0.85}
                fill={theme.fg}
              >
                {format(b.value)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

interface CategoryAxisProps {
  bars: readonly Bar[];
  sx: ScaleBand<number>;
  layout: { innerW: number; innerH: number; every: number; rotate: boolean; labelH: number };
  highlight?: number;
  xLabel?: string;
  theme: ChartTheme;
}

/** The category labels under the bars (every n-th, turned when they do not fit; the highlighted one bold). */
function CategoryAxis({ bars, sx, layout, highlight, xLabel, theme }: CategoryAxisProps) {
  const { innerW, innerH, every, rotate, labelH } = layout;
  const f = theme.fontSize;
  const bw = sx.bandwidth();
  return (
    <g className="axis axis-x" transform={`translate(0,${innerH})`} fontSize={f} fill={theme.fg}>
      {bars.map((b, i) =>
        i % every === 0 ? (
          rotate ? (
            <text
              key={i}
              transform={`translate(${(sx(i) ?? 0) + bw / 2},${8}) rotate(-50)`}
              textAnchor="end"
              dy="0.5em"
            >
              {b.label}
            </text>
          ) : (
            <text
              key={i}
              x={(sx(i) ?? 0) + bw / 2}
              y={f + 4}
              textAnchor="middle"
              fontWeight={i === highlight ? 700 : 400}
            >
              {b.label}
            </text>
          )
        ) : null,
      )}
      {xLabel && (
        <text className="axis-label" x={innerW / 2} y={labelH + f * 1.3} textAnchor="middle">
          {xLabel}
        </text>
      )}
    </g>
  );
}

/** The hovered or keyboard-selected bar's label and value (a no-break space keeps the line's height when none). */
function BarReadout({ bar, format }: { bar: Bar | undefined; format: (v: number) => string }) {
  return <div className="chart-readout">{bar ? `${bar.label}: ${format(bar.value)}` : '\u00a0'}</div>;
}
