import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { scaleLinear, select, zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { finiteExtent, formatValue, padDomain } from './format';
import { EmptyPlotNote } from './EmptyPlotNote';

/**
 * EmbeddingScatter — a 2D projection of vectors (word embeddings) with labels, zoom and pan (wheel/drag, or +/−/0
 * keys), and nearest-neighbour highlight: select a point (click, or ←/→ when focused) to outline its k nearest
 * neighbours and draw lines to them.
 *
 * Props:
 * - `points`: `{ x, y, label, group? }[]`; `group` picks the series colour, `groupLabels` name them in a legend.
 * - `k` (default 5): neighbours to highlight. `neighbours(i)`: your own neighbour list (e.g. cosine similarity in
 *   the original space); default: Euclidean in the 2D projection.
 * - `selected` / `onSelect`: controlled selection (index or null); uncontrolled otherwise.
 * - `showLabels`: 'auto' (default: all labels when ≤ 60 points, else only the selection and its neighbours) | 'all'.
 * - `xLabel`, `yLabel` (default 'dim 1', 'dim 2'), `title`, `height` (default 380), `width`, `caption`.
 * Points with non-finite coordinates are left out (counted in the caption).
 */
export interface EmbeddingPoint {
  x: number;
  y: number;
  label: string;
  group?: number;
}

export interface EmbeddingScatterProps {
  points: readonly EmbeddingPoint[];
  k?: number;
  neighbours?: (index: number) => readonly number[];
  selected?: number | null;
  onSelect?: (index: number | null) => void;
  groupLabels?: readonly string[];
  showLabels?: 'auto' | 'all';
  xLabel?: string;
  yLabel?: string;
  title?: string;
  height?: number;
  width?: number;
  caption?: string;
}

export function nearestNeighbours(points: readonly EmbeddingPoint[], i: number, k: number): number[] {
  const p = points[i];
  if (!p) return [];
  return points
    .map((q, j) => ({ j, d: (q.x - p.x) ** 2 + (q.y - p.y) ** 2 }))
    .filter((e) => e.j !== i && Number.isFinite(e.d))
    .sort((a, b) => a.d - b.d)
    .slice(0, Math.max(0, k))
    .map((e) => e.j);
}

export function EmbeddingScatter({
  points,
  k = 5,
  neighbours,
  selected,
  onSelect,
  groupLabels,
  showLabels = 'auto',
  xLabel = 'dim 1',
  yLabel = 'dim 2',
  title,
  height = 380,
  width: fixedWidth,
  caption,
}: EmbeddingScatterProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [ownSel, setOwnSel] = useState<number | null>(null);
  const sel = selected !== undefined ? selected : ownSel;
  const setSel = (i: number | null) => {
    if (selected === undefined) setOwnSel(i);
    onSelect?.(i);
  };

  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);

  const valid = useMemo(
    () => points.map((p, i) => ({ p, i })).filter(({ p }) => Number.isFinite(p.x) && Number.isFinite(p.y)),
    [points],
  );
  const base = useMemo(() => {
    const xe = padDomain(finiteExtent(valid.map((v) => v.p.x)) ?? [-1, 1]);
    const ye = padDomain(finiteExtent(valid.map((v) => v.p.y)) ?? [-1, 1]);
    const px = (xe[1] - xe[0]) * 0.06;
    const py = (ye[1] - ye[0]) * 0.06;
    return {
      sx: scaleLinear()
        .domain([xe[0] - px, xe[1] + px])
        .range([0, innerW]),
      sy: scaleLinear()
        .domain([ye[0] - py, ye[1] + py])
        .range([innerH, 0]),
    };
  }, [valid, innerW, innerH]);
  const sx = transform.rescaleX(base.sx);
  const sy = transform.rescaleY(base.sy);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 40])
      .on('zoom', (event: { transform: ZoomTransform }) => setTransform(event.transform));
    zoomRef.current = z;
    select(svg).call(z);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);

  const nn = useMemo(() => {
    if (sel === null || !points[sel]) return [];
    return (neighbours ? neighbours(sel) : nearestNeighbours(points, sel, k)).filter((j) => points[j]);
  }, [sel, points, neighbours, k]);
  const nnSet = new Set(nn);

  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    if ((e.key === '+' || e.key === '=') && svg && z) select(svg).call(z.scaleBy, 1.4);
    else if (e.key === '-' && svg && z) select(svg).call(z.scaleBy, 1 / 1.4);
    else if (e.key === '0' && svg && z) select(svg).call(z.transform, zoomIdentity);
    else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && valid.length) {
      const pos = valid.findIndex((v) => v.i === sel);
      const next = pos < 0 ? 0 : (pos + (e.key === 'ArrowRight' ? 1 : valid.length - 1)) % valid.length;
      setSel(valid[next].i);
    } else if (e.key === 'Escape') setSel(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const labelAll = showLabels === 'all' || valid.length <= 60;
  const labels = placeLabels(
    valid
      .filter(({ i }) => labelAll || i === sel || nnSet.has(i))
      .map(({ p, i }) => ({ i, px: sx(p.x), py: sy(p.y), text: p.label })),
    (i) => i === sel || nnSet.has(i) || showLabels === 'all',
    theme.fontSize * 0.92,
    innerW,
    innerH,
  );
  const groups = new Set(valid.map((v) => v.p.group ?? 0));
  const legend =
    groupLabels && groups.size > 1
      ? [...groups].sort().map((g) => ({
          label: groupLabels[g] ?? `group ${g}`,
          color: seriesColor(theme, g),
          shape: 'dot' as const,
        }))
      : undefined;
  const skipped = points.length - valid.length;
  const selText =
    sel !== null && points[sel]
      ? `Selected “${points[sel].label}”; nearest: ${nn.map((j) => `“${points[j].label}”`).join(', ') || 'none'}.`
      : '';
  const captionText =
    `${caption ? `${caption} ` : ''}${valid.length} points${skipped ? ` (${skipped} with non-finite coordinates left out)` : ''}. ` +
    (selText || 'Select a point to highlight its nearest neighbours.') +
    (transform.k !== 1 ? ` Zoom ×${formatValue(transform.k, 2)}.` : '');
  const f = theme.fontSize;
  const clipId = `es-clip-${innerW}-${innerH}`;

  return (
    <ChartFrame
      kind="embedding"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      actions={
        <button
          type="button"
          className="chart-button"
          onClick={() =>
            svgRef.current &&
            zoomRef.current &&
            select(svgRef.current).call(zoomRef.current.transform, zoomIdentity)
          }
          disabled={transform.k === 1 && transform.x === 0 && transform.y === 0}
        >
          Zoom to fit
        </button>
      }
      footer={<div className="chart-readout">{selText || '\u00a0'}</div>}
    >
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Embedding scatter'}: ${captionText} Keys: ←/→ select, +/− zoom, 0 fit.`}
        tabIndex={0}
        onKeyDown={onKey}
        style={{ cursor: 'grab', touchAction: 'none' }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect width={innerW} height={innerH} />
          </clipPath>
        </defs>
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} />
          {valid.length === 0 && (
            <EmptyPlotNote width={innerW} height={innerH} fontSize={f}>
              No points
            </EmptyPlotNote>
          )}
          <g clipPath={`url(#${clipId})`}>
            {sel !== null && points[sel] && Number.isFinite(points[sel].x) && (
              <g className="nn-lines" stroke={theme.fg} strokeOpacity={0.5} strokeDasharray="4 3">
                {nn.map((j) =>
                  Number.isFinite(points[j].x) && Number.isFinite(points[j].y) ? (
                    <line
                      key={j}
                      x1={sx(points[sel].x)}
                      y1={sy(points[sel].y)}
                      x2={sx(points[j].x)}
                      y2={sy(points[j].y)}
                    />
                  ) : null,
                )}
              </g>
            )}
            <g className="points">
              {valid.map(({ p, i }) => {
                const isSel = i === sel;
                const isNn = nnSet.has(i);
                const dim = sel !== null && !isSel && !isNn;
                return (
                  <circle
                    key={i}
                    className={`point${isSel ? ' selected' : ''}${isNn ? ' neighbour' : ''}`}
                    cx={sx(p.x)}
                    cy={sy(p.y)}
                    r={(isSel ? 7 : isNn ? 6 : 4.5) * theme.fontScale}
                    fill={seriesColor(theme, p.group ?? 0)}
                    fillOpacity={dim ? 0.35 : 1}
                    stroke={isSel || isNn ? theme.fg : theme.bgRaised}
                    strokeWidth={isSel || isNn ? 2 : 1}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => {
                      e.stopPropagation();
                      setSel(isSel ? null : i);
                    }}
                  />
                );
              })}
            </g>
            <g className="labels" fontSize={f * 0.92} fill={theme.fg} pointerEvents="none">
              {labels.map((l) => (
                <text
                  key={l.i}
                  x={l.x}
                  y={l.y}
                  textAnchor={l.anchor}
                  fontWeight={l.i === sel ? 700 : 400}
                  fillOpacity={sel !== null && l.i !== sel && !nnSet.has(l.i) ? 0.45 : 1}
                  stroke={theme.bgRaised}
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {points[l.i].label}
                </text>
              ))}
            </g>
          </g>
        </g>
      </svg>
    </ChartFrame>
  );
}

interface PlacedLabel {
  i: number;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Greedy label placement: try right-above, left-above, right-below, left-below of each point; a label that would
 * overlap one already placed (or leave the plot) is dropped, unless `mustShow` (the selection and its neighbours).
 */
function placeLabels(
  items: { i: number; px: number; py: number; text: string }[],
  mustShow: (i: number) => boolean,
  fontSize: number,
  width: number,
  height: number,
): PlacedLabel[] {
  const boxes: [number, number, number, number][] = [];
  const out: PlacedLabel[] = [];
  const ordered = [...items].sort((a, b) => Number(mustShow(b.i)) - Number(mustShow(a.i)));
  for (const it of ordered) {
    if (it.px < -20 || it.px > width + 20 || it.py < -20 || it.py > height + 20) continue;
    const w = it.text.length * fontSize * 0.58 + 2;
    const h = fontSize;
    const candidates: [number, number, 'start' | 'end'][] = [
      [it.px + 7, it.py - 6, 'start'],
      [it.px - 7, it.py - 6, 'end'],
      [it.px + 7, it.py + h + 2, 'start'],
      [it.px - 7, it.py + h + 2, 'end'],
    ];
    let chosen: PlacedLabel | null = null;
    let fallback: PlacedLabel | null = null;
    for (const [x, y, anchor] of candidates) {
      const x0 = anchor === 'start' ? x : x - w;
      const box: [number, number, number, number] = [x0, y - h, x0 + w, y + 2];
      const inside = box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height;
      if (!fallback && inside) fallback = { i: it.i, x, y, anchor };
      const free = boxes.every((b) => box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]);
      if (inside && free) {
        chosen = { i: it.i, x, y, anchor };
        boxes.push(box);
        break;
      }
    }
    if (!chosen && mustShow(it.i))
      chosen = fallback ?? { i: it.i, x: it.px + 7, y: it.py - 6, anchor: 'start' };
    if (chosen) out.push(chosen);
  }
  return out.sort((a, b) => a.i - b.i);
}
