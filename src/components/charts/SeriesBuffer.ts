import { BoundedSeries } from '../../experiments/boundedSeries';

/**
 * A fixed-memory history for live charts. Push points as training runs; when the buffer is full it keeps every
 * other point (the later of each pair) and from then on records only every 2nd (then 4th, …) pushed point. So a run
 * of any length keeps `capacity` points spread over the whole run, memory stays flat, and pushing is O(1) amortised.
 *
 * Pass it to LineChart as `{ label, buffer }` together with `version={buffer.version}`: the chart redraws when the
 * version changes (`generation` when stored points were rewritten), without React diffing the arrays.
 */
export class SeriesBuffer extends BoundedSeries<'x' | 'y'> {
  constructor(capacity = 4096) {
    const even = Math.max(16, Math.floor(capacity / 2) * 2);
    super({ columns: ['x', 'y'], capacity: even, keep: 'later', sampling: 'sinceKept' });
  }

  get x(): Float64Array {
    return this.columns.x;
  }
  get y(): Float64Array {
    return this.columns.y;
  }
  /** Finite extents of the stored points (kept up to date as points arrive, so charts need not scan 100k points). */
  get xMin(): number {
    return this.extent('x').min;
  }
  get xMax(): number {
    return this.extent('x').max;
  }
  get yMin(): number {
    return this.extent('y').min;
  }
  get yMax(): number {
    return this.extent('y').max;
  }
  /** Smallest y > 0 (for log scales). */
  get yMinPositive(): number {
    return this.extent('y').minPositive;
  }
}
