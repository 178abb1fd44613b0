import { useEffect, useMemo, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { prepareCanvas } from './canvas';
import { isValidGrid, paintGrid, sampleGrid, type Grid2D } from './grid';
import { formatValue } from './format';
import { pickHandlers, type PlotPick } from './plotPick';
import {
  binaryPainter,
  boundaryPath,
  classColors,
  describeBoundary,
  multiClassPainter,
  outputAt,
  plotBox,
} from './decisionBoundaryModel';
import { EmptyPlotNote } from './EmptyPlotNote';
import { BoundaryPoints, MarkedRing, type BoundaryPoint } from './boundaryPoints';
import { localPoint } from './pointer';

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

export function DecisionBoundary({
  grid,
  predict,
  domain = [
    [-6, 6],
    [-6, 6],
  ],
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
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const k = Math.max(2, Math.floor(classes));
  const channels = k > 2 ? k : 1;

  const field = useSampledField(grid, predict, domain, resolution);
  const valid = isValidGrid(field, channels);
  const xd: [number, number] = valid ? field.xDomain : domain[0];
  const yd: [number, number] = valid ? field.yDomain : domain[1];

  const axisLabels = { xLabel, yLabel };
  const { m, innerW, innerH, left, svgHeight, sx, sy } = useBoundaryLayout(theme, [width, height], [xd, yd], {
    ...axisLabels,
    equalAspect,
  });
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const colors = classColors(theme, k);

  const { dragMove, ...pickProps } = pickHandlers(pick, (e) => pointAt(e, sx, sy, left, m.top), xd, yd);

  useBoundaryCanvas(canvasRef, valid ? field : undefined, k, colors, theme, innerW, innerH, version);

  const boundary = useMemo(() => {
    void version;
    if (!valid || k !== 2) return '';
    return boundaryPath(field, sx, sy);
  }, [field, valid, k, sx, sy, version]);

  const finitePoints = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const names = classLabels ?? colors.map((_, i) => `class ${i}`);
  const { legend, captionText } = describeBoundary({
    caption,
    valid,
    xd,
    points: finitePoints,
    colors,
    names,
    theme,
  });

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
        {...pickProps}
        onPointerMove={(e: PointerEvent<SVGSVGElement>) => {
          setHover(pointAt(e, sx, sy, left, m.top));
          dragMove?.(e);
        }}
        onPointerLeave={() => setHover(null)}
      >
        <defs>
          <clipPath id={`db-clip-${innerW}-${innerH}`}>
            <rect width={innerW} height={innerH} />
          </clipPath>
        </defs>
        <g transform={`translate(${left},${m.top})`}>
          <BoundaryAxes sx={sx} sy={sy} theme={theme} {...axisLabels} empty={!valid} />
          <g clipPath={`url(#db-clip-${innerW}-${innerH})`}>
            {boundary && <BoundaryLine d={boundary} theme={theme} />}
            <BoundaryPoints points={finitePoints} colors={colors} theme={theme} sx={sx} sy={sy} />
            <MarkedRing
              point={marked === undefined ? undefined : points[marked]}
              theme={theme}
              sx={sx}
              sy={sy}
            />
            {pick && (
              <circle
                className="picked"
                cx={sx(pick.point.x)}
                cy={sy(pick.point.y)}
                r={Math.max(5, 7 * theme.fontScale)}
                fill="none"
                stroke={theme.fg}
                strokeWidth={2}
              />
            )}
          </g>
        </g>
      </svg>
      <BoundaryReadout
        hover={hover}
        labels={[xLabel, yLabel]}
        output={valid ? (x, y) => outputAt(field, x, y, channels, names) : null}
      />
    </ChartFrame>
  );
}

/** Margins, the plot box (equal units on both axes when `equalAspect`) inside `width × height`, and its scales. */
function useBoundaryLayout(
  theme: ChartTheme,
  [width, height]: [number, number],
  [xd, yd]: [[number, number], [number, number]],
  opts: { xLabel: string; yLabel: string; equalAspect: boolean },
) {
  const m = chartMargins(theme, { xLabel: Boolean(opts.xLabel), yLabel: Boolean(opts.yLabel) });
  const boxW = Math.max(10, width - m.left - m.right);
  const boxH = Math.max(10, height - m.top - m.bottom);
  const { innerW, innerH, left } = plotBox(xd, yd, boxW, boxH, m.left, opts.equalAspect);
  const sx = useMemo(() => scaleLinear().domain(xd).range([0, innerW]), [xd, innerW]);
  const sy = useMemo(() => scaleLinear().domain(yd).range([innerH, 0]), [yd, innerH]);
  return { m, innerW, innerH, left, svgHeight: m.top + innerH + m.bottom, sx, sy };
}

/** The 0.5 contour between the two classes. */
function BoundaryLine({ d, theme }: { d: string; theme: ChartTheme }) {
  return (
    <path className="boundary" d={d} fill="none" stroke={theme.fg} strokeWidth={1.5} strokeOpacity={0.75} />
  );
}

/** The text read-out under the plot: the pointed-at position and, once there is a model, its output there. */
function BoundaryReadout({
  hover,
  labels: [xLabel, yLabel],
  output,
}: {
  hover: { x: number; y: number } | null;
  labels: [string, string];
  output: ((x: number, y: number) => string) | null;
}) {
  return (
    <p className="chart-readout" data-testid="boundary-readout" aria-live="off">
      {hover
        ? `${xLabel} = ${formatValue(hover.x)}, ${yLabel} = ${formatValue(hover.y)}` +
          (output ? ` → ${output(hover.x, hover.y)}` : '')
        : 'Point at the plot to read the model’s output there.'}
    </p>
  );
}

/** Paints the model's output into the canvas under the SVG whenever the grid, its size, theme or data version change. */
function useBoundaryCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  field: Grid2D | undefined,
  k: number,
  colors: readonly string[],
  theme: ChartTheme,
  innerW: number,
  innerH: number,
  version: number | undefined,
) {
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx || !field) return;
    const painter =
      k === 2
        ? binaryPainter(field.values, theme.bgRaised, colors)
        : multiClassPainter(field.values, k, theme.bgRaised, colors);
    paintGrid(ctx, field, painter, innerW, innerH);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- colors derive from theme; version covers in-place data
  }, [field, version, theme, k, innerW, innerH]);
}

/** Axes, the plot's frame and, before there is any output, a note saying so. */
function BoundaryAxes({
  sx,
  sy,
  theme,
  xLabel,
  yLabel,
  empty,
}: {
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
  theme: ChartTheme;
  xLabel: string;
  yLabel: string;
  empty: boolean;
}) {
  const innerW = sx.range()[1];
  const innerH = sy.range()[0];
  return (
    <>
      <AxisLeft
        scale={sy}
        theme={theme}
        offset={0}
        label={yLabel}
        ticks={Math.max(3, Math.round(innerH / (theme.fontSize * 3.5)))}
      />
      <AxisBottom
        scale={sx}
        theme={theme}
        offset={innerH}
        label={xLabel}
        ticks={Math.max(3, Math.round(innerW / (theme.fontSize * 4.5)))}
      />
      <rect width={innerW} height={innerH} fill="none" stroke={theme.border} />
      {empty && (
        <EmptyPlotNote width={innerW} height={innerH} fontSize={theme.fontSize}>
          No model output yet
        </EmptyPlotNote>
      )}
    </>
  );
}

/** The grid to show: the one given, or `predict` sampled over `domain` (compared by value, so a new array is fine). */
function useSampledField(
  grid: Grid2D | undefined,
  predict: ((x: number, y: number) => number) | undefined,
  domain: [[number, number], [number, number]],
  resolution: number,
): Grid2D | undefined {
  const [[x0, x1], [y0, y1]] = domain;
  return useMemo(() => {
    if (grid) return grid;
    if (predict) return sampleGrid(predict, [x0, x1], [y0, y1], Math.min(200, resolution));
    return undefined;
  }, [grid, predict, resolution, x0, x1, y0, y1]);
}

/** The data point under the pointer, or null outside the plot. */
function pointAt(
  e: PointerEvent<SVGSVGElement>,
  sx: ScaleLinear<number, number>,
  sy: ScaleLinear<number, number>,
  left: number,
  top: number,
): { x: number; y: number } | null {
  const at = localPoint(e.clientX, e.clientY, e.currentTarget);
  const px = at.x - left;
  const py = at.y - top;
  const inside = px >= 0 && px <= sx.range()[1] && py >= 0 && py <= sy.range()[0];
  return inside ? { x: sx.invert(px), y: sy.invert(py) } : null;
}
