import { line, type ScaleLinear } from 'd3';
import { AxisBottom, AxisLeft } from './Axes';
import { seriesColor, type ChartTheme } from './chartTheme';
import type { tangentSegment } from './functionPlotModel';
import type { Curve } from './useFunctionPlot';

/** FunctionPlot's SVG layers, each a plain function of its props. */

type Scale = ScaleLinear<number, number>;

/** The probe: a dot on f (and on f′), and a dashed rule down to the x-axis. */
export function ProbeMarks(props: {
  x: number;
  fy: number;
  dfy: number;
  hasDf: boolean;
  sx: Scale;
  sy: Scale;
  innerH: number;
  theme: ChartTheme;
}) {
  const { x, fy, dfy, hasDf, sx, sy, innerH, theme } = props;
  const [yLo, yHi] = sy.domain();
  const inside = (v: number) => Number.isFinite(v) && v >= yLo && v <= yHi;
  return (
    <>
      <line
        className="probe-rule"
        x1={sx(x)}
        x2={sx(x)}
        y2={innerH}
        stroke={theme.fgMuted}
        strokeDasharray="3 3"
      />
      {inside(fy) && (
        <circle
          className="probe"
          cx={sx(x)}
          cy={sy(fy)}
          r={6.5}
          fill={seriesColor(theme, 0)}
          stroke={theme.bgRaised}
          strokeWidth={2}
        />
      )}
      {hasDf && inside(dfy) && (
        <circle
          className="probe-d"
          cx={sx(x)}
          cy={sy(dfy)}
          r={5}
          fill={theme.bgRaised}
          stroke={seriesColor(theme, 1)}
          strokeWidth={2.5}
        />
      )}
    </>
  );
}

/** The sampled curves (gaps where a value is not finite or far off the chart) and the tangent at the probe. */
export function CurveLayer(props: {
  clipId: string;
  curves: readonly Curve[];
  tangent: ReturnType<typeof tangentSegment>;
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
}) {
  const { clipId, curves, tangent, sx, sy, theme } = props;
  const [yLo, yHi] = sy.domain();
  const lineGen = line<[number, number]>()
    .defined(([, y]) => Number.isFinite(y) && y >= yLo - (yHi - yLo) && y <= yHi + (yHi - yLo))
    .x(([x]) => sx(x))
    .y(([, y]) => sy(y));
  return (
    <g clipPath={`url(#${clipId})`} fill="none" strokeLinejoin="round">
      {curves.map((c, i) => (
        <path
          key={`${c.label}-${i}`}
          className="series-line"
          d={lineGen(c.pts) ?? ''}
          stroke={c.color}
          strokeWidth={2.5 * theme.fontScale}
          strokeDasharray={c.dashed ? '8 5' : undefined}
        />
      ))}
      {tangent && (
        <line
          className="tangent"
          x1={sx(tangent[0][0])}
          y1={sy(tangent[0][1])}
          x2={sx(tangent[1][0])}
          y2={sy(tangent[1][1])}
          stroke={theme.fg}
          strokeWidth={1.5}
          strokeOpacity={0.8}
        />
      )}
    </g>
  );
}

/** Zero lines of both axes where 0 is inside the domain. */
export function ZeroLines({
  sx,
  sy,
  innerW,
  innerH,
  theme,
}: {
  sx: Scale;
  sy: Scale;
  innerW: number;
  innerH: number;
  theme: ChartTheme;
}) {
  const [yLo, yHi] = sy.domain();
  const [x0, x1] = sx.domain();
  return (
    <>
      {yLo < 0 && yHi > 0 && (
        <line className="zero" x2={innerW} y1={sy(0)} y2={sy(0)} stroke={theme.fgMuted} strokeOpacity={0.7} />
      )}
      {x0 < 0 && x1 > 0 && (
        <line className="zero" x1={sx(0)} x2={sx(0)} y2={innerH} stroke={theme.fgMuted} strokeOpacity={0.7} />
      )}
    </>
  );
}

interface PlotLayersProps {
  clipId: string;
  margins: { left: number; top: number };
  curves: readonly Curve[];
  tangent: ReturnType<typeof tangentSegment> | null;
  probe: { x: number; fy: number; dfy: number; hasDf: boolean };
  scales: { sx: Scale; sy: Scale };
  labels: { xLabel: string; yLabel?: string };
  theme: ChartTheme;
}

/** The plot's clip path, then inside the margins: axes, zero lines, the clipped curves and tangent, and the probe. */
export function PlotLayers({
  clipId,
  margins,
  curves,
  tangent,
  probe,
  scales,
  labels,
  theme,
}: PlotLayersProps) {
  const { sx, sy } = scales;
  const innerW = sx.range()[1];
  const innerH = sy.range()[0];
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect width={innerW} height={innerH} />
        </clipPath>
      </defs>
      <g transform={`translate(${margins.left},${margins.top})`}>
        <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={labels.yLabel} />
        <AxisBottom scale={sx} theme={theme} offset={innerH} label={labels.xLabel} />
        <ZeroLines sx={sx} sy={sy} innerW={innerW} innerH={innerH} theme={theme} />
        <CurveLayer clipId={clipId} curves={curves} tangent={tangent} sx={sx} sy={sy} theme={theme} />
        <ProbeMarks {...probe} sx={sx} sy={sy} innerH={innerH} theme={theme} />
      </g>
    </>
  );
}
