import { useState, type KeyboardEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { MatrixGrid, matrixColor, type MatrixGridProps } from './MatrixGrid';
import { ColorBar } from './ColorBar';
import { formatValue } from './format';

/**
 * MatrixView — a small matrix (weights, Q/K/V, attention) as a coloured grid, optionally with the numbers.
 *
 * Props:
 * - `values`: row-major, `values[r * cols + c]`; `rows`, `cols`.
 * - `rowLabels`, `colLabels`: text beside / above the grid (long column labels are slanted).
 * - `showValues`: print numbers in the cells (default: when the cells are big enough).
 * - `colorScale`: 'diverging' (signed, --negative ↔ --positive around 0) | 'sequential' (0 → --series-1);
 *   default diverging when any value is negative. `domain`: fixed colour domain.
 * - `maxCell`: largest cell size in px (default 56, times --font-scale).
 * - `highlightRow`: outline one row. `format`: number formatting.
 * - `version`: bump when mutating `values` in place. `title`, `width`, `caption`.
 * Focus the grid and use the arrow keys (or hover) to read a cell.
 */
export interface MatrixViewProps extends Pick<
  MatrixGridProps,
  | 'values'
  | 'rows'
  | 'cols'
  | 'rowLabels'
  | 'colLabels'
  | 'showValues'
  | 'colorScale'
  | 'domain'
  | 'maxCell'
  | 'format'
  | 'version'
> {
  highlightRow?: number;
  title?: string;
  width?: number;
  caption?: string;
}

export function MatrixView(props: MatrixViewProps) {
  const { values, rows, cols, rowLabels, colLabels, title, width: fixedWidth, caption } = props;
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const [sel, setSel] = useState<{ row: number; col: number } | null>(null);
  const R = Math.max(0, Math.floor(rows));
  const C = Math.max(0, Math.floor(cols));
  const ok = R > 0 && C > 0 && values.length >= R * C;

  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const cur = sel ?? { row: 0, col: 0 };
    let next: { row: number; col: number };
    if (e.key === 'ArrowRight') next = { ...cur, col: Math.min(C - 1, cur.col + 1) };
    else if (e.key === 'ArrowLeft') next = { ...cur, col: Math.max(0, cur.col - 1) };
    else if (e.key === 'ArrowDown') next = { ...cur, row: Math.min(R - 1, cur.row + 1) };
    else if (e.key === 'ArrowUp') next = { ...cur, row: Math.max(0, cur.row - 1) };
    else if (e.key === 'Escape') {
      setSel(null);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    setSel(next);
  };

  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < Math.min(values.length, R * C); i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (ok ? `${R}×${C} matrix, values from ${formatValue(lo)} to ${formatValue(hi)}.` : 'No matrix to show.');
  const cellText = (r: number, c: number) =>
    `${rowLabels?.[r] ?? `row ${r + 1}`}, ${colLabels?.[c] ?? `column ${c + 1}`}: ${formatValue(values[r * C + c], 4)}`;

  return (
    <ChartFrame
      kind="matrix"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      footer={<div className="chart-readout">{sel && ok ? cellText(sel.row, sel.col) : '\u00a0'}</div>}
    >
      <MatrixGrid
        {...props}
        theme={theme}
        width={width}
        selected={sel}
        onHover={setSel}
        onKeyDown={ok ? onKey : undefined}
        label={`${title ?? 'Matrix'}: ${captionText}`}
      />
      {ok && <ColorBar {...matrixColor(theme, values, props.colorScale, props.domain)} theme={theme} />}
    </ChartFrame>
  );
}
