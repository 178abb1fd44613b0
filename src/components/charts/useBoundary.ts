import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3';
import { chartMargins } from './Axes';
import type { ChartTheme } from './chartTheme';
import { prepareCanvas } from './canvas';
import { isValidGrid, paintGrid, sampleGrid, type Grid2D } from './grid';
import { pickHandlers, type PlotPick } from './plotPick';
import { binaryPainter, boundaryPath, multiClassPainter, plotBox } from './decisionBoundaryModel';
import { localPoint } from './pointer';

/** DecisionBoundary's hooks: the sampled field, the plot box and scales, the canvas and the pointer. */

/** The grid to show: the one given, or `predict` sampled over `domain` (compared by value, so a new array is fine). */
export function useSampledField(
  grid: Grid2D | undefined,
  predict: ((x: number, y: number) => number) | undefined,
  domain: [[number, number], [number, number]],
  resolution: number,
): Grid2D | undefined {
  const [[x0, x1], [y0, y1]] = domain;
  return useMemo(() => {
    if (grid) return grid;
    if (predict) return sampleGrid(predict, [x0, x1], [y0, y1], Math.min(200, resolution));
    return undefined;
  }, [grid, predict, resolution, x0, x1, y0, y1]);
}

/** The field when it is a usable grid, and the domains to draw (the field's, else the requested `domain`). */
export function useBoundaryField(
  grid: Grid2D | undefined,
  predict: ((x: number, y: number) => number) | undefined,
  domain: [[number, number], [number, number]],
  resolution: number,
  channels: number,
) {
  const field = useSampledField(grid, predict, domain, resolution);
  const valid = isValidGrid(field, channels);
  const xd: [number, number] = valid ? field.xDomain : domain[0];
  const yd: [number, number] = valid ? field.yDomain : domain[1];
  return valid ? { field, valid, xd, yd } : { field: undefined, valid, xd, yd };
}

/** Margins, the plot box (equal units on both axes when `equalAspect`) inside `width × height`, and its scales. */
export function useBoundaryLayout(
  theme: ChartTheme,
  [width, height]: [number, number],
  [xd, yd]: [[number, number], [number, number]],
  opts: { xLabel: string; yLabel: string; equalAspect: boolean },
) {
  const m = chartMargins(theme, { xLabel: Boolean(opts.xLabel), yLabel: Boolean(opts.yLabel) });
  const boxW = Math.max(10, width - m.left - m.right);
  const boxH = Math.max(10, height - m.top - m.bottom);
  const { innerW, innerH, left } = plotBox(xd, yd, boxW, boxH, m.left, opts.equalAspect);
  const sx = useMemo(() => scaleLinear().domain(xd).range([0, innerW]), [xd, innerW]);
  const sy = useMemo(() => scaleLinear().domain(yd).range([innerH, 0]), [yd, innerH]);
  return { m, innerW, innerH, left, svgHeight: m.top + innerH + m.bottom, sx, sy };
}

/** Paints the model's output into the canvas under the SVG whenever the grid, its size, theme or data version change. */
export function useBoundaryCanvas(
  field: Grid2D | undefined,
  k: number,
  colors: readonly string[],
  theme: ChartTheme,
  innerW: number,
  innerH: number,
  version: number | undefined,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, innerW, innerH);
    if (!ctx || !field) return;
    const painter =
      k === 2
        ? binaryPainter(field.values, theme.bgRaised, colors)
        : multiClassPainter(field.values, k, theme.bgRaised, colors);
    paintGrid(ctx, field, painter, innerW, innerH);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- colors derive from theme; version covers in-place data
  }, [field, version, theme, k, innerW, innerH]);
  return canvasRef;
}

type BoundaryLayout = ReturnType<typeof useBoundaryLayout>;

/**
 * The pointer over the plot: `hover` (the data point under it, for the read-out) and, with `pick`, pressing,
 * dragging and the arrow keys move the marked point. `handlers` go on the plot's <svg>.
 */
export function useBoundaryPointer(
  pick: PlotPick | undefined,
  layout: BoundaryLayout,
  xd: [number, number],
  yd: [number, number],
) {
  const { sx, sy, left, m } = layout;
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const { dragMove, ...pickProps } = pickHandlers(pick, (e) => pointAt(e, sx, sy, left, m.top), xd, yd);
  const handlers = {
    ...pickProps,
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => {
      setHover(pointAt(e, sx, sy, left, m.top));
      dragMove?.(e);
    },
    onPointerLeave: () => setHover(null),
  };
  return { hover, handlers };
}

/** The data point under the pointer, or null outside the plot. */
function pointAt(
  e: PointerEvent<SVGSVGElement>,
  sx: ScaleLinear<number, number>,
  sy: ScaleLinear<number, number>,
  left: number,
  top: number,
): { x: number; y: number } | null {
  const at = localPoint(e.clientX, e.clientY, e.currentTarget);
  const px = at.x - left;
  const py = at.y - top;
  const inside = px >= 0 && px <= sx.range()[1] && py >= 0 && py <= sy.range()[0];
  return inside ? { x: sx.invert(px), y: sy.invert(py) } : null;
}

/** The 0.5 contour's path data for two classes ('' without a field or with more classes). */
export function useBoundaryPath(
  field: Grid2D | undefined,
  k: number,
  { sx, sy }: Pick<BoundaryLayout, 'sx' | 'sy'>,
  version: number | undefined,
) {
  return useMemo(() => {
    void version; // the grid may be mutated in place
    return field && k === 2 ? boundaryPath(field, sx, sy) : '';
  }, [field, k, sx, sy, version]);
}
