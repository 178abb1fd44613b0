import type { LegendItem } from '../../../components/charts';

/** What the path builder needs of a curve: its samples (typed arrays welcome). */
export interface CurveSamples {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * An SVG path through the samples, in pixels from `sx` / `sy`. A non-finite y, or one farther than the y domain's own
 * span outside it, lifts the pen: the curve shows a gap there, so a wild fit never draws across the page.
 */
export function clippedCurvePath(
  curve: CurveSamples,
  sx: (x: number) => number,
  sy: (y: number) => number,
  yDomain: readonly [number, number],
): string {
  const [y0, y1] = yDomain;
  const span = y1 - y0;
  let d = '';
  let pen = false;
  const n = Math.min(curve.x.length, curve.y.length);
  for (let i = 0; i < n; i++) {
    const y = curve.y[i];
    if (!Number.isFinite(y) || y < y0 - span || y > y1 + span) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(curve.x[i]).toFixed(1)},${sy(y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Legend entries for the curves that want one (`legend: false` keeps one of many pieces out), dashed as drawn. */
export function curveLegend(
  curves: readonly { label: string; color: string; dashed?: boolean; legend?: boolean }[],
): LegendItem[] {
  return curves
    .filter((c) => c.legend !== false)
    .map((c) => ({ label: c.label, color: c.color, shape: c.dashed ? ('dashed' as const) : undefined }));
}
