import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { formatValue } from './format';
import { prepareCanvas } from './canvas';
import { logStepTickFormat, pixelsPerDecade, seriesKey, type LineSeries } from './lineChartModel';
import {
  buildLineModel,
  drawLinesOnCanvas,
  lineCaption,
  lineLegend,
  nextHoverX,
  readoutAt,
  type LineModel,
  type LineModelInput,
  type ReadoutRow,
} from './lineChartDraw';
import { EmptyPlotNote } from './EmptyPlotNote';
import { HoverMarkers, LineReadout, SeriesPaths, StepToggles } from './LineChartParts';
import { useOncePerFrame } from './useOncePerFrame';
import { localPoint } from './pointer';

export type { LineSeries } from './lineChartModel';

/**
 * LineChart — several series over a shared x axis (loss curves, train vs validation, optimisers side by side).
 *
 * Props:
 * - `series`: LineSeries[] — each `{ label, y, x?, length?, color?, dashed?, smooth? }` (typed arrays welcome; `x` defaults
 *   to the index; `length` = how many leading entries are valid) or `{ label, buffer }` with a SeriesBuffer.
 * - `version`: bump it when you mutate arrays in place (live charts); the chart redraws when it changes, so React never
 *   diffs big arrays. Without it the chart redraws whenever `series` changes identity.
 * - `yScale`: 'linear' (default) | 'log' (values ≤ 0 are skipped).
 * - `xLabel`, `yLabel`, `title`: axis labels and title.
 * - `xDomain`, `yDomain`: fixed domains (otherwise from the finite data).
 * - `height` (default 240), `width` (default: the container's width).
 * - `caption`: a sentence before the automatic text alternative (last and min values of each series).
 * - `stepOptions`: for charts over training steps, "Log axis" and "Smooth" toggles in the header. `true` shows them
 *   off; `{ smooth: true }` (noisy mini-batch losses) or `{ logSteps: true }` starts them on. Smoothing is
 *   TensorBoard's debiased exponential moving average (weight 0.9) with the raw line kept faint underneath; the log
 *   step axis runs from step 1 (step 0 cannot be placed on it and is left out, as the caption says).
 *   A series with `smooth: false` (a baseline, a sparse validation curve) is always drawn as it is.
 * Non-finite points are skipped (a gap in the line) and never affect the scale. 100k points per series stay fast
 * (downsampled per pixel column). Hover or focus + arrow keys show a read-out of all series at one x.
 */
export interface LineChartProps {
  series: readonly LineSeries[];
  version?: number;
  yScale?: 'linear' | 'log';
  xLabel?: string;
  yLabel?: string;
  title?: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  height?: number;
  width?: number;
  caption?: string;
  formatY?: (v: number) => string;
  /** 'auto' (default): SVG paths, or a canvas when there are more than 2,000 points in all. */
  renderer?: 'auto' | 'svg' | 'canvas';
  stepOptions?: boolean | StepOptions;
}

export interface StepOptions {
  /** Start with the smoothed curve shown (noisy mini-batch losses). */
  smooth?: boolean;
  /** Start with a log-scaled step axis (long runs). */
  logSteps?: boolean;
}

/**
 * The hover read-out: each series' value at one x, moved by the pointer or (when the chart has focus) the arrow keys,
 * Home, End and Escape. `handlers` go on the plot's <svg>.
 */
function useLineReadout(model: LineModel, innerW: number, left: number) {
  const { sx, lines, smoothed } = model;
  const [hoverX, setHoverX] = useState<number | null>(null);
  const readout = useMemo(
    () => (hoverX === null ? null : readoutAt(lines, smoothed, hoverX)),
    [hoverX, lines, smoothed],
  );
  const clear = () => setHoverX(null);
  const handlers = {
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => {
      const x = sx.invert(localPoint(e.clientX, 0, e.currentTarget).x - left);
      setHoverX(Math.max(sx.domain()[0], Math.min(sx.domain()[1], x)));
    },
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
      const next = nextHoverX(e.key, e.shiftKey, sx, hoverX, innerW);
      if (next === undefined) return;
      e.preventDefault();
      e.stopPropagation(); // arrows here move the read-out, not the lesson
      setHoverX(next);
    },
    onPointerLeave: clear,
    onBlur: clear,
  };
  return { readout, handlers };
}

/** The "Log axis" and "Smooth" toggles of a chart over training steps, starting as `stepOptions` asks. */
function useStepOptions(stepOptions: LineChartProps['stepOptions']) {
  const initial = typeof stepOptions === 'object' ? stepOptions : {};
  const [smooth, setSmooth] = useState(Boolean(initial.smooth));
  const [logX, setLogX] = useState(Boolean(initial.logSteps));
  const actions = stepOptions ? (
    <StepToggles smooth={smooth} logSteps={logX} onSmooth={setSmooth} onLogSteps={setLogX} />
  ) : undefined;
  return { smooth, logX, actions };
}

/** Dense data: draws the lines on the canvas after each model change (nothing to do in SVG mode). */
function useLineCanvas(model: LineModel, log: boolean, innerW: number, innerH: number, theme: ChartTheme) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!model.canvasMode) return;
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (ctx) drawLinesOnCanvas(ctx, model, log, theme.fontScale);
  }, [model, log, innerW, innerH, theme]);
  return canvasRef;
}

type LineModelOptions = Omit<LineModelInput, 'series' | 'palette'>;

/**
 * The chart's model, rebuilt only when the data (identity, length, version), size, scale or theme change — and at
 * most once per animation frame however often the version changes (downsampling up to 100k points per series).
 */
function useLineModel(
  series: readonly LineSeries[],
  version: number | undefined,
  theme: ChartTheme,
  o: LineModelOptions,
) {
  const { log, logX, smooth, xDomain, yDomain, innerW, innerH, renderer } = o;
  const drawnVersion = useOncePerFrame(version);
  const key = seriesKey(series, version !== undefined);
  return useMemo(() => {
    void drawnVersion; // dependencies on purpose: arrays may be mutated in place
    void key;
    const palette = (i: number) => seriesColor(theme, i);
    return buildLineModel({ series, palette, log, logX, smooth, xDomain, yDomain, innerW, innerH, renderer });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `series` is tracked by `key` (identity + length)
  }, [key, drawnVersion, theme, log, logX, smooth, xDomain, yDomain, innerW, innerH, renderer]);
}

interface LinePlotBodyProps {
  model: LineModel;
  labels: { xLabel?: string; yLabel?: string; xFormat?: (v: number) => string };
  size: { innerW: number; innerH: number };
  log: boolean;
  readout: readonly ReadoutRow[] | null;
  theme: ChartTheme;
}

/** Inside the plot's margins: axes, the clipped lines, the empty note and the hover markers. */
function LinePlotBody({ model, labels, size, log, readout, theme }: LinePlotBodyProps) {
  const { innerW, innerH } = size;
  const clipId = `line-clip-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <>
      <AxisLeft scale={model.sy} theme={theme} offset={0} gridLength={innerW} label={labels.yLabel} />
      <AxisBottom
        scale={model.sx}
        theme={theme}
        offset={innerH}
        label={labels.xLabel}
        format={labels.xFormat}
      />
      <defs>
        <clipPath id={clipId}>
          <rect x={-2} y={-2} width={innerW + 4} height={innerH + 4} />
        </clipPath>
      </defs>
      <SeriesPaths model={model} clipId={clipId} theme={theme} />
      {model.empty && (
        <EmptyPlotNote width={innerW} height={innerH} fontSize={theme.fontSize * 1.1}>
          No data yet
        </EmptyPlotNote>
      )}
      {readout && <HoverMarkers readout={readout} model={model} log={log} innerH={innerH} theme={theme} />}
    </>
  );
}

export function LineChart({
  series,
  version,
  yScale = 'linear',
  xLabel,
  yLabel,
  title,
  xDomain,
  yDomain,
  height = 240,
  width: fixedWidth,
  caption,
  formatY,
  renderer = 'auto',
  stepOptions,
}: LineChartProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const { smooth, logX, actions } = useStepOptions(stepOptions);
  const log = yScale === 'log';
  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const options = { log, logX, smooth, xDomain, yDomain, innerW, innerH, renderer };
  const model = useLineModel(series, version, theme, options);
  const canvasRef = useLineCanvas(model, log, innerW, innerH, theme);
  const { readout, handlers } = useLineReadout(model, innerW, m.left);
  const fmtY = formatY ?? ((v: number) => formatValue(v, 4));
  const captionText = lineCaption({ caption, model, logX, fmtY });
  const xFormat = logX ? logStepTickFormat(pixelsPerDecade(model.sx), theme.fontSize) : undefined;

  return (
    <ChartFrame
      kind="line"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={lineLegend(model.lines)}
      actions={actions}
      footer={<LineReadout readout={readout} xLabel={xLabel} fmtY={fmtY} />}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title ?? 'Line chart'}: ${captionText}`}
        tabIndex={0}
        {...handlers}
      >
        <g transform={`translate(${m.left},${m.top})`}>
          <LinePlotBody
            model={model}
            labels={{ xLabel, yLabel, xFormat }}
            size={{ innerW, innerH }}
            log={log}
            readout={readout}
            theme={theme}
          />
        </g>
      </svg>
      {model.canvasMode && (
        <canvas
          ref={canvasRef}
          className="line-canvas"
          aria-hidden="true"
          style={{ left: m.left, top: m.top, pointerEvents: 'none' }}
        />
      )}
    </ChartFrame>
  );
}
