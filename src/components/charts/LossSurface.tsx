import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { contours, interpolateLab, range, scaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { prepareCanvas } from './canvas';
import { gridPath, isValidGrid, sampleAt, sampleGrid, type Grid2D } from './grid';
import { drawSurface3D, type View3D } from './surface3d';
import { formatValue } from './format';
import { ColorBar } from './ColorBar';

/**
 * LossSurface — a loss over two parameters as filled contours (d3-contour), optimiser paths drawn live, each path's
 * current point, the gradient arrow, and click (or arrow keys + Enter) to set a starting point. A second mode shows
 * the same grid as a shaded 3D surface, rotated by dragging or with the arrow keys.
 *
 * Props:
 * - `grid`: Grid2D of loss values (see grid.ts), or `f(x, y)` with `domain` ([[x0,x1],[y0,y1]], default [-2,2]²)
 *   and `resolution` (default 80).
 * - `paths`: `{ label, points, length?, color? }[]` — points flat `[x0, y0, x1, y1, …]` (a Float32Array is ideal),
 *   `length` = number of valid POINTS (default points.length / 2). The last point is the current one.
 * - `gradient`: `{ x, y, dx, dy }` — ∇L at (x, y); drawn as an arrow pointing downhill (−∇L).
 * - `onPickStart(x, y)`: called on click / Enter; without it the surface is not clickable.
 * - `logLevels`: contour levels spaced logarithmically (for steep, ill-conditioned losses). `levels` (default 14).
 * - `mode` / `onModeChange` (controlled) or `defaultMode`: '2d' | '3d'.
 * - `version`: bump when mutating arrays in place. `title`, `xLabel` ('w₁'), `yLabel` ('w₂'), `zLabel` ('loss'),
 *   `height` (default 360), `width`, `caption`.
 */
export interface OptimiserPath {
  label: string;
  points: ArrayLike<number>;
  length?: number;
  color?: string;
}

export interface LossSurfaceProps {
  grid?: Grid2D;
  f?: (x: number, y: number) => number;
  domain?: [[number, number], [number, number]];
  resolution?: number;
  paths?: readonly OptimiserPath[];
  gradient?: { x: number; y: number; dx: number; dy: number };
  onPickStart?: (x: number, y: number) => void;
  logLevels?: boolean;
  levels?: number;
  mode?: '2d' | '3d';
  defaultMode?: '2d' | '3d';
  onModeChange?: (mode: '2d' | '3d') => void;
  version?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  zLabel?: string;
  height?: number;
  width?: number;
  caption?: string;
}

/** Path colours: start at series 2 so they contrast with the blue contour shading. */
function pathColor(theme: ChartTheme, i: number) {
  return seriesColor(theme, i + 1);
}

/** Contour fill: low loss = strong blue, high loss = near the background. */
function surfaceColor(theme: ChartTheme) {
  const ramp = interpolateLab(theme.series[0], theme.bgRaised);
  return (t: number) => ramp(0.1 + 0.85 * Math.max(0, Math.min(1, t)));
}

function pathLength(p: OptimiserPath) {
  return Math.max(0, Math.min(p.length ?? Infinity, Math.floor(p.points.length / 2)));
}

export function LossSurface({
  grid,
  f,
  domain = [
    [-2, 2],
    [-2, 2],
  ],
  resolution = 80,
  paths = [],
  gradient,
  onPickStart,
  logLevels = false,
  levels = 14,
  mode,
  defaultMode = '2d',
  onModeChange,
  version,
  title,
  xLabel = 'w₁',
  yLabel = 'w₂',
  zLabel = 'loss',
  height = 360,
  width: fixedWidth,
  caption,
}: LossSurfaceProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [ownMode, setOwnMode] = useState(defaultMode);
  const current = mode ?? ownMode;
  const setMode = (next: '2d' | '3d') => {
    if (mode === undefined) setOwnMode(next);
    onModeChange?.(next);
  };
  const [view, setView] = useState<View3D>({ azimuth: -0.6, elevation: 0.6 });
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const drag = useRef<{ x: number; y: number; view: View3D } | null>(null);

  const field = useMemo(() => {
    if (grid) return grid;
    if (f) return sampleGrid(f, domain[0], domain[1], Math.min(200, resolution));
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `domain` compared by value
  }, [grid, f, resolution, domain[0][0], domain[0][1], domain[1][0], domain[1][1]]);
  const valid = isValidGrid(field);
  const xd: [number, number] = valid ? field.xDomain : domain[0];
  const yd: [number, number] = valid ? field.yDomain : domain[1];

  const m = chartMargins(theme, { xLabel: true, yLabel: true });
  const innerW = Math.max(10, width - m.left - m.right);
  const innerH = Math.max(10, height - m.top - m.bottom);
  const sx = useMemo(() => scaleLinear().domain(xd).range([0, innerW]), [xd, innerW]);
  const sy = useMemo(() => scaleLinear().domain(yd).range([innerH, 0]), [yd, innerH]);
  const colorAt = useMemo(() => surfaceColor(theme), [theme]);

  const contourModel = useMemo(() => {
    void version;
    if (!valid) return null;
    const n = field.nx * field.ny;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = field.values[i];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi >= lo)) return null;
    const eps = (hi - lo) * 1e-3 || 1e-6;
    const tf = (v: number) => (logLevels ? Math.log(v - lo + eps) : v);
    const t0 = tf(lo);
    const t1 = tf(hi);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = field.values[i];
      values[i] = Number.isFinite(v) ? tf(v) : t1; // NaN/Inf cells count as the highest level
    }
    const count = Math.max(2, Math.min(40, Math.floor(levels)));
    const thresholds = range(count).map((i) => t0 + ((t1 - t0) * i) / count);
    const path = gridPath(field, sx, sy);
    const bands = contours().size([field.nx, field.ny]).thresholds(thresholds)(Array.from(values));
    return {
      lo,
      hi,
      toT: (v: number) => (t1 > t0 ? (tf(v) - t0) / (t1 - t0) : 0),
      bands: bands.map((b) => ({ d: path(b) ?? '', t: t1 > t0 ? (b.value - t0) / (t1 - t0) : 0 })),
    };
  }, [field, valid, version, logLevels, levels, sx, sy]);

  const drawn = paths.map((p, i) => {
    const len = pathLength(p);
    const stride = Math.max(1, Math.ceil(len / 2000));
    let d = '';
    let pen = false;
    for (let k = 0; k < len; k = k === len - 1 ? len : Math.min(len - 1, k + stride)) {
      const x = p.points[2 * k];
      const y = p.points[2 * k + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      pen = true;
    }
    const last = len > 0 ? [p.points[2 * (len - 1)], p.points[2 * (len - 1) + 1]] : null;
    const first = len > 0 ? [p.points[0], p.points[1]] : null;
    return { label: p.label, color: p.color ?? pathColor(theme, i), d, len, last, first };
  });

  // 3D drawing
  useEffect(() => {
    if (current !== '3d') return;
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx || !valid) return;
    drawSurface3D(
      ctx,
      field,
      width,
      height,
      view,
      {
        colorAt,
        pathColors: paths.map((p, i) => p.color ?? pathColor(theme, i)),
        fg: theme.fg,
        fgMuted: theme.fgMuted,
        font: `${theme.fontSize * 1.1}px ${theme.fontFamily}`,
      },
      paths.map((p) => ({ points: p.points, length: pathLength(p) })),
      { x: xLabel, y: yLabel, z: zLabel },
    );
  }, [current, field, valid, width, height, view, colorAt, paths, theme, xLabel, yLabel, zLabel, version]);

  const pick = (x: number, y: number) => {
    if (!onPickStart) return;
    const cx = Math.max(xd[0], Math.min(xd[1], x));
    const cy = Math.max(Math.min(yd[0], yd[1]), Math.min(Math.max(yd[0], yd[1]), y));
    onPickStart(cx, cy);
  };
  const onClick2D = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - r.left - m.left;
    const py = e.clientY - r.top - m.top;
    if (px < 0 || py < 0 || px > innerW || py > innerH) return;
    pick(sx.invert(px), sy.invert(py));
  };
  const onKey2D = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!onPickStart) return;
    const [cx, cy] = cursor ?? [(xd[0] + xd[1]) / 2, (yd[0] + yd[1]) / 2];
    const dx = (xd[1] - xd[0]) / (e.shiftKey ? 10 : 40);
    const dy = (yd[1] - yd[0]) / (e.shiftKey ? 10 : 40);
    let next: [number, number];
    if (e.key === 'ArrowLeft') next = [cx - dx, cy];
    else if (e.key === 'ArrowRight') next = [cx + dx, cy];
    else if (e.key === 'ArrowUp') next = [cx, cy + dy];
    else if (e.key === 'ArrowDown') next = [cx, cy - dy];
    else if (e.key === 'Enter' || e.key === ' ') {
      pick(cx, cy);
      e.preventDefault();
      e.stopPropagation();
      return;
    } else if (e.key === 'Escape') {
      setCursor(null);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    setCursor([Math.max(xd[0], Math.min(xd[1], next[0])), Math.max(yd[0], Math.min(yd[1], next[1]))]);
  };
  const onKey3D = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const d = e.shiftKey ? 0.3 : 0.1;
    if (e.key === 'ArrowLeft') setView((v) => ({ ...v, azimuth: v.azimuth - d }));
    else if (e.key === 'ArrowRight') setView((v) => ({ ...v, azimuth: v.azimuth + d }));
    else if (e.key === 'ArrowUp') setView((v) => ({ ...v, elevation: clampElev(v.elevation + d) }));
    else if (e.key === 'ArrowDown') setView((v) => ({ ...v, elevation: clampElev(v.elevation - d) }));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const gradArrow = (() => {
    if (!gradient || ![gradient.x, gradient.y, gradient.dx, gradient.dy].every(Number.isFinite)) return null;
    const x = sx(gradient.x);
    const y = sy(gradient.y);
    // pixel direction of −∇L (sy flips y)
    const vx = -gradient.dx * (innerW / (xd[1] - xd[0]));
    const vy = gradient.dy * (innerH / (yd[1] - yd[0]));
    const l = Math.hypot(vx, vy);
    if (l === 0) return null;
    const len = 46 * theme.fontScale;
    const ux = vx / l;
    const uy = vy / l;
    const tx = x + ux * len;
    const ty = y + uy * len;
    const h = 9 * theme.fontScale;
    const head = `M${tx},${ty}L${tx - ux * h - uy * h * 0.55},${ty - uy * h + ux * h * 0.55}L${tx - ux * h + uy * h * 0.55},${ty - uy * h - ux * h * 0.55}Z`;
    return { x, y, tx, ty, head, norm: Math.hypot(gradient.dx, gradient.dy) };
  })();

  const legend = drawn.map((p) => ({ label: p.label, color: p.color }));
  const pathText = drawn
    .map((p) => {
      if (!p.last) return `${p.label}: no steps yet`;
      const v = valid ? sampleAt(field, p.last[0], p.last[1]) : NaN;
      return `${p.label}: ${p.len} points, now at (${formatValue(p.last[0])}, ${formatValue(p.last[1])})${Number.isFinite(v) ? `, loss ≈ ${formatValue(v)}` : ''}`;
    })
    .join('; ');
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (contourModel
      ? `Loss from ${formatValue(contourModel.lo)} (strongest blue) to ${formatValue(contourModel.hi)} (closest to the background). `
      : 'No loss surface to show. ') +
    (pathText ? `${pathText}.` : '') +
    (gradArrow ? ` Gradient norm ${formatValue(gradArrow.norm)}.` : '');

  const actions = (
    <button
      type="button"
      className="chart-button"
      aria-pressed={current === '3d'}
      onClick={() => setMode(current === '3d' ? '2d' : '3d')}
      title="Switch between contour map and rotatable 3D surface"
    >
      3D view
    </button>
  );

  return (
    <ChartFrame
      kind="loss-surface"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
      actions={actions}
    >
      {current === '3d' ? (
        <canvas
          ref={canvasRef}
          className="surface-3d"
          tabIndex={0}
          role="img"
          aria-label={`${title ?? 'Loss surface'} in 3D, rotate by dragging or with the arrow keys. ${captionText}`}
          style={{
            position: 'relative',
            display: 'block',
            width,
            height,
            cursor: 'grab',
            touchAction: 'none',
          }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            drag.current = { x: e.clientX, y: e.clientY, view };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d) return;
            setView({
              azimuth: d.view.azimuth + (e.clientX - d.x) * 0.01,
              elevation: clampElev(d.view.elevation + (e.clientY - d.y) * 0.01),
            });
          }}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKey3D}
        />
      ) : (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title ?? 'Loss surface'}: ${captionText}${onPickStart ? ' Click, or use the arrow keys and Enter, to choose a starting point.' : ''}`}
          tabIndex={onPickStart ? 0 : undefined}
          onClick={onClick2D}
          onKeyDown={onKey2D}
          onBlur={() => setCursor(null)}
          style={{ cursor: onPickStart ? 'crosshair' : undefined }}
        >
          <defs>
            <clipPath id={`ls-clip-${innerW}-${innerH}`}>
              <rect width={innerW} height={innerH} />
            </clipPath>
          </defs>
          <g transform={`translate(${m.left},${m.top})`}>
            <rect width={innerW} height={innerH} fill={theme.bgRaised} stroke={theme.border} />
            <g clipPath={`url(#ls-clip-${innerW}-${innerH})`}>
              <g className="contours">
                {contourModel?.bands.map((b, i) => (
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
              <g className="paths" fill="none" strokeLinejoin="round">
                {drawn.map((p, i) => (
                  <g key={`${p.label}-${i}`} className="opt-path">
                    <path
                      d={p.d}
                      stroke={theme.bgRaised}
                      strokeWidth={5 * theme.fontScale}
                      strokeOpacity={0.7}
                    />
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
                    {p.last && (
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
              {gradArrow && (
                <g className="gradient-arrow" stroke={theme.fg} fill={theme.fg}>
                  <line
                    x1={gradArrow.x}
                    y1={gradArrow.y}
                    x2={gradArrow.tx}
                    y2={gradArrow.ty}
                    strokeWidth={2.5}
                  />
                  <path d={gradArrow.head} stroke="none" />
                  <text
                    x={gradArrow.tx + 6}
                    y={gradArrow.ty - 6}
                    stroke="none"
                    fontSize={theme.fontSize}
                    fontWeight={600}
                  >
                    −∇L
                  </text>
                </g>
              )}
              {cursor && (
                <g className="pick-cursor" data-export="skip" stroke={theme.focus} strokeWidth={2}>
                  <line
                    x1={sx(cursor[0]) - 10}
                    x2={sx(cursor[0]) + 10}
                    y1={sy(cursor[1])}
                    y2={sy(cursor[1])}
                  />
                  <line
                    x1={sx(cursor[0])}
                    x2={sx(cursor[0])}
                    y1={sy(cursor[1]) - 10}
                    y2={sy(cursor[1]) + 10}
                  />
                </g>
              )}
            </g>
            {!contourModel && (
              <text
                className="chart-empty"
                x={innerW / 2}
                y={innerH / 2}
                textAnchor="middle"
                fontSize={theme.fontSize}
              >
                No loss surface yet
              </text>
            )}
            <AxisLeft scale={sy} theme={theme} offset={0} label={yLabel} />
            <AxisBottom scale={sx} theme={theme} offset={innerH} label={xLabel} />
          </g>
        </svg>
      )}
      {current === '2d' && contourModel && (
        <ColorBar
          color={(v) => colorAt(contourModel.toT(v))}
          lo={contourModel.lo}
          hi={contourModel.hi}
          theme={theme}
          label={zLabel}
        />
      )}
    </ChartFrame>
  );
}

function clampElev(e: number) {
  return Math.max(0.08, Math.min(1.5, e));
}
