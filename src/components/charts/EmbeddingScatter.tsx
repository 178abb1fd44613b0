import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { select, zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { ChartFrame, type AxesChartProps } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { EmptyPlotNote } from './EmptyPlotNote';
import {
  baseScales,
  embeddingCaption,
  groupLegend,
  placeLabels,
  selectionText,
  stepSelection,
  type EmbeddingPoint,
  type ValidPoint,
} from './embeddingModel';
import { ScatterMarks, ZoomToFitButton, type Highlight } from './EmbeddingParts';

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
export type { EmbeddingPoint } from './embeddingModel';

export interface EmbeddingScatterProps extends AxesChartProps {
  points: readonly EmbeddingPoint[];
  k?: number;
  neighbours?: (index: number) => readonly number[];
  selected?: number | null;
  onSelect?: (index: number | null) => void;
  groupLabels?: readonly string[];
  showLabels?: 'auto' | 'all';
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

/** Controlled (`selected` given) or own selection; every change is reported to `onSelect`. */
function useSelection(selected: number | null | undefined, onSelect?: (index: number | null) => void) {
  const [ownSel, setOwnSel] = useState<number | null>(null);
  const sel = selected !== undefined ? selected : ownSel;
  const setSel = (i: number | null) => {
    if (selected === undefined) setOwnSel(i);
    onSelect?.(i);
  };
  return [sel, setSel] as const;
}

/** d3 zoom and pan (wheel, drag, pinch) on the plot's <svg>; `zoomBy` and `reset` serve the keys and the button. */
function useZoom() {
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
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
  const zoomBy = (factor: number) => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.scaleBy, factor);
  };
  const reset = () => {
    if (svgRef.current && zoomRef.current)
      select(svgRef.current).call(zoomRef.current.transform, zoomIdentity);
  };
  return { svgRef, transform, zoomBy, reset };
}

/** Keys on the focused plot: +/− zoom, 0 fits, ←/→ walk the selection, Escape clears it. */
function scatterKeyHandler(
  zoom: Pick<ReturnType<typeof useZoom>, 'zoomBy' | 'reset'>,
  valid: readonly ValidPoint[],
  sel: number | null,
  setSel: (i: number | null) => void,
) {
  return (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === '+' || e.key === '=') zoom.zoomBy(1.4);
    else if (e.key === '-') zoom.zoomBy(1 / 1.4);
    else if (e.key === '0') zoom.reset();
    else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && valid.length)
      setSel(stepSelection(valid, sel, e.key === 'ArrowRight'));
    else if (e.key === 'Escape') setSel(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
}

/** The selected point's neighbours: the caller's list, else the k nearest in the projection. */
function useNeighbours(
  points: readonly EmbeddingPoint[],
  sel: number | null,
  neighbours: EmbeddingScatterProps['neighbours'],
  k: number,
) {
  return useMemo(() => {
    if (sel === null || !points[sel]) return [];
    return (neighbours ? neighbours(sel) : nearestNeighbours(points, sel, k)).filter((j) => points[j]);
  }, [sel, points, neighbours, k]);
}

/** The scales fitted to the points, then moved by the current zoom and pan. */
function useZoomedScales(
  valid: readonly ValidPoint[],
  transform: ZoomTransform,
  innerW: number,
  innerH: number,
) {
  const base = useMemo(() => baseScales(valid, innerW, innerH), [valid, innerW, innerH]);
  return { sx: transform.rescaleX(base.sx), sy: transform.rescaleY(base.sy) };
}

/** Margins for both axis labels and the plot inside them (at least 10 px each way). */
function plotArea(theme: ChartTheme, width: number, height: number) {
  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  return {
    m,
    innerW: Math.max(10, width - m.left - m.right),
    innerH: Math.max(10, height - m.top - m.bottom),
  };
}

interface ScatterView {
  sel: number | null;
  neighbours: EmbeddingScatterProps['neighbours'];
  k: number;
  showLabels: 'auto' | 'all';
  transform: ZoomTransform;
  theme: ChartTheme;
  innerW: number;
  innerH: number;
}

/** What to draw: the finite points, the zoomed scales, the selection's neighbours and the placed labels. */
function useScatterModel(points: readonly EmbeddingPoint[], v: ScatterView) {
  const valid = useMemo(
    () => points.map((p, i) => ({ p, i })).filter(({ p }) => Number.isFinite(p.x) && Number.isFinite(p.y)),
    [points],
  );
  const { sx, sy } = useZoomedScales(valid, v.transform, v.innerW, v.innerH);
  const nn = useNeighbours(points, v.sel, v.neighbours, v.k);
  const highlight = { sel: v.sel, nnSet: new Set(nn) };
  const labels = visibleLabels({ ...v, valid, highlight, sx, sy });
  return { valid, sx, sy, nn, highlight, labels };
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
  const { svgRef, transform, zoomBy, reset } = useZoom();
  const [sel, setSel] = useSelection(selected, onSelect);
  const { m, innerW, innerH } = plotArea(theme, width, height);

  const view = { sel, neighbours, k, showLabels, transform, theme, innerW, innerH };
  const { valid, sx, sy, nn, highlight, labels } = useScatterModel(points, view);
  const selText = selectionText(points, sel, nn);
  const zoom = transform.k;
  const captionText = embeddingCaption({ caption, total: points.length, valid: valid.length, selText, zoom });
  const clipId = `es-clip-${innerW}-${innerH}`;

  return (
    <ChartFrame
      kind="embedding"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={groupLegend(valid, groupLabels, theme)}
      actions={<ZoomToFitButton transform={transform} onClick={reset} />}
      footer={<div className="chart-readout">{selText || '\u00a0'}</div>}
    >
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Embedding scatter'}: ${captionText} Keys: ←/→ select, +/− zoom, 0 fit.`}
        tabIndex={0}
        onKeyDown={scatterKeyHandler({ zoomBy, reset }, valid, sel, setSel)}
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
            <EmptyPlotNote width={innerW} height={innerH} fontSize={theme.fontSize}>
              No points
            </EmptyPlotNote>
          )}
          <g clipPath={`url(#${clipId})`}>
            <ScatterMarks
              points={points}
              valid={valid}
              nn={nn}
              highlight={highlight}
              labels={labels}
              scales={{ sx, sy }}
              theme={theme}
              onSelect={setSel}
            />
          </g>
        </g>
      </svg>
    </ChartFrame>
  );
}

/**
 * Which labels to draw and where: all of them when there are few points (or `showLabels` is 'all'), else only the
 * selection and its neighbours, which are always shown even when they overlap.
 */
function visibleLabels(o: {
  valid: readonly ValidPoint[];
  highlight: Highlight;
  showLabels: 'auto' | 'all';
  sx: (v: number) => number;
  sy: (v: number) => number;
  theme: ChartTheme;
  innerW: number;
  innerH: number;
}) {
  const { sel, nnSet } = o.highlight;
  const labelAll = o.showLabels === 'all' || o.valid.length <= 60;
  return placeLabels(
    o.valid
      .filter(({ i }) => labelAll || i === sel || nnSet.has(i))
      .map(({ p, i }) => ({ i, px: o.sx(p.x), py: o.sy(p.y), text: p.label })),
    (i) => i === sel || nnSet.has(i) || o.showLabels === 'all',
    o.theme.fontSize * 0.92,
    o.innerW,
    o.innerH,
  );
}
