import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import type { Grid2D } from './grid';
import type { PlotPick } from './plotPick';
import { classColors, describeBoundary, outputAt } from './decisionBoundaryModel';
import type { BoundaryPoint } from './boundaryPoints';
import { BoundaryAxes, BoundaryMarks, BoundaryReadout, PlotClip } from './BoundaryParts';
import {
  useBoundaryCanvas,
  useBoundaryField,
  useBoundaryLayout,
  useBoundaryPath,
  useBoundaryPointer,
} from './useBoundary';

export { classColors } from './decisionBoundaryModel';

/**
 * DecisionBoundary — a classifier's output over the 2D input plane as a canvas heatmap (crisp on high-DPI screens),
 * the 0.5 boundary as a line, and the data on top: train points filled, test points hollow.
 *
 * Props:
 * - `grid`: Grid2D (see grid.ts) of P(class 1) in [0, 1] (binary), or with `classes` = k > 2, k probabilities per
 *   cell: `values[(j·nx + i)·k + c]`. Or `predict(x, y)` → P(class 1) with `domain` and `resolution` (default 60).
 * - `classes`: number of classes (default 2).
 * - `points`: `{ x, y, label, test? }[]` — label is the class index.
 * - `classLabels`: names for the legend (default 'class 0', 'class 1', …).
 * - `domain`: [[x0, x1], [y0, y1]] when there is no grid (default [-6, 6]²).
 * - `version`: bump when mutating `grid.values` in place.
 * - `title`, `xLabel` (default 'x₁'), `yLabel` (default 'x₂'), `height` (default 340, the most it may use), `width`,
 *   `caption`.
 * - `equalAspect` (default true): one unit is as long on both axes (a circle stays a circle); the plot takes the
 *   largest such rectangle that fits, centred.
 * - `pick`: `{ point, onPick(x, y) }` makes the plot a place to put something: press (and drag) sets the point, the
 *   arrow keys move it when the plot has focus. The point is drawn as a ring.
 * - `marked`: index into `points` of a point drawn with a ring around it (the one a figure is inspecting). Drawn in
 *   the plot's own coordinates, so it stays on its point under any zoom or resize.
 * Hovering (or touching) the plot reads out the point under the pointer and the model's output there.
 * Colours: class 0 = --negative, class 1 = --positive (more classes: the series colours).
 */
export type { BoundaryPoint } from './boundaryPoints';

export interface DecisionBoundaryProps {
  grid?: Grid2D;
  predict?: (x: number, y: number) => number;
  domain?: [[number, number], [number, number]];
  resolution?: number;
  classes?: number;
  points?: readonly BoundaryPoint[];
  classLabels?: readonly string[];
  version?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  height?: number;
  width?: number;
  caption?: string;
  equalAspect?: boolean;
  pick?: PlotPick;
  marked?: number;
}

const DEFAULT_DOMAIN: [[number, number], [number, number]] = [
  [-6, 6],
  [-6, 6],
];

export function DecisionBoundary({
  grid,
  predict,
  domain = DEFAULT_DOMAIN,
  resolution = 60,
  classes = 2,
  points = [],
  classLabels,
  version,
  title,
  xLabel = 'x₁',
  yLabel = 'x₂',
  height = 340,
  width: fixedWidth,
  caption,
  equalAspect = true,
  pick,
  marked,
}: DecisionBoundaryProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const k = Math.max(2, Math.floor(classes));
  const channels = k > 2 ? k : 1;
  const { field, valid, xd, yd } = useBoundaryField(grid, predict, domain, resolution, channels);
  const axisLabels = { xLabel, yLabel };
  const layout = useBoundaryLayout(theme, [width, height], [xd, yd], { ...axisLabels, equalAspect });
  const { m, innerW, innerH, left, svgHeight, sx, sy } = layout;
  const colors = classColors(theme, k);
  const canvasRef = useBoundaryCanvas(field, k, colors, theme, innerW, innerH, version);
  const { hover, handlers } = useBoundaryPointer(pick, layout, xd, yd);
  const boundary = useBoundaryPath(field, k, layout, version);

  const finitePoints = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const names = classLabels ?? colors.map((_, i) => `class ${i}`);
  const description = { caption, valid, xd, points: finitePoints, colors, names, theme };
  const { legend, captionText } = describeBoundary(description);

  return (
    <ChartFrame
      kind="decision-boundary"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
    >
      <canvas ref={canvasRef} style={{ left, top: m.top }} aria-hidden="true" />
      <svg
        width={width}
        height={svgHeight}
        role="img"
        aria-label={`${title ?? 'Decision boundary'}: ${captionText}${pick ? ' Press or drag on the plot, or use the arrow keys, to move the marked point.' : ''}`}
        {...handlers}
      >
        <PlotClip id={`db-clip-${innerW}-${innerH}`} width={innerW} height={innerH} />
        <g transform={`translate(${left},${m.top})`}>
          <BoundaryAxes sx={sx} sy={sy} theme={theme} {...axisLabels} empty={!valid} />
          <BoundaryMarks
            clipId={`db-clip-${innerW}-${innerH}`}
            boundary={boundary}
            points={finitePoints}
            marked={marked === undefined ? undefined : points[marked]}
            pick={pick}
            colors={colors}
            sx={sx}
            sy={sy}
            theme={theme}
          />
        </g>
      </svg>
      <BoundaryReadout
        hover={hover}
        labels={[xLabel, yLabel]}
        output={field ? (x, y) => outputAt(field, x, y, channels, names) : null}
      />
    </ChartFrame>
  );
}
