import { useMemo } from 'react';
import { scaleLinear } from 'd3';
import { ChartFrame, useChartTheme } from '../../../components/charts';
import { AxisBottom, AxisLeft, chartMargins } from '../../../components/charts/Axes';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { clippedCurvePath, curveLegend } from './curvePlotModel';

/**
 * Curves and points over x (1-D fits, maxout pieces). Props:
 * - `curves`: `{ label, x, y, color, dashed?, width?, opacity?, legend? }[]` (typed arrays welcome; non-finite y
 *   leaves a gap). `legend: false` keeps a curve out of the legend (e.g. one of many pieces).
 * - `points`: `{ x, y, hollow? }[]` drawn as dots (hollow = test data).
 * - `xDomain`, `yDomain`, `xLabel`, `yLabel`, `title`, `caption` (text alternative), `height`.
 */
export interface PlotCurve {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dashed?: boolean;
  width?: number;
  opacity?: number;
  legend?: boolean;
}

interface PlotPoint {
  x: number;
  y: number;
  hollow?: boolean;
}

export function CurvePlot({
  curves,
  points = [],
  xDomain,
  yDomain,
  xLabel = 'x',
  yLabel,
  title,
  caption,
  height = 260,
  testId,
}: {
  curves: readonly PlotCurve[];
  points?: readonly PlotPoint[];
  xDomain: [number, number];
  yDomain: [number, number];
  xLabel?: string;
  yLabel?: string;
  title?: string;
  caption: string;
  height?: number;
  testId?: string;
}) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(undefined);
  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const sx = scaleLinear().domain(xDomain).range([0, innerW]);
  const sy = scaleLinear().domain(yDomain).range([innerH, 0]);
  const paths = curves.map((c) => clippedCurvePath(c, sx, sy, yDomain));
  const legend = useMemo(() => curveLegend(curves), [curves]);
  const clipId = `cp-${(title ?? 'plot').replace(/\W/g, '')}`;

  return (
    <ChartFrame kind="curves" title={title} caption={caption} theme={theme} plotRef={plotRef} legend={legend}>
      <svg width={width} height={height} role="img" aria-label={caption} data-testid={testId}>
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={sx} theme={theme} offset={innerH} gridLength={innerH} label={xLabel} />
          <clipPath id={clipId}>
            <rect width={innerW} height={innerH} />
          </clipPath>
          <g clipPath={`url(#${clipId})`}>
            <DataPoints points={points} sx={sx} sy={sy} color={theme.fgMuted} />
            {curves.map((c, i) => (
              <path
                key={i}
                d={paths[i]}
                fill="none"
                stroke={c.color}
                strokeWidth={c.width ?? 2.5}
                strokeDasharray={c.dashed ? '6 4' : undefined}
                opacity={c.opacity ?? 1}
              />
            ))}
          </g>
        </g>
      </svg>
    </ChartFrame>
  );
}

/** The data as dots (hollow = test data), muted so the curves stay in front. */
function DataPoints({
  points,
  sx,
  sy,
  color,
}: {
  points: readonly PlotPoint[];
  sx: (x: number) => number;
  sy: (y: number) => number;
  color: string;
}) {
  return points.map((p, i) => (
    <circle
      key={i}
      cx={sx(p.x)}
      cy={sy(p.y)}
      r={3}
      fill={p.hollow ? 'none' : color}
      stroke={color}
      strokeWidth={1.2}
      opacity={0.7}
    />
  ));
}
