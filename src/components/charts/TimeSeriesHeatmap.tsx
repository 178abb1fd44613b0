import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame, type AxesChartProps } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { prepareCanvas } from './canvas';
import { formatValue } from './format';
import { ColorBar } from './ColorBar';
import { localPoint } from './pointer';
import {
  cellPixels,
  cellReadout,
  heatmapLayout,
  heatmapScale,
  nextCell,
  type Cell,
  type HeatmapLayout,
  type HeatmapScale,
} from './timeSeriesModel';
import { HeatmapAxisLabels, RowLabels, SelectedCell, TokenLabels } from './TimeSeriesParts';

/**
 * TimeSeriesHeatmap — values over time (hidden states, LSTM gates, cell state): one row per unit, one column per
 * time step, with the input tokens along the time axis. Drawn on a canvas (many cells) under an SVG of labels.
 *
 * Props:
 * - `values`: row-major [rows, steps], `values[r * steps + t]`; `rows`, `steps`.
 * - `tokens`: one string per time step (shown under the columns; thinned when they do not fit).
 * - `rowLabels`: e.g. ['h₁', 'h₂', …] or ['forget', 'input', 'output'].
 * - `colorScale`: 'diverging' (default; signed, e.g. tanh outputs) | 'sequential' (e.g. gates in [0, 1]).
 *   `domain`: fixed colour domain (default: ±max|v| or [0, max]).
 * - `xLabel` (default 'time step'), `yLabel`, `title`, `height` (default: fits the rows, 120–420), `width`,
 *   `caption`, `version` (bump when mutating in place).
 * Hover, or focus and use the arrow keys, to read one value.
 */
export interface TimeSeriesHeatmapProps extends AxesChartProps {
  values: ArrayLike<number>;
  rows: number;
  steps: number;
  tokens?: readonly string[];
  rowLabels?: readonly string[];
  colorScale?: 'diverging' | 'sequential';
  domain?: [number, number];
  version?: number;
}

/** Paints one pixel per cell on an offscreen canvas and scales it up without smoothing (crisp cells). */
function useHeatmapCanvas(
  values: ArrayLike<number>,
  shape: { rows: number; steps: number; ok: boolean; version?: number },
  layout: HeatmapLayout,
  scale: HeatmapScale,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { rows: R, steps: T, ok, version } = shape;
  const { innerW, innerH } = layout;
  useEffect(() => {
    void version; // values may be mutated in place
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx || !ok) return;
    const img = new ImageData(T, R);
    img.data.set(cellPixels(values, R, T, scale));
    const off = document.createElement('canvas');
    off.width = T;
    off.height = R;
    off.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false; // crisp cells
    ctx.drawImage(off, 0, 0, innerW, innerH);
  }, [values, R, T, ok, innerW, innerH, scale, version]);
  return canvasRef;
}

/** The selected cell, picked by the pointer or moved by the arrow keys (Escape clears it). */
function useCellSelection(rows: number, steps: number, layout: HeatmapLayout) {
  const [sel, setSel] = useState<Cell | null>(null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const at = localPoint(e.clientX, e.clientY, e.currentTarget);
    const t = Math.floor((at.x - layout.left) / layout.cellW);
    const r = Math.floor((at.y - 4) / layout.cellH);
    setSel(t >= 0 && t < steps && r >= 0 && r < rows ? { r, t } : null);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape') return setSel(null);
    const next = nextCell(e.key, sel, rows, steps);
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    setSel(next);
  };
  return { sel, handlers: { onPointerMove, onPointerLeave: () => setSel(null), onKeyDown } };
}

export function TimeSeriesHeatmap({
  values,
  rows,
  steps,
  tokens,
  rowLabels,
  colorScale = 'diverging',
  domain,
  xLabel = 'time step',
  yLabel,
  title,
  height,
  width: fixedWidth,
  caption,
  version,
}: TimeSeriesHeatmapProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const R = Math.max(0, Math.floor(rows));
  const T = Math.max(0, Math.floor(steps));
  const ok = R > 0 && T > 0 && values.length >= R * T;
  const f = theme.fontSize;
  const layout = heatmapLayout({ width, height, rows: R, steps: T, fontSize: f, rowLabels, tokens, yLabel });
  const { left, innerW, innerH, h } = layout;
  const scale = useMemo(() => {
    void version;
    return heatmapScale(values, colorScale, domain, theme);
  }, [values, colorScale, domain, theme, version]);
  const canvasRef = useHeatmapCanvas(values, { rows: R, steps: T, ok, version }, layout, scale);
  const { sel, handlers } = useCellSelection(R, T, layout);

  const readout = sel && ok ? cellReadout({ values, steps: T, rowLabels, tokens }, sel) : '\u00a0';
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (ok
      ? `${R} rows over ${T} time steps; colour from ${formatValue(scale.lo)} to ${formatValue(scale.hi)}.`
      : 'No values to show.');

  return (
    <ChartFrame
      kind="time-heatmap"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      footer={<div className="chart-readout">{readout}</div>}
    >
      <canvas ref={canvasRef} style={{ left, top: 4 }} aria-hidden="true" />
      <svg
        width={width}
        height={h}
        role="img"
        aria-label={`${title ?? 'Heatmap over time'}: ${captionText}`}
        tabIndex={ok ? 0 : undefined}
        {...handlers}
      >
        <g fontSize={f} fill={theme.fg}>
          {ok && <RowLabels rows={R} rowLabels={rowLabels} layout={layout} fontSize={f} />}
          {ok && <TokenLabels steps={T} tokens={tokens} layout={layout} />}
          <HeatmapAxisLabels xLabel={xLabel} yLabel={yLabel} layout={layout} fontSize={f} />
          {!ok && (
            <text className="chart-empty" x={width / 2} y={h / 2} textAnchor="middle">
              No values yet
            </text>
          )}
        </g>
        <rect x={left} y={4} width={innerW} height={innerH} fill="none" stroke={theme.border} />
        {sel && ok && <SelectedCell sel={sel} layout={layout} theme={theme} />}
      </svg>
      {ok && (
        <ColorBar
          color={(v) => scale.interp(Math.max(0, Math.min(1, (v - scale.lo) / (scale.hi - scale.lo || 1))))}
          lo={scale.lo}
          hi={scale.hi}
          theme={theme}
        />
      )}
    </ChartFrame>
  );
}
