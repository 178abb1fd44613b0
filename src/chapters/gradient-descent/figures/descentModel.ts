import { deinterleave } from '../../../components/charts/series';

/** Smallest value kept on a log axis: an exact minimum would otherwise vanish from the chart. */
const LOG_FLOOR = 1e-12;

export interface ChartLine {
  label: string;
  x: Float32Array;
  y: Float32Array;
  color: string;
}

export interface SurfacePath {
  label: string;
  points: Float32Array;
  color: string;
}

/**
 * An interleaved loss curve [x0, y0, x1, y1, …] as x and the excess loss y − `minimum`, floored for a log axis, so
 * the chart shows convergence all the way down.
 */
export function excessLossCurve(
  points: Float32Array | undefined,
  minimum: number,
): { x: Float32Array; y: Float32Array } {
  const { x, y } = deinterleave(points);
  for (let k = 0; k < y.length; k++) y[k] = Math.max(LOG_FLOOR, y[k] - minimum);
  return { x, y };
}

/** The paths of the runs that have one (a run without a path yet is left out, not drawn empty). */
export function surfacePaths(
  entries: readonly { label: string; path: Float32Array | undefined }[],
  colour: (i: number) => string,
  clip: (points: Float32Array) => Float32Array = (p) => p,
): SurfacePath[] {
  return entries.flatMap(({ label, path }, i) =>
    path ? [{ label, points: clip(path), color: colour(i) }] : [],
  );
}
