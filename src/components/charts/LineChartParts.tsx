import type { ChartTheme } from './chartTheme';
import { formatValue } from './format';
import { LINE_DASH, RAW_OPACITY, type LineModel, type ReadoutRow } from './lineChartDraw';
import { SMOOTH_WEIGHT } from './lineChartModel';

/** The SVG lines of every series; a smoothed series is its faint raw line plus the smoothed one on top. */
export function SeriesPaths({
  model,
  clipId,
  theme,
}: {
  model: Pick<LineModel, 'lines' | 'paths' | 'smoothed' | 'smoothPaths' | 'canvasMode'>;
  clipId: string;
  theme: ChartTheme;
}) {
  const { lines, paths, smoothed, smoothPaths, canvasMode } = model;
  const lineWidth = 2.25 * theme.fontScale;
  return (
    // Clipped to the plot: with a fixed yDomain a value beyond it (a loss spike) was drawn across the page.
    <g
      className="lines"
      clipPath={`url(#${clipId})`}
      fill="none"
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      {!canvasMode &&
        lines.map((s, i) => (
          <g
            key={`${s.label}-${i}`}
            stroke={s.color}
            strokeDasharray={s.dashed ? LINE_DASH.join(' ') : undefined}
          >
            {smoothed?.[i] ? (
              <>
                <path
                  className="series-raw"
                  d={paths[i].d}
                  strokeOpacity={RAW_OPACITY}
                  strokeWidth={1.5 * theme.fontScale}
                />
                <path className="series-line series-smooth" d={smoothPaths[i].d} strokeWidth={lineWidth} />
              </>
            ) : (
              <path className="series-line" d={paths[i].d} strokeWidth={lineWidth} />
            )}
          </g>
        ))}
    </g>
  );
}

interface HoverMarkersProps {
  readout: readonly ReadoutRow[];
  model: Pick<LineModel, 'sx' | 'sy'>;
  log: boolean;
  innerH: number;
  theme: ChartTheme;
}

/** The dashed hover line and a dot on each series at the read-out's x. */
export function HoverMarkers({ readout, model, log, innerH, theme }: HoverMarkersProps) {
  const { sx, sy } = model;
  // (on a log step axis, step 0 has no position: no hover line for it)
  const hoverAt = readout[0] ? sx(readout[0].x) : NaN;
  if (!Number.isFinite(hoverAt)) return null;
  return (
    <g className="hover" data-export="skip" pointerEvents="none">
      <line x1={hoverAt} x2={hoverAt} y2={innerH} stroke={theme.fgMuted} strokeDasharray="3 3" />
      {readout.map((r, i) =>
        Number.isFinite(r.y) && (!log || r.y > 0) && Number.isFinite(sx(r.x)) ? (
          <circle
            key={i}
            cx={sx(r.x)}
            cy={sy(r.y)}
            r={4.5}
            fill={r.s.color}
            stroke={theme.bgRaised}
            strokeWidth={1.5}
          />
        ) : null,
      )}
    </g>
  );
}

/** The read-out line under the plot: x, then each series' value (and its raw value when smoothed). */
export function LineReadout({
  readout,
  xLabel,
  fmtY,
}: {
  readout: readonly ReadoutRow[] | null;
  xLabel?: string;
  fmtY: (v: number) => string;
}) {
  return (
    <div className="chart-readout" aria-live="off">
      {readout
        ? `${xLabel ?? 'x'} ${formatValue(readout[0]?.x ?? NaN, 5)} · ${readout
            .map((r) => `${r.s.label} ${fmtY(r.y)}${r.raw !== null ? ` (raw ${fmtY(r.raw)})` : ''}`)
            .join(' · ')}`
        : '\u00a0'}
    </div>
  );
}

interface StepTogglesProps {
  smooth: boolean;
  logSteps: boolean;
  onSmooth: (on: boolean) => void;
  onLogSteps: (on: boolean) => void;
}

/** The header toggles of a chart over training steps (native buttons: Tab, Enter and Space work). */
export function StepToggles({ smooth, logSteps, onSmooth, onLogSteps }: StepTogglesProps) {
  return (
    <>
      <button
        type="button"
        className="chart-button"
        aria-pressed={logSteps}
        onClick={() => onLogSteps(!logSteps)}
        title="Show the steps on a logarithmic axis (from step 1), so the start of a long run is not squeezed"
      >
        {/* Not "Log steps": a button whose name contains "step" would answer to the run's Step button's name. */}
        Log axis
      </button>
      <button
        type="button"
        className="chart-button"
        aria-pressed={smooth}
        onClick={() => onSmooth(!smooth)}
        title={`Smooth the curves (exponential moving average, weight ${SMOOTH_WEIGHT}); the raw values stay faint`}
      >
        Smooth
      </button>
    </>
  );
}
