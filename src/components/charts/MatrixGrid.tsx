import { useMemo, type KeyboardEvent } from 'react';
import { readableTextOn } from './canvas';
import { CellOutline } from './CellOutline';
import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';
import { matrixColor, matrixLayout, type MatrixLayout } from './matrixGridModel';

export { matrixColor } from './matrixGridModel';

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
  const layout = matrixLayout({ rows: R, cols: C, width, theme, rowLabels, colLabels, maxCell, showValues });
  const { svgW, svgH } = layout;

  const scale = useMemo(() => {
    void version;
    return matrixColor(theme, values, colorScale, domain);
  }, [theme, values, colorScale, domain, version]);

  if (!ok) return <EmptyMatrix width={width} label={label} fontSize={f} />;

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
      <MatrixLabels
        layout={layout}
        theme={theme}
        rowLabels={rowLabels?.slice(0, R)}
        colLabels={colLabels?.slice(0, C)}
        highlightRow={highlightRow}
        highlightCol={highlightCol}
      />
      <MatrixCells
        values={values}
        rows={R}
        cols={C}
        layout={layout}
        theme={theme}
        colorOf={scale.color}
        format={format}
        onHover={onHover}
      />
      <GridHighlights
        layout={layout}
        shape={[R, C]}
        highlightRow={highlightRow}
        selected={selected}
        theme={theme}
      />
    </svg>
  );
}

/** One square per value, with its number when the layout says they fit. */
function MatrixCells({
  values,
  rows,
  cols,
  layout,
  theme,
  colorOf,
  format,
  onHover,
}: {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  layout: MatrixLayout;
  theme: ChartTheme;
  colorOf: (v: number) => string;
  format: (v: number) => string;
  onHover?: (cell: { row: number; col: number } | null) => void;
}) {
  const { left, topH, cell, show, valueFont } = layout;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      const fill = colorOf(v);
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
  return <g className="cells">{cells}</g>;
}

/** Row labels at the left, column labels on top (rotated when too long), the highlighted ones in bold. */
function MatrixLabels({
  layout,
  theme,
  rowLabels,
  colLabels,
  highlightRow,
  highlightCol,
}: {
  layout: MatrixLayout;
  theme: ChartTheme;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  highlightRow: number | null;
  highlightCol: number | null;
}) {
  const { left, topH, cell, rotate, turned, labelFont } = layout;
  return (
    <g fontSize={labelFont} fill={theme.fg}>
      {rowLabels?.map((l, r) => (
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
      {colLabels?.map((l, c) => {
        const x = left + (c + 0.5) * cell;
        const weight = highlightCol === c ? 700 : 400;
        return turned[c] ? (
          <text
            key={`c${c}`}
            className="col-label"
            transform={`translate(${x},${topH - 6}) rotate(${rotate === 'all' ? -50 : -90})`}
            dy={rotate === 'all' ? undefined : '0.35em'}
            textAnchor="start"
            fontWeight={weight}
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
            fontWeight={weight}
          >
            {l}
          </text>
        );
      })}
    </g>
  );
}

/** A small SVG in place of the grid while there are no (or too few) values. */
function EmptyMatrix({ width, label, fontSize: f }: { width: number; label: string; fontSize: number }) {
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

interface GridHighlightsProps {
  layout: MatrixLayout;
  /** Rows and columns drawn. */
  shape: [number, number];
  highlightRow: number | null;
  selected: { row: number; col: number } | null;
  theme: ChartTheme;
}

/** Outlines over the cells (not exported with the figure): the highlighted row, then the selected cell. */
function GridHighlights({ layout, shape: [R, C], highlightRow, selected, theme }: GridHighlightsProps) {
  const { left, topH, cell } = layout;
  return (
    <>
      {highlightRow !== null && highlightRow >= 0 && highlightRow < R && (
        <CellOutline
          className="row-highlight"
          x={left}
          y={topH + highlightRow * cell}
          width={cell * C}
          height={cell}
          stroke={theme.focus}
          strokeWidth={2.5}
        />
      )}
      {selected && selected.row < R && selected.col < C && (
        <CellOutline
          className="cell-selected"
          x={left + selected.col * cell}
          y={topH + selected.row * cell}
          width={cell}
          height={cell}
          stroke={theme.fg}
          strokeWidth={2.5}
        />
      )}
    </>
  );
}
