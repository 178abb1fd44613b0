import { scaleLinear } from 'd3';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft, chartMargins } from '../../../components/charts/Axes';
import { ChartFrame, seriesColor, useChartTheme, type LegendItem } from '../../../components/charts';
import { useElementWidth } from '../../../components/charts/useElementWidth';
import { localPoint } from '../../../components/charts';

/**
 * DragPlot — points a student drags (mouse, touch, or focus + arrow keys: each handle is a slider), with lines and
 * segments drawn under them. Used by step 1 (predictions and targets per example) and step 2 (regression points).
 *
 * Props:
 * - `handles`: `{ id, x, y, label, color?, shape?: 'dot' | 'diamond', axes?: 'y' | 'xy' }[]` — 'y' handles move
 *   vertically only. `onMove(id, x, y)` gets the new position, already clamped to the domains.
 * - `lines`: `{ w, b, label, color?, dashed? }[]` drawn as y = w·x + b. `segments`: `{ x1, y1, x2, y2, color? }[]`.
 * - `xDomain`, `yDomain`, `xLabel`, `yLabel`, `title`, `caption`, `legend`, `height` (default 260), `keyStep`
 *   (arrow-key step in data units, default 0.1; Shift = ×5), `xTicks` (label x ticks with these strings).
 */
export interface DragHandle {
  id: string;
  x: number;
  y: number;
  label: string;
  color?: string;
  shape?: 'dot' | 'diamond';
  axes?: 'y' | 'xy';
}

export interface DragPlotProps {
  handles: readonly DragHandle[];
  onMove(id: string, x: number, y: number): void;
  lines?: readonly { w: number; b: number; label: string; color?: string; dashed?: boolean }[];
  segments?: readonly { x1: number; y1: number; x2: number; y2: number; color?: string }[];
  xDomain: [number, number];
  yDomain: [number, number];
  xLabel?: string;
  yLabel?: string;
  title: string;
  caption: string;
  legend?: readonly LegendItem[];
  height?: number;
  keyStep?: number;
  xTicks?: readonly { x: number; label: string }[];
}

const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));

type Scale = ReturnType<typeof scaleLinear<number, number>>;
type Theme = ReturnType<typeof useChartTheme>;

/** The arrow-key move of one handle in data units; a 'y' handle maps Left/Right onto its y too. */
function keyDelta(h: DragHandle, key: string, d: number): [number, number] | undefined {
  const delta: Record<string, [number, number]> = {
    ArrowUp: [0, d],
    ArrowDown: [0, -d],
    ArrowRight: [h.axes === 'y' ? 0 : d, h.axes === 'y' ? d : 0],
    ArrowLeft: [h.axes === 'y' ? 0 : -d, h.axes === 'y' ? -d : 0],
  };
  return delta[key];
}

interface DragInput {
  handles: readonly DragHandle[];
  onMove: DragPlotProps['onMove'];
  xDomain: [number, number];
  yDomain: [number, number];
  keyStep: number;
  sx: Scale;
  sy: Scale;
  margin: { left: number; top: number };
}

/** Pointer drag and arrow keys for the handles: every move is clamped to the domains before `onMove`. */
function useDragHandles({ handles, onMove, xDomain, yDomain, keyStep, sx, sy, margin }: DragInput) {
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const move = (h: DragHandle, x: number, y: number) =>
    onMove(h.id, h.axes === 'y' ? h.x : clamp(x, xDomain), clamp(y, yDomain));

  const onPointerMove = (e: PointerEvent) => {
    const h = handles.find((d) => d.id === dragging.current);
    if (!h || !svgRef.current) return;
    const at = localPoint(e.clientX, e.clientY, svgRef.current);
    move(h, sx.invert(at.x - margin.left), sy.invert(at.y - margin.top));
  };
  const stopDrag = () => (dragging.current = null);
  const startDrag = (h: DragHandle, e: PointerEvent) => {
    dragging.current = h.id;
    (e.target as Element).setPointerCapture?.(e.pointerId);
  };
  const onKey = (h: DragHandle, e: KeyboardEvent) => {
    const step = keyDelta(h, e.key, keyStep * (e.shiftKey ? 5 : 1));
    if (!step) return;
    e.preventDefault();
    e.stopPropagation(); // arrows move the point, not the lesson step
    move(h, h.x + step[0], h.y + step[1]);
  };
  return { svgRef, onPointerMove, stopDrag, startDrag, onKey };
}

/** Named x ticks (e.g. example names) instead of a numeric axis. */
function NamedXTicks(props: {
  ticks: readonly { x: number; label: string }[];
  sx: Scale;
  innerW: number;
  innerH: number;
  theme: Theme;
}) {
  const { ticks, sx, innerW, innerH, theme } = props;
  return (
    <g>
      <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke={theme.border} />
      {ticks.map((t) => (
        <text
          key={t.label}
          x={sx(t.x)}
          y={innerH + theme.fontSize * 1.4}
          textAnchor="middle"
          fontSize={theme.fontSize}
          fill={theme.fgMuted}
        >
          {t.label}
        </text>
      ))}
    </g>
  );
}

interface LinesLayerProps {
  lines: NonNullable<DragPlotProps['lines']>;
  segments: NonNullable<DragPlotProps['segments']>;
  xDomain: [number, number];
  sx: Scale;
  sy: Scale;
  innerW: number;
  innerH: number;
  theme: Theme;
}

/** Lines y = w·x + b and segments, clipped to the plot area. */
function LinesLayer({ lines, segments, xDomain, sx, sy, innerW, innerH, theme }: LinesLayerProps) {
  return (
    <svg width={innerW} height={innerH} overflow="hidden">
      {lines.map((l, i) => (
        <line
          key={l.label}
          x1={0}
          x2={innerW}
          y1={sy(l.w * xDomain[0] + l.b)}
          y2={sy(l.w * xDomain[1] + l.b)}
          stroke={l.color ?? seriesColor(theme, i)}
          strokeWidth={2.5 * theme.fontScale}
          strokeDasharray={l.dashed ? '7 5' : undefined}
        />
      ))}
      {segments.map((s, i) => (
        <line
          key={i}
          x1={sx(s.x1)}
          y1={sy(s.y1)}
          x2={sx(s.x2)}
          y2={sy(s.y2)}
          stroke={s.color ?? theme.fgMuted}
          strokeWidth={1.5 * theme.fontScale}
        />
      ))}
    </svg>
  );
}

interface HandleMarkProps {
  h: DragHandle;
  at: [number, number];
  r: number;
  yDomain: [number, number];
  theme: Theme;
  onPointerDown(e: PointerEvent): void;
  onKeyDown(e: KeyboardEvent): void;
}

/** One draggable handle: a slider for assistive tech, with a larger transparent hit area. */
function HandleMark({ h, at, r, yDomain, theme, onPointerDown, onKeyDown }: HandleMarkProps) {
  return (
    <g
      role="slider"
      tabIndex={0}
      aria-label={h.label}
      aria-valuenow={Number(h.y.toFixed(2))}
      aria-valuemin={yDomain[0]}
      aria-valuemax={yDomain[1]}
      aria-valuetext={h.axes === 'y' ? h.y.toFixed(2) : `x ${h.x.toFixed(2)}, y ${h.y.toFixed(2)}`}
      data-testid={`handle-${h.id}`}
      className="loss-handle"
      transform={`translate(${at[0]},${at[1]})`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    >
      {h.shape === 'diamond' ? (
        <rect
          x={-r}
          y={-r}
          width={2 * r}
          height={2 * r}
          transform="rotate(45)"
          fill={theme.bgRaised}
          stroke={h.color ?? theme.fg}
          strokeWidth={2.5}
        />
      ) : (
        <circle r={r} fill={h.color ?? seriesColor(theme, 0)} stroke={theme.bgRaised} strokeWidth={1.5} />
      )}
      <circle r={r * 2.2} fill="transparent" />
    </g>
  );
}

export function DragPlot(props: DragPlotProps) {
  const { handles, onMove, lines = [], segments = [], xDomain, yDomain, height = 260, keyStep = 0.1 } = props;
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(undefined);
  const m = chartMargins(theme, { xLabel: Boolean(props.xLabel), yLabel: Boolean(props.yLabel) });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const sx = scaleLinear().domain(xDomain).range([0, innerW]);
  const sy = scaleLinear().domain(yDomain).range([innerH, 0]);
  const r = Math.max(6, 7 * theme.fontScale);
  const drag = useDragHandles({ handles, onMove, xDomain, yDomain, keyStep, sx, sy, margin: m });

  return (
    <ChartFrame
      kind="drag-plot"
      title={props.title}
      caption={props.caption}
      theme={theme}
      plotRef={plotRef}
      legend={props.legend}
    >
      <svg
        ref={drag.svgRef}
        width={width}
        height={height}
        className="loss-dragplot"
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.stopDrag}
        onPointerLeave={drag.stopDrag}
      >
        <g transform={`translate(${m.left},${m.top})`}>
          <AxisLeft scale={sy} theme={theme} offset={0} label={props.yLabel} gridLength={innerW} />
          {props.xTicks ? (
            <NamedXTicks ticks={props.xTicks} sx={sx} innerW={innerW} innerH={innerH} theme={theme} />
          ) : (
            <AxisBottom scale={sx} theme={theme} offset={innerH} label={props.xLabel} />
          )}
          <LinesLayer {...{ lines, segments, xDomain, sx, sy, innerW, innerH, theme }} />
          {handles.map((h) => (
            <HandleMark
              key={h.id}
              h={h}
              at={[sx(h.x), sy(h.y)]}
              r={r}
              yDomain={yDomain}
              theme={theme}
              onPointerDown={(e) => drag.startDrag(h, e)}
              onKeyDown={(e) => drag.onKey(h, e)}
            />
          ))}
        </g>
      </svg>
    </ChartFrame>
  );
}
