import { useId, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { line, scaleLinear, type ScaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue, padDomain } from './format';
import { autoYDomain, probeKeyTarget, safeEval, sampleCurve, tangentSegment } from './functionPlotModel';
import { localPoint } from './pointer';

type Scale = ScaleLinear<number, number>;

/**
 * FunctionPlot — f(x) and its derivative f′(x) (activations, losses) with a probe point you can drag, or move with
 * the arrow keys, that reads out x, f(x) and f′(x) and draws the tangent.
 *
 * Props:
 * - `f`: (x) => number. `df`: optional derivative (x) => number, drawn dashed.
 * - `fLabel` (default 'f(x)'), `dfLabel` (default 'f′(x)').
 * - `extra`: more curves for comparison, `{ label, f, color? }[]` (no probe read-out).
 * - `xDomain` (default [-4, 4]); `yDomain` (default: from the sampled values, clipped to [-10, 10]).
 * - `probe` / `onProbeChange`: controlled probe x; uncontrolled when `probe` is undefined (starts at `initialProbe`,
 *   default 0.5 of the way along the domain … 1/2 of the width).
 * - `samples` (default 300), `height` (default 260), `width`, `title`, `xLabel` (default 'x'), `yLabel`, `caption`.
 * - `showTangent` (default true).
 * Non-finite values of f leave gaps.
 */
export interface FunctionPlotProps {
  f: (x: number) => number;
  df?: (x: number) => number;
  fLabel?: string;
  dfLabel?: string;
  extra?: readonly { label: string; f: (x: number) => number; color?: string }[];
  xDomain?: [number, number];
  yDomain?: [number, number];
  probe?: number;
  initialProbe?: number;
  onProbeChange?: (x: number) => void;
  samples?: number;
  height?: number;
  width?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  caption?: string;
  showTangent?: boolean;
}

type Curve = { label: string; color: string; dashed: boolean; pts: [number, number][] };

/** The probe: a dot on f (and on f′), and a dashed rule down to the x-axis. */
function ProbeMarks(props: {
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
function CurveLayer(props: {
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
function ZeroLines({
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

export function FunctionPlot({
  f,
  df,
  fLabel = 'f(x)',
  dfLabel = 'f′(x)',
  extra = [],
  xDomain = [-4, 4],
  yDomain,
  probe,
  initialProbe,
  onProbeChange,
  samples = 300,
  height = 260,
  width: fixedWidth,
  title,
  xLabel = 'x',
  yLabel,
  caption,
  showTangent = true,
}: FunctionPlotProps) {
  const theme = useChartTheme();
  const clipId = `fp-clip-${useId().replace(/[^\w-]/g, '')}`;
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const [x0, x1] = padDomain([Math.min(xDomain[0], xDomain[1]), Math.max(xDomain[0], xDomain[1])]);
  const [px, setProbe] = useProbe(x0, x1, probe, initialProbe, onProbeChange);

  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const n = Math.max(2, Math.min(5000, Math.floor(samples)));

  const curves = useCurves({ f, df, fLabel, dfLabel, extra, theme, n, x0, x1 });
  const sy = useMemo(
    () =>
      scaleLinear()
        .domain(padDomain(yDomain ?? autoYDomain(curves)))
        .range([innerH, 0])
        .nice(),
    [curves, yDomain, innerH],
  );
  const sx = scaleLinear().domain([x0, x1]).range([0, innerW]);

  const fy = safeEval(f, px);
  const dfy = df ? safeEval(df, px) : NaN;
  const readout = `${xLabel} = ${formatValue(px)}, ${fLabel} = ${formatValue(fy)}${df ? `, ${dfLabel} = ${formatValue(dfy)}` : ''}`;

  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    setProbe(sx.invert(localPoint(e.clientX, 0, e.currentTarget).x - m.left));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const target = probeKeyTarget(e.key, e.shiftKey, px, x0, x1);
    if (target === null) return;
    setProbe(target);
    e.preventDefault();
    e.stopPropagation(); // arrows here move the probe, not the lesson
  };
  const tangent = showTangent && df ? tangentSegment(px, fy, dfy, x0, x1) : null;

  const legend = curves.map((c) => ({
    label: c.label,
    color: c.color,
    shape: c.dashed ? ('dashed' as const) : undefined,
  }));
  const captionText = `${caption ? `${caption} ` : ''}Probe at ${readout}.`;

  return (
    <ChartFrame
      kind="function"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      footer={
        <div className="chart-readout" data-testid="function-readout">
          {readout}
        </div>
      }
    >
      <svg
        width={width}
        height={height}
        role="slider"
        aria-label={`${title ?? 'Function plot'}: probe position`}
        aria-valuemin={x0}
        aria-valuemax={x1}
        aria-valuenow={Number(px.toFixed(4))}
        aria-valuetext={readout}
        tabIndex={0}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          onPointer(e);
        }}
        onPointerMove={onPointer}
        onKeyDown={onKey}
        style={{ touchAction: 'none', cursor: 'ew-resize' }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect width={innerW} height={innerH} />
          </clipPath>
        </defs>
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} gridLength={innerW} label={yLabel} />
          <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} />
          <ZeroLines sx={sx} sy={sy} innerW={innerW} innerH={innerH} theme={theme} />
          <CurveLayer clipId={clipId} curves={curves} tangent={tangent} sx={sx} sy={sy} theme={theme} />
          <ProbeMarks
            x={px}
            fy={fy}
            dfy={dfy}
            hasDf={Boolean(df)}
            sx={sx}
            sy={sy}
            innerH={innerH}
            theme={theme}
          />
        </g>
      </svg>
    </ChartFrame>
  );
}

/** The probe's x: controlled (`probe`) or the plot's own, always clamped to the domain; moving it reports back. */
function useProbe(
  x0: number,
  x1: number,
  probe: number | undefined,
  initialProbe: number | undefined,
  onProbeChange: ((x: number) => void) | undefined,
): [number, (x: number) => void] {
  const [ownProbe, setOwnProbe] = useState(initialProbe ?? (x0 + x1) / 2);
  const px = Math.max(x0, Math.min(x1, probe ?? ownProbe));
  const setProbe = (x: number) => {
    const v = Math.max(x0, Math.min(x1, x));
    if (probe === undefined) setOwnProbe(v);
    onProbeChange?.(v);
  };
  return [px, setProbe];
}

/** f, then f′ (dashed) and any extra functions, each sampled at n points over [x0, x1]. */
function useCurves(opts: {
  f: (x: number) => number;
  df: ((x: number) => number) | undefined;
  fLabel: string;
  dfLabel: string;
  extra: NonNullable<FunctionPlotProps['extra']>;
  theme: ChartTheme;
  n: number;
  x0: number;
  x1: number;
}): Curve[] {
  const { f, df, fLabel, dfLabel, extra, theme, n, x0, x1 } = opts;
  return useMemo(() => {
    const fns = [
      { label: fLabel, fn: f, color: seriesColor(theme, 0), dashed: false },
      ...(df ? [{ label: dfLabel, fn: df, color: seriesColor(theme, 1), dashed: true }] : []),
      ...extra.map((e, i) => ({
        label: e.label,
        fn: e.f,
        color: e.color ?? seriesColor(theme, i + 2),
        dashed: false,
      })),
    ];
    return fns.map(({ fn, ...c }) => ({ ...c, pts: sampleCurve(fn, x0, x1, n) }));
  }, [f, df, extra, fLabel, dfLabel, theme, n, x0, x1]);
}
