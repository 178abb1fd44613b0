import { BoundedSeries, type BoundedSeriesState } from '../boundedSeries';

/**
 * A bounded path or curve for figures (at most `capacity` points, docs/CONTRACTS.md, "Reliability rules"). A
 * compaction keeps the earlier point of each pair and a point is recorded when its index is a multiple of the
 * stride, so a path still starts where the run started; `toInterleaved(last)` adds the newest point off the stride.
 */
export class PointRecorder extends BoundedSeries<'x' | 'y'> {
  constructor(capacity = 1024) {
    if (!(capacity >= 4)) throw new Error('PointRecorder: capacity must be ≥ 4');
    super({ columns: ['x', 'y'], capacity, keep: 'earlier', sampling: 'indexMultiple' });
  }
}

export type RecorderState = BoundedSeriesState<'x' | 'y'>;

/** A grid of values over a rectangle, row-major: values[j * nx + i] is at (x0 + i·dx, y0 + j·dy). */
export interface GridView {
  values: Float32Array;
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  [key: string]: Float32Array | number;
}

/** The shape check figures use for a grid view (a frame may carry another experiment's view of the same name). */
export function isGridView(v: unknown): v is GridView {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Partial<GridView>;
  return (
    g.values instanceof Float32Array &&
    typeof g.nx === 'number' &&
    typeof g.ny === 'number' &&
    g.values.length === g.nx * g.ny &&
    [g.x0, g.x1, g.y0, g.y1].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Evaluates f on an nx × ny grid spanning [x0, x1] × [y0, y1]. */
export function sampleGrid(
  f: (x: number, y: number) => number,
  nx: number,
  ny: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): GridView {
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + ((x1 - x0) * i) / (nx - 1), y);
  }
  return { values, nx, ny, x0, x1, y0, y1 };
}

/** A loss is called diverged when it is non-finite or grew beyond this factor of where it started. */
export const DIVERGENCE_FACTOR = 1e6;

export function isDiverging(loss: number, initialLoss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGENCE_FACTOR * Math.max(initialLoss, 1e-3);
}
