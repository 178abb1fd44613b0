import { useState, type KeyboardEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
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
export interface AttentionHead {
  label?: string;
  weights: ArrayLike<number>;
}

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
  const [focus, setFocus] = useState<{ head: number; row: number } | null>(null);
  const keys = keyTokens ?? queryTokens;
  const Tq = queryTokens.length;
  const Tk = keys.length;
  const validHeads = heads.filter((h) => h.weights.length >= Tq * Tk);
  const perRow = Math.max(1, Math.min(validHeads.length, Math.floor(width / minHeadWidth)));
  const headWidth = Math.floor((width - (perRow - 1) * 12) / perRow);

  const onKey = (head: number) => (e: KeyboardEvent<SVGSVGElement>) => {
    const row = focus?.row ?? -1;
    if (e.key === 'ArrowDown') setFocus({ head, row: Math.min(Tq - 1, row + 1) });
    else if (e.key === 'ArrowUp') setFocus({ head, row: Math.max(0, row - 1) });
    else if (e.key === 'Escape') setFocus(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const active = focus && validHeads[focus.head] ? focus : null;
  const strip = active
    ? keys.map((tok, k) => ({ tok, w: validHeads[active.head].weights[active.row * Tk + k] }))
    : null;
  const stripColor = matrixColor(theme, [0, 1], 'sequential', [0, 1]).color;

  const strongest = validHeads.map((h, hi) => {
    // per head: for the last query, the key with the largest weight
    const q = Tq - 1;
    let best = -1;
    let bw = -Infinity;
    for (let k = 0; k < Tk; k++) {
      const w = h.weights[q * Tk + k];
      if (w > bw) {
        bw = w;
        best = k;
      }
    }
    return best >= 0
      ? `${h.label ?? `head ${hi + 1}`}: “${queryTokens[q]}” attends most to “${keys[best]}” (${formatValue(bw, 2)})`
      : '';
  });
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (validHeads.length && Tq && Tk
      ? `${validHeads.length} head${validHeads.length > 1 ? 's' : ''}, ${Tq} queries × ${Tk} keys. ${strongest.filter(Boolean).join('; ')}.`
      : 'No attention weights to show.');

  return (
    <ChartFrame
      kind="attention"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      footer={
        <div className="token-strip" aria-live="off">
          {strip ? (
            <>
              <span style={{ border: 'none', fontFamily: 'inherit' }}>
                {validHeads[active!.head].label ?? `head ${active!.head + 1}`}, query “
                {queryTokens[active!.row]}” →
              </span>
              {strip.map((s, k) => (
                <span
                  key={k}
                  className="attended-token"
                  title={formatValue(s.w, 3)}
                  style={{ background: stripColor(s.w), color: s.w > 0.55 ? '#fff' : undefined }}
                >
                  {s.tok} {formatValue(s.w, 2)}
                </span>
              ))}
            </>
          ) : (
            <span style={{ border: 'none', fontFamily: 'inherit', color: 'var(--fg-muted)' }}>
              Hover a row (or focus a head and press ↓) to see which tokens a query attends to.
            </span>
          )}
        </div>
      }
    >
      <div className="attention-heads" style={{ lineHeight: 1.3 }}>
        {validHeads.length === 0 && <p className="chart-empty">No attention weights</p>}
        {validHeads.map((h, hi) => (
          <div key={hi} className="attention-head">
            <div className="attention-head-label" style={{ fontWeight: 600, fontSize: theme.fontSize }}>
              {h.label ?? `head ${hi + 1}`}
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
              onKeyDown={onKey(hi)}
              label={`${h.label ?? `head ${hi + 1}`} attention weights, ${Tq} queries by ${Tk} keys`}
              version={version}
            />
          </div>
        ))}
      </div>
    </ChartFrame>
  );
}
