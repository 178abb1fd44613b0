import type { ChartTheme } from './chartTheme';
import { CellOutline } from './CellOutline';
import { rowName, type Cell, type HeatmapLayout } from './timeSeriesModel';

/** Row names right-aligned left of the cells; when rows are shorter than a line, only every n-th row is named. */
export function RowLabels({
  rows,
  rowLabels,
  layout,
  fontSize,
}: {
  rows: number;
  rowLabels?: readonly string[];
  layout: HeatmapLayout;
  fontSize: number;
}) {
  const { left, cellH } = layout;
  return Array.from({ length: rows }, (_, r) =>
    cellH >= fontSize * 0.9 || r % Math.ceil((fontSize * 0.9) / cellH) === 0 ? (
      <text key={r} className="row-label" x={left - 6} y={4 + (r + 0.5) * cellH} dy="0.35em" textAnchor="end">
        {rowName(rowLabels, r)}
      </text>
    ) : null,
  );
}

/** Tokens (or step numbers) under the columns: every `every`-th one, turned when they do not fit upright. */
export function TokenLabels({
  steps,
  tokens,
  layout,
}: {
  steps: number;
  tokens?: readonly string[];
  layout: HeatmapLayout;
}) {
  const { left, cellW, innerH, every, rotate } = layout;
  return Array.from({ length: steps }, (_, t) => {
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
  });
}

/** The x label under the tokens and the optional y label turned along the rows. */
export function HeatmapAxisLabels({
  xLabel,
  yLabel,
  layout,
  fontSize,
}: {
  xLabel: string;
  yLabel?: string;
  layout: HeatmapLayout;
  fontSize: number;
}) {
  const { left, innerW, innerH, h } = layout;
  return (
    <>
      <text className="axis-label" x={left + innerW / 2} y={h - 4} textAnchor="middle">
        {xLabel}
      </text>
      {yLabel && (
        <text
          className="axis-label"
          transform={`translate(${fontSize * 0.9},${4 + innerH / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
      )}
    </>
  );
}

/** The outline of the selected cell (not exported with the figure). */
export function SelectedCell({
  sel,
  layout,
  theme,
}: {
  sel: Cell;
  layout: HeatmapLayout;
  theme: ChartTheme;
}) {
  const { left, cellW, cellH } = layout;
  return (
    <CellOutline
      className="cell-selected"
      x={left + sel.t * cellW}
      y={4 + sel.r * cellH}
      width={cellW}
      height={cellH}
      stroke={theme.fg}
      strokeWidth={2}
    />
  );
}
