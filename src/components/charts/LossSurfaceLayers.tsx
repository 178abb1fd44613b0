import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import type { ChartTheme } from './chartTheme';
import {
  movePickCursor,
  type ContourModel,
  type DrawnPath,
  type EdgeMark,
  type GradientArrow,
  type Scale,
} from './lossSurfaceModel';
import { EmptyPlotNote } from './EmptyPlotNote';
import { localPoint } from './pointer';

/** The SVG layers of LossSurface's contour map, each a plain function of its props. */

export function ContourBands({
  model,
  colorAt,
  theme,
}: {
  model: ContourModel | null;
  colorAt: (t: number) => string;
  theme: ChartTheme;
}) {
  return (
    <g className="contours">
      {model?.bands.map((b, i) => (
        <path
          key={i}
          d={b.d}
          fill={colorAt(b.t)}
          stroke={theme.fgMuted}
          strokeOpacity={0.25}
          strokeWidth={0.75}
        />
      ))}
    </g>
  );
}

export function OptimiserPaths({
  drawn,
  sx,
  sy,
  theme,
}: {
  drawn: readonly DrawnPath[];
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
}) {
  return (
    <g className="paths" fill="none" strokeLinejoin="round">
      {drawn.map((p, i) => (
        <g key={`${p.label}-${i}`} className="opt-path">
          <path d={p.d} stroke={theme.bgRaised} strokeWidth={5 * theme.fontScale} strokeOpacity={0.7} />
          <path className="opt-line" d={p.d} stroke={p.color} strokeWidth={2.5 * theme.fontScale} />
          {p.first && (
            <rect
              className="opt-start"
              x={sx(p.first[0]) - 4}
              y={sy(p.first[1]) - 4}
              width={8}
              height={8}
              fill={theme.bgRaised}
              stroke={p.color}
              strokeWidth={2}
            />
          )}
          {p.outside && <EdgeArrow mark={p.outside} color={p.color} theme={theme} />}
          {p.last && !p.outside && (
            <circle
              className="opt-current"
              cx={sx(p.last[0])}
              cy={sy(p.last[1])}
              r={6.5 * theme.fontScale}
              fill={p.color}
              stroke={theme.fg}
              strokeWidth={1.5}
            />
          )}
        </g>
      ))}
    </g>
  );
}

/** The current point beyond the plot: a notched arrowhead just inside the edge, pointing to where it is. */
function EdgeArrow({ mark, color, theme }: { mark: EdgeMark; color: string; theme: ChartTheme }) {
  const k = theme.fontScale;
  const inset = 2 * k; // the tip stays inside the plot's clip, so the whole arrowhead shows
  return (
    <path
      className="opt-offchart"
      d={`M${-inset},0L${-inset - 18 * k},${-7 * k}L${-inset - 12 * k},0L${-inset - 18 * k},${7 * k}Z`}
      transform={`translate(${mark.x},${mark.y}) rotate(${mark.angle})`}
      fill={color}
      stroke={theme.fg}
      strokeWidth={1.25}
      strokeLinejoin="round"
    />
  );
}

export function GradientArrowMark({ arrow, theme }: { arrow: GradientArrow; theme: ChartTheme }) {
  return (
    <g className="gradient-arrow" stroke={theme.fg} fill={theme.fg}>
      <line x1={arrow.x} y1={arrow.y} x2={arrow.tx} y2={arrow.ty} strokeWidth={2.5} />
      <path d={arrow.head} stroke="none" />
      <text x={arrow.tx + 6} y={arrow.ty - 6} stroke="none" fontSize={theme.fontSize} fontWeight={600}>
        −∇L
      </text>
    </g>
  );
}

export function PickCursor({
  at,
  sx,
  sy,
  theme,
}: {
  at: [number, number];
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
}) {
  const x = sx(at[0]);
  const y = sy(at[1]);
  return (
    <g className="pick-cursor" data-export="skip" stroke={theme.focus} strokeWidth={2}>
      <line x1={x - 10} x2={x + 10} y1={y} y2={y} />
      <line x1={x} x2={x} y1={y - 10} y2={y + 10} />
    </g>
  );
}

export interface ContourMapProps {
  width: number;
  height: number;
  margins: { left: number; top: number };
  sx: Scale;
  sy: Scale;
  theme: ChartTheme;
  contours: ContourModel | null;
  colorAt: (t: number) => string;
  drawn: readonly DrawnPath[];
  arrow: GradientArrow | null;
  labels: { x: string; y: string };
  ariaLabel: string;
  /** Click / Enter picks a start (clamped to the domain); without it the map is not interactive. */
  onPickStart?: (x: number, y: number) => void;
}

/**
 * Picking a start on the map: a click inside the plot area, or the keyboard — arrows move a cursor (Shift: further),
 * Enter or Space picks it, Escape hides it. Picks are clamped to the domain; without `onPickStart` nothing happens.
 */
function useStartPicking(
  sx: Scale,
  sy: Scale,
  m: ContourMapProps['margins'],
  onPickStart: ContourMapProps['onPickStart'],
) {
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const [xd, yd] = [sx.domain() as [number, number], sy.domain() as [number, number]];
  const innerW = Math.abs(sx.range()[1] - sx.range()[0]);
  const innerH = Math.abs(sy.range()[0] - sy.range()[1]);

  const pick = (x: number, y: number) => {
    const cx = Math.max(xd[0], Math.min(xd[1], x));
    const cy = Math.max(Math.min(yd[0], yd[1]), Math.min(Math.max(yd[0], yd[1]), y));
    onPickStart?.(cx, cy);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPickStart) return;
    const at = localPoint(e.clientX, e.clientY, e.currentTarget);
    const px = at.x - m.left;
    const py = at.y - m.top;
    if (px < 0 || py < 0 || px > innerW || py > innerH) return;
    pick(sx.invert(px), sy.invert(py));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!onPickStart) return;
    const at = cursor ?? [(xd[0] + xd[1]) / 2, (yd[0] + yd[1]) / 2];
    if (e.key === 'Escape') return setCursor(null);
    if (e.key === 'Enter' || e.key === ' ') pick(at[0], at[1]);
    else {
      const next = movePickCursor(e.key, e.shiftKey, at, xd, yd);
      if (!next) return;
      setCursor(next);
    }
    e.preventDefault();
    e.stopPropagation();
  };
  return { cursor, onClick, onKey, clearCursor: () => setCursor(null) };
}

/** LossSurface's 2D mode: contour bands, optimiser paths, the gradient arrow, axes, and start picking. */
export function ContourMap(props: ContourMapProps) {
  const {
    width,
    height,
    margins: m,
    sx,
    sy,
    theme,
    contours,
    colorAt,
    drawn,
    arrow,
    labels,
    onPickStart,
  } = props;
  const innerW = Math.abs(sx.range()[1] - sx.range()[0]);
  const innerH = Math.abs(sy.range()[0] - sy.range()[1]);
  const { cursor, onClick, onKey, clearCursor } = useStartPicking(sx, sy, m, onPickStart);
  const clipId = `ls-clip-${innerW}-${innerH}`;

  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={props.ariaLabel}
      tabIndex={onPickStart ? 0 : undefined}
      onClick={onClick}
      onKeyDown={onKey}
      onBlur={clearCursor}
      style={{ cursor: onPickStart ? 'crosshair' : undefined }}
    >
      <defs>
        <clipPath id={clipId}>
          <rect width={innerW} height={innerH} />
        </clipPath>
      </defs>
      <g transform={`translate(${m.left},${m.top})`}>
        <rect width={innerW} height={innerH} fill={theme.bgRaised} stroke={theme.border} />
        <g clipPath={`url(#${clipId})`}>
          <ContourBands model={contours} colorAt={colorAt} theme={theme} />
          <OptimiserPaths drawn={drawn} sx={sx} sy={sy} theme={theme} />
          {arrow && <GradientArrowMark arrow={arrow} theme={theme} />}
          {cursor && <PickCursor at={cursor} sx={sx} sy={sy} theme={theme} />}
        </g>
        {!contours && (
          <EmptyPlotNote width={innerW} height={innerH} fontSize={theme.fontSize}>
            No loss surface yet
          </EmptyPlotNote>
        )}
        <AxisLeft scale={sy} theme={theme} offset={0} label={labels.y} />
        <AxisBottom scale={sx} theme={theme} offset={innerH} label={labels.x} />
      </g>
    </svg>
  );
}
