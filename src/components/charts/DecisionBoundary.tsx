import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { color as d3color, contours, interpolateLab, scaleLinear } from 'd3';
import { ChartFrame } from './ChartFrame';
import { AxisBottom, AxisLeft, chartMargins } from './Axes';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { useElementWidth } from './useElementWidth';
import { prepareCanvas } from './canvas';
import { gridPath, isValidGrid, paintGrid, sampleGrid, type Grid2D } from './grid';
import { formatValue } from './format';

/**
 * DecisionBoundary — a classifier's output over the 2D input plane as a canvas heatmap (crisp on high-DPI screens),
 * the 0.5 boundary as a line, and the data on top: train points filled, test points hollow.
 *
 * Props:
 * - `grid`: Grid2D (see grid.ts) of P(class 1) in [0, 1] (binary), or with `classes` = k > 2, k probabilities per
 *   cell: `values[(j·nx + i)·k + c]`. Or `predict(x, y)` → P(class 1) with `domain` and `resolution` (default 60).
 * - `classes`: number of classes (default 2).
 * - `points`: `{ x, y, label, test? }[]` — label is the class index.
 * - `classLabels`: names for the legend (default 'class 0', 'class 1', …).
 * - `domain`: [[x0, x1], [y0, y1]] when there is no grid (default [-6, 6]²).
 * - `version`: bump when mutating `grid.values` in place.
 * - `title`, `xLabel` (default 'x₁'), `yLabel` (default 'x₂'), `height` (default 340, the most it may use), `width`,
 *   `caption`.
 * - `equalAspect` (default true): one unit is as long on both axes (a circle stays a circle); the plot takes the
 *   largest such rectangle that fits, centred.
 * Hovering (or touching) the plot reads out the point under the pointer and the model's output there.
 * Colours: class 0 = --negative, class 1 = --positive (more classes: the series colours).
 */
export interface BoundaryPoint {
  x: number;
  y: number;
  label: number;
  test?: boolean;
}

export interface DecisionBoundaryProps {
  grid?: Grid2D;
  predict?: (x: number, y: number) => number;
  domain?: [[number, number], [number, number]];
  resolution?: number;
  classes?: number;
  points?: readonly BoundaryPoint[];
  classLabels?: readonly string[];
  version?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  height?: number;
  width?: number;
  caption?: string;
  equalAspect?: boolean;
}

export function classColors(theme: ChartTheme, k: number): string[] {
  if (k <= 2) return [theme.negative, theme.positive];
  return Array.from({ length: k }, (_, i) => seriesColor(theme, i));
}

function rgb(c: string): [number, number, number] {
  const v = d3color(c)?.rgb();
  return v ? [v.r, v.g, v.b] : [128, 128, 128];
}

export function DecisionBoundary({
  grid,
  predict,
  domain = [
    [-6, 6],
    [-6, 6],
  ],
  resolution = 60,
  classes = 2,
  points = [],
  classLabels,
  version,
  title,
  xLabel = 'x₁',
  yLabel = 'x₂',
  height = 340,
  width: fixedWidth,
  caption,
  equalAspect = true,
}: DecisionBoundaryProps) {
  const theme = useChartTheme();
  const [plotRef, width] = useElementWidth<HTMLDivElement>(fixedWidth);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const k = Math.max(2, Math.floor(classes));
  const channels = k > 2 ? k : 1;

  const field = useMemo(() => {
    if (grid) return grid;
    if (predict) return sampleGrid(predict, domain[0], domain[1], Math.min(200, resolution));
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `domain` is compared by value below
  }, [grid, predict, resolution, domain[0][0], domain[0][1], domain[1][0], domain[1][1]]);
  const valid = isValidGrid(field, channels);
  const xd: [number, number] = valid ? field.xDomain : domain[0];
  const yd: [number, number] = valid ? field.yDomain : domain[1];

  const m = chartMargins(theme, { xLabel: Boolean(xLabel), yLabel: Boolean(yLabel) });
  const boxW = Math.max(10, width - m.left - m.right);
  const boxH = Math.max(10, height - m.top - m.bottom);
  // Equal aspect: shrink one side so a data unit has the same length in x and y; centre the plot horizontally.
  const unitsPerPx = equalAspect ? Math.max((xd[1] - xd[0]) / boxW, (yd[1] - yd[0]) / boxH) : Number.NaN;
  const innerW = equalAspect && unitsPerPx > 0 ? Math.max(10, (xd[1] - xd[0]) / unitsPerPx) : boxW;
  const innerH = equalAspect && unitsPerPx > 0 ? Math.max(10, (yd[1] - yd[0]) / unitsPerPx) : boxH;
  const left = m.left + Math.max(0, (boxW - innerW) / 2);
  const svgHeight = m.top + innerH + m.bottom;
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const sx = useMemo(() => scaleLinear().domain(xd).range([0, innerW]), [xd, innerW]);
  const sy = useMemo(() => scaleLinear().domain(yd).range([innerH, 0]), [yd, innerH]);
  const colors = classColors(theme, k);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx || !valid) return;
    const bg = rgb(theme.bgRaised);
    const cols = colors.map(rgb);
    const v = field.values;
    if (k === 2) {
      // P(class 1): neutral at 0.5, towards the class colour as the model gets confident (at most 70 % strength,
      // so the points stay visible)
      const lo = interpolateLab(theme.bgRaised, colors[0]);
      const hi = interpolateLab(theme.bgRaised, colors[1]);
      const lut = new Uint8ClampedArray(256 * 3);
      for (let i = 0; i < 256; i++) {
        const p = i / 255;
        const c = d3color(p < 0.5 ? lo((0.5 - p) * 1.4) : hi((p - 0.5) * 1.4))?.rgb();
        lut[i * 3] = c?.r ?? 128;
        lut[i * 3 + 1] = c?.g ?? 128;
        lut[i * 3 + 2] = c?.b ?? 128;
      }
      paintGrid(
        ctx,
        field,
        (idx, out, o) => {
          const p = v[idx];
          if (!Number.isFinite(p)) {
            out[o] = out[o + 1] = out[o + 2] = 128;
            return;
          }
          const li = Math.round(Math.max(0, Math.min(1, p)) * 255) * 3;
          out[o] = lut[li];
          out[o + 1] = lut[li + 1];
          out[o + 2] = lut[li + 2];
        },
        innerW,
        innerH,
      );
    } else {
      paintGrid(
        ctx,
        field,
        (idx, out, o) => {
          let r = 0;
          let g = 0;
          let b = 0;
          let best = 0;
          let sum = 0;
          for (let c = 0; c < k; c++) {
            const p = Math.max(0, v[idx * k + c] || 0);
            sum += p;
            r += p * cols[c][0];
            g += p * cols[c][1];
            b += p * cols[c][2];
            if (p > best) best = p;
          }
          if (sum <= 0) {
            out[o] = out[o + 1] = out[o + 2] = 128;
            return;
          }
          const conf = Math.max(0, (best / sum - 1 / k) / (1 - 1 / k)) * 0.7;
          out[o] = bg[0] + (r / sum - bg[0]) * conf;
          out[o + 1] = bg[1] + (g / sum - bg[1]) * conf;
          out[o + 2] = bg[2] + (b / sum - bg[2]) * conf;
        },
        innerW,
        innerH,
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- colors derive from theme; version covers in-place data
  }, [field, valid, version, theme, k, innerW, innerH]);

  const boundary = useMemo(() => {
    void version;
    if (!valid || k !== 2) return '';
    const finite = Array.from(field.values as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : 0.5));
    const [c] = contours().size([field.nx, field.ny]).thresholds([0.5])(finite);
    return gridPath(field, sx, sy)(c) ?? '';
  }, [field, valid, k, sx, sy, version]);

  const finitePoints = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const nTest = finitePoints.filter((p) => p.test).length;
  const names = classLabels ?? colors.map((_, i) => `class ${i}`);
  const legend = [
    ...colors.map((c, i) => ({ label: names[i] ?? `class ${i}`, color: c, shape: 'dot' as const })),
    ...(nTest > 0 ? [{ label: 'test (hollow)', color: theme.fgMuted, shape: 'hollow' as const }] : []),
  ];
  const captionText =
    `${caption ? `${caption} ` : ''}` +
    (valid
      ? `Shading shows the model's predicted class over the plane (x from ${formatValue(xd[0])} to ${formatValue(xd[1])}). `
      : 'No model output to show yet. ') +
    `${finitePoints.length - nTest} training points (filled) and ${nTest} test points (hollow).`;

  const r = Math.max(3, 4.2 * theme.fontScale);
  return (
    <ChartFrame
      kind="decision-boundary"
      title={title}
      caption={captionText}
      theme={theme}
      plotRef={plotRef}
      legend={legend}
    >
      <canvas ref={canvasRef} style={{ left, top: m.top }} aria-hidden="true" />
      <svg
        width={width}
        height={svgHeight}
        role="img"
        aria-label={`${title ?? 'Decision boundary'}: ${captionText}`}
        onPointerMove={(e: PointerEvent<SVGSVGElement>) => {
          const box = e.currentTarget.getBoundingClientRect();
          const px = e.clientX - box.left - left;
          const py = e.clientY - box.top - m.top;
          setHover(
            px >= 0 && px <= innerW && py >= 0 && py <= innerH
              ? { x: sx.invert(px), y: sy.invert(py) }
              : null,
          );
        }}
        onPointerLeave={() => setHover(null)}
      >
        <defs>
          <clipPath id={`db-clip-${innerW}-${innerH}`}>
            <rect width={innerW} height={innerH} />
          </clipPath>
        </defs>
        <g transform={`translate(${left},${m.top})`}>
          <AxisLeft
            scale={sy}
            theme={theme}
            offset={0}
            label={yLabel}
            ticks={Math.max(3, Math.round(innerH / (theme.fontSize * 3.5)))}
          />
          <AxisBottom
            scale={sx}
            theme={theme}
            offset={innerH}
            label={xLabel}
            ticks={Math.max(3, Math.round(innerW / (theme.fontSize * 4.5)))}
          />
          <rect width={innerW} height={innerH} fill="none" stroke={theme.border} />
          {!valid && (
            <text
              className="chart-empty"
              x={innerW / 2}
              y={innerH / 2}
              textAnchor="middle"
              fontSize={theme.fontSize}
            >
              No model output yet
            </text>
          )}
          <g clipPath={`url(#db-clip-${innerW}-${innerH})`}>
            {boundary && (
              <path
                className="boundary"
                d={boundary}
                fill="none"
                stroke={theme.fg}
                strokeWidth={1.5}
                strokeOpacity={0.75}
              />
            )}
            <g className="points">
              {finitePoints.map((p, i) => {
                const c = colors[((Math.floor(p.label) % k) + k) % k] ?? theme.fgMuted;
                return p.test ? (
                  <circle
                    key={i}
                    className="point test"
                    cx={sx(p.x)}
                    cy={sy(p.y)}
                    r={r}
                    fill={theme.bgRaised}
                    fillOpacity={0.6}
                    stroke={c}
                    strokeWidth={2.2}
                  />
                ) : (
                  <circle
                    key={i}
                    className="point train"
                    cx={sx(p.x)}
                    cy={sy(p.y)}
                    r={r}
                    fill={c}
                    stroke={theme.bgRaised}
                    strokeWidth={1.2}
                  />
                );
              })}
            </g>
          </g>
        </g>
      </svg>
      <p className="chart-readout" data-testid="boundary-readout" aria-live="off">
        {hover
          ? `${xLabel} = ${formatValue(hover.x)}, ${yLabel} = ${formatValue(hover.y)}` +
            (valid ? ` → ${outputAt(field, hover.x, hover.y, channels, names)}` : '')
          : 'Point at the plot to read the model’s output there.'}
      </p>
    </ChartFrame>
  );
}

/** The model's output at (x, y), from the nearest grid cell: P(class 1), or the most likely class and its probability. */
function outputAt(grid: Grid2D, x: number, y: number, channels: number, names: readonly string[]): string {
  const [x0, x1] = grid.xDomain;
  const [y0, y1] = grid.yDomain;
  const i = Math.round(((x - x0) / (x1 - x0)) * (grid.nx - 1));
  const j = Math.round(((y - y0) / (y1 - y0)) * (grid.ny - 1));
  if (i < 0 || j < 0 || i >= grid.nx || j >= grid.ny) return 'outside the grid';
  const cell = j * grid.nx + i;
  if (channels === 1) return `P(${names[1] ?? 'class 1'}) = ${formatValue(grid.values[cell])}`;
  let best = 0;
  for (let c = 1; c < channels; c++)
    if (grid.values[cell * channels + c] > grid.values[cell * channels + best]) best = c;
  return `${names[best] ?? `class ${best}`}, p = ${formatValue(grid.values[cell * channels + best])}`;
}
