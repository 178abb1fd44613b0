import { BoundedSeries } from '../boundedSeries';

/**
 * A loss curve (x and `series` values) in fixed memory: at most `capacity` points; a compaction keeps the later
 * point of each pair. A point with a non-finite value is not recorded (x may be anything).
 */
export class CurveRecorder extends BoundedSeries<string> {
  constructor(series: number, capacity = 512) {
    const ys = Array.from({ length: series }, (_, s) => `y${s}`);
    const skip = Object.fromEntries(ys.map((y) => [y, 'skipPoint' as const]));
    super({ columns: ['x', ...ys], capacity, keep: 'later', sampling: 'sinceKept', nonFinite: skip });
  }

  /** Copies of the valid part (safe to post to the main thread). */
  view(): { x: Float64Array; ys: Float64Array[] } {
    const [x, ...ys] = this.names.map((n) => this.column(n).slice());
    return { x, ys };
  }
}
