import { useId, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { chartMargins } from './Axes';
import { useChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue, padDomain } from './format';
import { autoYDomain, safeEval, tangentSegment } from './functionPlotModel';
import { PlotLayers } from './FunctionPlotParts';
import { useCurves, useProbe, useProbeInput, type Curve } from './useFunctionPlot';

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

/** x over the (padded) domain; y over the given domain or the curves' values (clipped, see autoYDomain), nice. */
function usePlotScales(
  curves: readonly Curve[],
  yDomain: [number, number] | undefined,
  [x0, x1]: [number, number],
  [innerW, innerH]: [number, number],
) {
  const sy = useMemo(
    () =>
      scaleLinear()
        .domain(padDomain(yDomain ?? autoYDomain(curves)))
        .range([innerH, 0])
        .nice(),
    [curves, yDomain, innerH],
  );
  return { sx: scaleLinear().domain([x0, x1]).range([0, innerW]), sy };
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
  const { sx, sy } = usePlotScales(curves, yDomain, [x0, x1], [innerW, innerH]);

  const fy = safeEval(f, px);
  const dfy = df ? safeEval(df, px) : NaN;
  const readout = `${xLabel} = ${formatValue(px)}, ${fLabel} = ${formatValue(fy)}${df ? `, ${dfLabel} = ${formatValue(dfy)}` : ''}`;

  const handlers = useProbeInput(px, setProbe, sx, m.left);
  const tangent = showTangent && df ? tangentSegment(px, fy, dfy, x0, x1) : null;

  const captionText = `${caption ? `${caption} ` : ''}Probe at ${readout}.`;

  return (
    <ChartFrame
      kind="function"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={curveLegend(curves)}
      footer={<FunctionReadout text={readout} />}
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
        {...handlers}
        style={{ touchAction: 'none', cursor: 'ew-resize' }}
      >
        <PlotLayers
          clipId={clipId}
          margins={m}
          curves={curves}
          tangent={tangent}
          probe={{ x: px, fy, dfy, hasDf: Boolean(df) }}
          scales={{ sx, sy }}
          labels={{ xLabel, yLabel }}
          theme={theme}
        />
      </svg>
    </ChartFrame>
  );
}

/** Legend entries: f′ (dashed) shows a dashed swatch. */
function curveLegend(curves: readonly Curve[]) {
  return curves.map((c) => ({
    label: c.label,
    color: c.color,
    shape: c.dashed ? ('dashed' as const) : undefined,
  }));
}

function FunctionReadout({ text }: { text: string }) {
  return (
    <div className="chart-readout" data-testid="function-readout">
      {text}
    </div>
  );
}
