import type { ScaleLinear, ZoomTransform } from 'd3';
import type { ChartTheme } from './chartTheme';
import { seriesColor } from './chartTheme';
import type { EmbeddingPoint, PlacedLabel, ValidPoint } from './embeddingModel';

type Scale = ScaleLinear<number, number>;

/** What the selection highlights: the selected index and the set of its neighbours. */
export interface Highlight {
  sel: number | null;
  nnSet: ReadonlySet<number>;
}

/** Dashed lines from the selected point to each of its neighbours. */
export function NeighbourLines({
  points,
  sel,
  nn,
  sx,
  sy,
  theme,
}: {
  points: readonly EmbeddingPoint[];
  sel: number;
  nn: readonly number[];
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
}) {
  const from = points[sel];
  return (
    <g className="nn-lines" stroke={theme.fg} strokeOpacity={0.5} strokeDasharray="4 3">
      {nn.map((j) =>
        Number.isFinite(points[j].x) && Number.isFinite(points[j].y) ? (
          <line key={j} x1={sx(from.x)} y1={sy(from.y)} x2={sx(points[j].x)} y2={sy(points[j].y)} />
        ) : null,
      )}
    </g>
  );
}

interface ScatterPointsProps {
  valid: readonly ValidPoint[];
  highlight: Highlight;
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
  /** Click: select the point, or clear the selection when it is the selected one. */
  onSelect: (i: number | null) => void;
}

/** The dots: the selection and its neighbours larger and outlined, the rest faded while something is selected. */
export function ScatterPoints({ valid, highlight, sx, sy, theme, onSelect }: ScatterPointsProps) {
  const { sel, nnSet } = highlight;
  return (
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
              onSelect(isSel ? null : i);
            }}
          />
        );
      })}
    </g>
  );
}

/** The placed labels, with a halo in the background colour so they stay readable over dots. */
export function PointLabels({
  labels,
  points,
  highlight,
  theme,
}: {
  labels: readonly PlacedLabel[];
  points: readonly EmbeddingPoint[];
  highlight: Highlight;
  theme: ChartTheme;
}) {
  const { sel, nnSet } = highlight;
  return (
    <g className="labels" fontSize={theme.fontSize * 0.92} fill={theme.fg} pointerEvents="none">
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
  );
}

interface ScatterMarksProps {
  points: readonly EmbeddingPoint[];
  valid: readonly ValidPoint[];
  nn: readonly number[];
  highlight: Highlight;
  labels: readonly PlacedLabel[];
  scales: { sx: Scale; sy: Scale };
  theme: ChartTheme;
  onSelect: (i: number | null) => void;
}

/** Everything inside the plot's clip: lines to the neighbours, the points, then their labels on top. */
export function ScatterMarks({
  points,
  valid,
  nn,
  highlight,
  labels,
  scales,
  theme,
  onSelect,
}: ScatterMarksProps) {
  const { sx, sy } = scales;
  const { sel } = highlight;
  return (
    <>
      {sel !== null && points[sel] && Number.isFinite(points[sel].x) && (
        <NeighbourLines points={points} sel={sel} nn={nn} sx={sx} sy={sy} theme={theme} />
      )}
      <ScatterPoints valid={valid} highlight={highlight} sx={sx} sy={sy} theme={theme} onSelect={onSelect} />
      <PointLabels labels={labels} points={points} highlight={highlight} theme={theme} />
    </>
  );
}

/** Back to the fitted view; disabled while the view is not zoomed or panned. */
export function ZoomToFitButton({ transform, onClick }: { transform: ZoomTransform; onClick: () => void }) {
  return (
    <button
      type="button"
      className="chart-button"
      onClick={onClick}
      disabled={transform.k === 1 && transform.x === 0 && transform.y === 0}
    >
      Zoom to fit
    </button>
  );
}
