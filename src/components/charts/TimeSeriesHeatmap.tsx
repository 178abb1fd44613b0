import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { colorLut, divergingInterpolator, prepareCanvas } from './canvas';
import { interpolateLab } from 'd3';
import { formatValue, maxAbs } from './format';
import { ColorBar } from './ColorBar';
import { localPoint } from './pointer';

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
export interface TimeSeriesHeatmapProps {
  values: ArrayLike<number>;
  rows: number;
  steps: number;
  tokens?: readonly string[];
  rowLabels?: readonly string[];
  colorScale?: 'diverging' | 'sequential';
  domain?: [number, number];
  xLabel?: string;
  yLabel?: string;
  title?: string;
  height?: number;
  width?: number;
  caption?: string;
  version?: number;
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
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [sel, setSel] = useState<{ r: number; t: number } | null>(null);
  const R = Math.max(0, Math.floor(rows));
  const T = Math.max(0, Math.floor(steps));
  const ok = R > 0 && T > 0 && values.length >= R * T;
  const f = theme.fontSize;
  const charW = f * 0.62;
  const longestRow = rowLabels ? Math.max(1, ...rowLabels.map((l) => l.length)) : 3;
  const left = Math.min(140, longestRow * charW + 12 + (yLabel ? f * 1.6 : 0));
  const innerW = Math.max(10, width - left - 8);
  const cellW = innerW / Math.max(T, 1);
  const longestTok = tokens ? Math.max(1, ...tokens.map((t) => t.length)) : String(T).length;
  const rotate = longestTok * charW > cellW * 0.95;
  const every = Math.max(1, Math.ceil((rotate ? f * 1.2 : longestTok * charW + 6) / cellW));
  const bottom = (rotate ? Math.min(90, longestTok * charW * 0.8 + 14) : f + 10) + f * 1.6;
  const h = height ?? Math.max(120, Math.min(420, R * Math.max(10, f * 1.3) + bottom + 8));
  const innerH = Math.max(10, h - bottom - 8);
  const cellH = innerH / Math.max(R, 1);

  const scale = useMemo(() => {
    void version;
    if (colorScale === 'diverging') {
      const m = domain ? Math.max(Math.abs(domain[0]), Math.abs(domain[1])) : maxAbs(values) || 1;
      const interp = divergingInterpolator(theme.negative, theme.bgRaised, theme.positive);
      return { lo: -m, hi: m, lut: colorLut(interp), interp };
    }
    const hi = domain?.[1] ?? (maxAbs(values) || 1);
    const lo = domain?.[0] ?? 0;
    const interp = interpolateLab(theme.bgRaised, theme.series[0]);
    return { lo, hi, lut: colorLut(interp), interp };
  }, [values, colorScale, domain, theme, version]);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx || !ok) return;
    const img = new ImageData(T, R);
    const span = scale.hi - scale.lo || 1;
    for (let r = 0; r < R; r++)
      for (let t = 0; t < T; t++) {
        const v = values[r * T + t];
        const o = (r * T + t) * 4;
        if (!Number.isFinite(v)) {
          img.data[o] = img.data[o + 1] = img.data[o + 2] = 128;
        } else {
          const li = Math.round(Math.max(0, Math.min(1, (v - scale.lo) / span)) * 255) * 3;
          img.data[o] = scale.lut[li];
          img.data[o + 1] = scale.lut[li + 1];
          img.data[o + 2] = scale.lut[li + 2];
        }
        img.data[o + 3] = 255;
      }
    const off = document.createElement('canvas');
    off.width = T;
    off.height = R;
    off.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false; // crisp cells
    ctx.drawImage(off, 0, 0, innerW, innerH);
  }, [values, R, T, ok, innerW, innerH, scale, version]);

  const pickAt = (e: PointerEvent<SVGSVGElement>) => {
    const at = localPoint(e.clientX, e.clientY, e.currentTarget);
    const t = Math.floor((at.x - left) / cellW);
    const r = Math.floor((at.y - 4) / cellH);
    setSel(t >= 0 && t < T && r >= 0 && r < R ? { r, t } : null);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const cur = sel ?? { r: 0, t: 0 };
    let next: { r: number; t: number };
    if (e.key === 'ArrowRight') next = { ...cur, t: Math.min(T - 1, cur.t + 1) };
    else if (e.key === 'ArrowLeft') next = { ...cur, t: Math.max(0, cur.t - 1) };
    else if (e.key === 'ArrowDown') next = { ...cur, r: Math.min(R - 1, cur.r + 1) };
    else if (e.key === 'ArrowUp') next = { ...cur, r: Math.max(0, cur.r - 1) };
    else if (e.key === 'Escape') {
      setSel(null);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    setSel(next);
  };

  const rowName = (r: number) => rowLabels?.[r] ?? `unit ${r + 1}`;
  const tokName = (t: number) => (tokens?.[t] !== undefined ? `“${tokens[t]}”` : `step ${t + 1}`);
  const readout =
    sel && ok
      ? `${rowName(sel.r)} at ${tokName(sel.t)} (step ${sel.t + 1}): ${formatValue(values[sel.r * T + sel.t], 4)}`
      : '\u00a0';
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
        onPointerMove={pickAt}
        onPointerLeave={() => setSel(null)}
        onKeyDown={onKey}
      >
        <g fontSize={f} fill={theme.fg}>
          {ok &&
            Array.from({ length: R }, (_, r) =>
              cellH >= f * 0.9 || r % Math.ceil((f * 0.9) / cellH) === 0 ? (
                <text
                  key={r}
                  className="row-label"
                  x={left - 6}
                  y={4 + (r + 0.5) * cellH}
                  dy="0.35em"
                  textAnchor="end"
                >
                  {rowName(r)}
                </text>
              ) : null,
            )}
          {ok &&
            Array.from({ length: T }, (_, t) => {
              if (t % every !== 0) return null;
              const x = left + (t + 0.5) * cellW;
              const y = 4 + innerH + 6;
              const text = tokens?.[t] ?? String(t + 1);
              return rotate ? (
                <text
                  key={t}
                  className="token-label"
                  transform={`translate(${x},${y}) rotate(-55)`}
                  textAnchor="end"
                  dy="0.7em"
                >
                  {text}
                </text>
              ) : (
                <text key={t} className="token-label" x={x} y={y} dy="0.8em" textAnchor="middle">
                  {text}
                </text>
              );
            })}
          <text className="axis-label" x={left + innerW / 2} y={h - 4} textAnchor="middle">
            {xLabel}
          </text>
          {yLabel && (
            <text
              className="axis-label"
              transform={`translate(${f * 0.9},${4 + innerH / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
          )}
          {!ok && (
            <text className="chart-empty" x={width / 2} y={h / 2} textAnchor="middle">
              No values yet
            </text>
          )}
        </g>
        <rect x={left} y={4} width={innerW} height={innerH} fill="none" stroke={theme.border} />
        {sel && ok && (
          <rect
            className="cell-selected"
            data-export="skip"
            x={left + sel.t * cellW}
            y={4 + sel.r * cellH}
            width={cellW}
            height={cellH}
            fill="none"
            stroke={theme.fg}
            strokeWidth={2}
            pointerEvents="none"
          />
        )}
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
