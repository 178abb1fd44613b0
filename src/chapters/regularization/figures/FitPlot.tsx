import { scaleLinear, type ScaleLinear } from 'd3';
import { useId } from 'react';
import { ChartFrame, seriesColor, useChartTheme, type ChartTheme } from '../../../components/charts';
import { AxisBottom, AxisLeft, chartMargins } from '../../../components/charts/Axes';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { fitCurvePath } from './fitPlotModel';

/**
 * FitPlot — noisy samples and fitted curves of a 1-D regression: training points filled, validation points hollow,
 * the true function dashed, one or more fitted curves solid.
 *
 * Props: `trainX/trainY`, `valX/valY` (points), `curveX` (x of every curve), `curves: {label, y, dashed?}[]`,
 * `yDomain` (default [−2, 2]; a wild fit is clipped at the frame, never rescales it), `title`, `height`, `caption`.
 */
export interface FitCurve {
  label: string;
  y: ArrayLike<number>;
  dashed?: boolean;
  /** Series colour index (0 = the first Okabe–Ito colour). */
  color?: number;
}

export interface FitPlotProps {
  trainX: ArrayLike<number>;
  trainY: ArrayLike<number>;
  valX: ArrayLike<number>;
  valY: ArrayLike<number>;
  curveX: ArrayLike<number>;
  curves: readonly FitCurve[];
  yDomain?: [number, number];
  title?: string;
  height?: number;
  caption: string;
}

export function FitPlot({
  trainX,
  trainY,
  valX,
  valY,
  curveX,
  curves,
  yDomain = [-2, 2],
  title,
  height = 200,
  caption,
}: FitPlotProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(undefined);
  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const sx = scaleLinear().domain([-1, 1]).range([0, innerW]);
  const sy = scaleLinear().domain(yDomain).range([innerH, 0]);
  const clipId = useId();
  const r = Math.max(3, theme.fontSize * 0.3);
  const samples = { sx, sy, yDomain };
  return (
    <ChartFrame
      kind="fit"
      title={title}
      caption={caption}
      theme={theme}
      plotRef={plotRef}
      legend={fitLegend(theme, curves)}
    >
      <svg width={width} height={height} role="img" aria-label={`${title ?? 'Fit'}: ${caption}`}>
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={innerW} height={innerH} />
          </clipPath>
        </defs>
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label="y" />
          <AxisBottom scale={sx} theme={theme} offset={innerH} label="x" />
          <Samples
            {...samples}
            keyPrefix="v"
            xs={valX}
            ys={valY}
            r={r * 0.8}
            fill="none"
            stroke={theme.fgMuted}
          />
          <g clipPath={`url(#${clipId})`}>
            {curves.map((c, k) => (
              <path
                key={c.label}
                d={fitCurvePath(curveX, c.y, sx, sy, yDomain)}
                fill="none"
                stroke={seriesColor(theme, c.color ?? k)}
                strokeWidth={2 * theme.fontScale}
                strokeDasharray={c.dashed ? '6 4' : undefined}
              />
            ))}
          </g>
          <Samples
            {...samples}
            keyPrefix="t"
            xs={trainX}
            ys={trainY}
            r={r}
            fill={theme.fg}
            stroke={theme.bg}
          />
        </g>
      </svg>
    </ChartFrame>
  );
}

/** Legend entries: the two kinds of samples, then one per curve. */
function fitLegend(theme: ChartTheme, curves: readonly FitCurve[]) {
  return [
    { label: 'training samples', color: theme.fg, shape: 'dot' as const },
    { label: 'validation samples', color: theme.fgMuted, shape: 'hollow' as const },
    ...curves.map((c) => ({
      label: c.label,
      color: seriesColor(theme, c.color ?? 0),
      shape: c.dashed ? ('dashed' as const) : ('line' as const),
    })),
  ];
}

/** One set of samples as dots, clamped to the y domain so an outlier stays visible on the frame's edge. */
function Samples({
  xs,
  ys,
  sx,
  sy,
  yDomain,
  r,
  fill,
  stroke,
  keyPrefix,
}: {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
  yDomain: readonly [number, number];
  r: number;
  fill: string;
  stroke: string;
  keyPrefix: string;
}) {
  const [lo, hi] = yDomain;
  return Array.from({ length: xs.length }, (_, i) => (
    <circle
      key={`${keyPrefix}${i}`}
      cx={sx(xs[i])}
      cy={sy(Math.max(lo, Math.min(hi, ys[i])))}
      r={r}
      fill={fill}
      stroke={stroke}
      strokeWidth={1}
    />
  ));
}
