import { useMemo, type KeyboardEvent } from 'react';
import { interpolateLab } from 'd3';
import { divergingInterpolator, readableTextOn } from './canvas';
import type { ChartTheme } from './chartTheme';
import { formatValue, maxAbs } from './format';

/** Smallest text the course draws (px): figure text stays legible on a phone. */
const MIN_TEXT_PX = 11;

/**
 * The SVG grid inside MatrixView and AttentionMap (no frame). See MatrixView.tsx for the meaning of the props.
 */
export interface MatrixGridProps {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  theme: ChartTheme;
  width: number;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  showValues?: boolean;
  colorScale?: 'diverging' | 'sequential';
  domain?: [number, number];
  maxCell?: number;
  highlightRow?: number | null;
  highlightCol?: number | null;
  selected?: { row: number; col: number } | null;
  onHover?: (cell: { row: number; col: number } | null) => void;
  onKeyDown?: (e: KeyboardEvent<SVGSVGElement>) => void;
  label: string;
  format?: (v: number) => string;
  version?: number;
}

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

export function MatrixGrid({
  values,
  rows,
  cols,
  theme,
  width,
  rowLabels,
  colLabels,
  showValues,
  colorScale,
  domain,
  maxCell = 56,
  highlightRow = null,
  highlightCol = null,
  selected = null,
  onHover,
  onKeyDown,
  label,
  format = (v) => formatValue(v, 2),
  version,
}: MatrixGridProps) {
  const f = theme.fontSize;
  const R = Math.max(0, Math.floor(rows));
  const C = Math.max(0, Math.floor(cols));
  const ok = R > 0 && C > 0 && values.length >= R * C;
  const charW = f * 0.62;
  const left = rowLabels ? Math.min(120, Math.max(...rowLabels.map((l) => l.length), 1) * charW + 10) : 4;
  const longestCol = colLabels ? Math.max(...colLabels.map((l) => l.length), 1) : 0;
  const cell = Math.max(6, Math.min(maxCell * theme.fontScale, (width - left - 4) / Math.max(C, 1)));
  const rotate = colLabels ? longestCol * charW > cell - 4 : false;
  const topH = colLabels ? (rotate ? Math.min(100, longestCol * charW * 0.75 + 10) : f + 8) : 4;
  const gridW = cell * C;
  const gridH = cell * R;
  const svgW = Math.max(left + gridW + 4, 40);
  const svgH = topH + gridH + 4;
  // Cell numbers are drawn at most 0.85 of the label size and shrink with the cell, but never below 11 px (legible on
  // a phone): by default, cells too small for that show colour only; asked for explicitly, numbers keep 11 px.
  const valueFont = Math.max(MIN_TEXT_PX, Math.min(f * 0.85, cell / 3.2));
  const show = showValues ?? (cell >= f * 2.4 && R * C <= 400 && cell / 3.2 >= MIN_TEXT_PX);

  const scale = useMemo(() => {
    void version;
    return matrixColor(theme, values, colorScale, domain);
  }, [theme, values, colorScale, domain, version]);

  if (!ok) {
    return (
      <svg
        width={Math.max(120, Math.min(width, 240))}
        height={f * 3}
        role="img"
        aria-label={`${label}: no data`}
      >
        <text className="chart-empty" x={8} y={f * 1.8} fontSize={f}>
          No data
        </text>
      </svg>
    );
  }

  const cells = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const v = values[r * C + c];
      const fill = scale.color(v);
      cells.push(
        <g key={`${r}-${c}`} transform={`translate(${left + c * cell},${topH + r * cell})`}>
          <rect
            className="cell"
            width={cell}
            height={cell}
            fill={fill}
            stroke={theme.bgRaised}
            strokeWidth={cell > 10 ? 1 : 0}
            onPointerEnter={onHover ? () => onHover({ row: r, col: c }) : undefined}
          />
          {show && (
            <text
              x={cell / 2}
              y={cell / 2}
              dy="0.35em"
              textAnchor="middle"
              fontSize={valueFont}
              fill={readableTextOn(fill)}
              pointerEvents="none"
            >
              {format(v)}
            </text>
          )}
        </g>,
      );
    }
  }

  return (
    <svg
      width={svgW}
      height={svgH}
      role="img"
      aria-label={label}
      tabIndex={onKeyDown ? 0 : undefined}
      onKeyDown={onKeyDown}
      onPointerLeave={onHover ? () => onHover(null) : undefined}
    >
      <g fontSize={f} fill={theme.fg}>
        {rowLabels?.slice(0, R).map((l, r) => (
          <text
            key={`r${r}`}
            className="row-label"
            x={left - 6}
            y={topH + (r + 0.5) * cell}
            dy="0.35em"
            textAnchor="end"
            fontWeight={highlightRow === r ? 700 : 400}
          >
            {l}
          </text>
        ))}
        {colLabels?.slice(0, C).map((l, c) => {
          const x = left + (c + 0.5) * cell;
          return rotate ? (
            <text
              key={`c${c}`}
              className="col-label"
              transform={`translate(${x},${topH - 6}) rotate(-50)`}
              textAnchor="start"
              fontWeight={highlightCol === c ? 700 : 400}
            >
              {l}
            </text>
          ) : (
            <text
              key={`c${c}`}
              className="col-label"
              x={x}
              y={topH - 6}
              textAnchor="middle"
              fontWeight={highlightCol === c ? 700 : 400}
            >
              {l}
            </text>
          );
        })}
      </g>
      <g className="cells">{cells}</g>
      {highlightRow !== null && highlightRow >= 0 && highlightRow < R && (
        <rect
          className="row-highlight"
          data-export="skip"
          x={left}
          y={topH + highlightRow * cell}
          width={gridW}
          height={cell}
          fill="none"
          stroke={theme.focus}
          strokeWidth={2.5}
          pointerEvents="none"
        />
      )}
      {selected && selected.row < R && selected.col < C && (
        <rect
          className="cell-selected"
          data-export="skip"
          x={left + selected.col * cell}
          y={topH + selected.row * cell}
          width={cell}
          height={cell}
          fill="none"
          stroke={theme.fg}
          strokeWidth={2.5}
          pointerEvents="none"
        />
      )}
    </svg>
  );
}
