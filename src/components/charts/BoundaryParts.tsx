import { AxisBottom, AxisLeft } from './Axes';
import type { ScaleLinear } from 'd3';
import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';
import type { PlotPick } from './plotPick';
import { EmptyPlotNote } from './EmptyPlotNote';
import { BoundaryPoints, MarkedRing, type BoundaryPoint } from './boundaryPoints';

/** DecisionBoundary's SVG and text parts, each a plain function of its props. */

/** The 0.5 contour between the two classes. */
function BoundaryLine({ d, theme }: { d: string; theme: ChartTheme }) {
  return (
    <path className="boundary" d={d} fill="none" stroke={theme.fg} strokeWidth={1.5} strokeOpacity={0.75} />
  );
}

/** The text read-out under the plot: the pointed-at position and, once there is a model, its output there. */
export function BoundaryReadout({
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

/** Axes, the plot's frame and, before there is any output, a note saying so. */
export function BoundaryAxes({
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

interface BoundaryMarksProps {
  clipId: string;
  /** The 0.5 contour's path data ('' when there is none: no model yet, or more than two classes). */
  boundary: string;
  points: readonly BoundaryPoint[];
  marked?: BoundaryPoint;
  pick?: PlotPick;
  colors: readonly string[];
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
  theme: ChartTheme;
}

/** Everything drawn over the coloured field, clipped to the plot: the boundary, the points, the marked and picked one. */
export function BoundaryMarks({
  clipId,
  boundary,
  points,
  marked,
  pick,
  colors,
  sx,
  sy,
  theme,
}: BoundaryMarksProps) {
  return (
    <g clipPath={`url(#${clipId})`}>
      {boundary && <BoundaryLine d={boundary} theme={theme} />}
      <BoundaryPoints points={points} colors={colors} theme={theme} sx={sx} sy={sy} />
      <MarkedRing point={marked} theme={theme} sx={sx} sy={sy} />
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
  );
}

/** The clip path that keeps points and the boundary inside the plot box. */
export function PlotClip({ id, width, height }: { id: string; width: number; height: number }) {
  return (
    <defs>
      <clipPath id={id}>
        <rect width={width} height={height} />
      </clipPath>
    </defs>
  );
}
