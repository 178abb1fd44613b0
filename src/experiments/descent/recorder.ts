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

/** Where a racer (descent-lr, descent-optim) has been: the points it visited and its (step, loss) curve. */
export interface RaceTrail {
  path: PointRecorder;
  curve: PointRecorder;
}

/** A racer's trail before its first step: the path holds the start (x, y), the curve its loss at step 0. */
export function startTrail(x: number, y: number, initialLoss: number): RaceTrail {
  const trail = { path: new PointRecorder(1024), curve: new PointRecorder(1024) };
  trail.path.push(x, y);
  trail.curve.push(0, initialLoss);
  return trail;
}

/** A loss is called diverged when it is non-finite or grew beyond this factor of where it started. */
export const DIVERGENCE_FACTOR = 1e6;

export function isDiverging(loss: number, initialLoss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGENCE_FACTOR * Math.max(initialLoss, 1e-3);
}
