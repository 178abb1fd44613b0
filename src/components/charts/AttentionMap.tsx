import { useState, type KeyboardEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartTheme, type ChartTheme } from './chartTheme';
import { attentionCaption, headName, type AttentionHead } from './attentionModel';
import { useElementWidth } from './useElementWidth';
import { MatrixGrid, matrixColor } from './MatrixGrid';
import { formatValue } from './format';

/**
 * AttentionMap — attention weights as query × key heatmaps with token labels, several heads side by side. Hovering
 * (or focusing a head and using ↑/↓) picks a query row: the row is outlined in every head and the key tokens below
 * are shaded by how much that query attends to each.
 *
 * Props:
 * - `heads`: `{ label?, weights }[]`, weights row-major [Tq, Tk] (`weights[q * Tk + k]`), rows summing to 1.
 * - `queryTokens`: Tq token strings; `keyTokens`: Tk strings (default = queryTokens, self-attention).
 * - `version`: bump when mutating weights in place. `title`, `width`, `caption`, `maxCell` (default 40).
 * - `minHeadWidth`: heads sit side by side while each gets at least this many px (default 240; small maps of short
 *   sequences read well narrower).
 */
export type { AttentionHead } from './attentionModel';

export interface AttentionMapProps {
  heads: readonly AttentionHead[];
  queryTokens: readonly string[];
  keyTokens?: readonly string[];
  version?: number;
  title?: string;
  width?: number;
  caption?: string;
  maxCell?: number;
  minHeadWidth?: number;
}

type QueryFocus = { head: number; row: number };

/** The query row picked in one head (hover, or ↑/↓ in a focused head; Escape clears it). */
function useQueryFocus(queries: number) {
  const [focus, setFocus] = useState<QueryFocus | null>(null);
  const onKeyIn = (head: number) => (e: KeyboardEvent<SVGSVGElement>) => {
    const row = focus?.row ?? -1;
    if (e.key === 'ArrowDown') setFocus({ head, row: Math.min(queries - 1, row + 1) });
    else if (e.key === 'ArrowUp') setFocus({ head, row: Math.max(0, row - 1) });
    else if (e.key === 'Escape') setFocus(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return { focus, setFocus, onKeyIn };
}

export function AttentionMap({
  heads,
  queryTokens,
  keyTokens,
  version,
  title,
  width: fixedWidth,
  caption,
  maxCell = 40,
  minHeadWidth = 240,
}: AttentionMapProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const keys = keyTokens ?? queryTokens;
  const Tq = queryTokens.length;
  const Tk = keys.length;
  const { focus, setFocus, onKeyIn } = useQueryFocus(Tq);
  const validHeads = heads.filter((h) => h.weights.length >= Tq * Tk);
  const perRow = Math.max(1, Math.min(validHeads.length, Math.floor(width / minHeadWidth)));
  const headWidth = Math.floor((width - (perRow - 1) * 12) / perRow);
  const active = focus && validHeads[focus.head] ? focus : null;
  const captionText = attentionCaption(caption, validHeads, queryTokens, keys);

  return (
    <ChartFrame
      kind="attention"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      footer={
        <TokenStrip
          active={active && { ...active, head: validHeads[active.head], index: active.head }}
          queryTokens={queryTokens}
          keys={keys}
          theme={theme}
        />
      }
    >
      <div className="attention-heads" style={{ lineHeight: 1.3 }}>
        {validHeads.length === 0 && <p className="chart-empty">No attention weights</p>}
        {validHeads.map((h, hi) => (
          <div key={hi} className="attention-head">
            <div className="attention-head-label" style={{ fontWeight: 600, fontSize: theme.fontSize }}>
              {headName(h, hi)}
            </div>
            <MatrixGrid
              values={h.weights}
              rows={Tq}
              cols={Tk}
              rowLabels={queryTokens}
              colLabels={keys}
              colorScale="sequential"
              domain={[0, 1]}
              theme={theme}
              width={headWidth}
              maxCell={maxCell}
              showValues={false}
              highlightRow={active ? active.row : null}
              onHover={(cell) => setFocus(cell ? { head: hi, row: cell.row } : null)}
              onKeyDown={onKeyIn(hi)}
              label={`${headName(h, hi)} attention weights, ${Tq} queries by ${Tk} keys`}
              version={version}
            />
          </div>
        ))}
      </div>
    </ChartFrame>
  );
}

interface TokenStripProps {
  /** The picked query: its head (and the head's index) and row; null shows the hint. */
  active: { head: AttentionHead; index: number; row: number } | null;
  queryTokens: readonly string[];
  keys: readonly string[];
  theme: ChartTheme;
}

/** Under the heads: the key tokens shaded by how much the picked query attends to each. */
function TokenStrip({ active, queryTokens, keys, theme }: TokenStripProps) {
  const stripColor = matrixColor(theme, [0, 1], 'sequential', [0, 1]).color;
  const Tk = keys.length;
  return (
    <div className="token-strip" aria-live="off">
      {active ? (
        <>
          <span style={{ border: 'none', fontFamily: 'inherit' }}>
            {headName(active.head, active.index)}, query “{queryTokens[active.row]}” →
          </span>
          {keys.map((tok, k) => {
            const w = active.head.weights[active.row * Tk + k];
            return (
              <span
                key={k}
                className="attended-token"
                title={formatValue(w, 3)}
                style={{ background: stripColor(w), color: w > 0.55 ? '#fff' : undefined }}
              >
                {tok} {formatValue(w, 2)}
              </span>
            );
          })}
        </>
      ) : (
        <span style={{ border: 'none', fontFamily: 'inherit', color: 'var(--fg-muted)' }}>
          Hover a row (or focus a head and press ↓) to see which tokens a query attends to.
        </span>
      )}
    </div>
  );
}
