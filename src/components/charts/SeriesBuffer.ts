/**
 * A fixed-memory history for live charts. Push points as training runs; when the buffer is full it keeps every
 * other point and from then on records only every 2nd (then 4th, …) pushed point. So a run of any length keeps
 * `capacity` points spread over the whole run, memory stays flat, and pushing is O(1) amortised.
 *
 * Pass it to LineChart as `{ label, buffer }` together with `version={buffer.version}`: the chart redraws when the
 * version changes, without React diffing the arrays.
 */
export class SeriesBuffer {
  readonly capacity: number;
  x: Float64Array;
  y: Float64Array;
  length = 0;
  /** Increases on every change; use it as LineChart's `version`. */
  version = 0;
  /** Increases when stored points are rewritten (compaction, clear); between changes the buffer only appends. */
  generation = 0;
  /** Finite extents of the stored points, kept up to date on push (so charts need not scan 100k points). */
  xMin = Infinity;
  xMax = -Infinity;
  yMin = Infinity;
  yMax = -Infinity;
  /** Smallest y > 0 (for log scales). */
  yMinPositive = Infinity;
  private stride = 1;
  private skipped = 0;

  constructor(capacity = 4096) {
    this.capacity = Math.max(16, Math.floor(capacity / 2) * 2);
    this.x = new Float64Array(this.capacity);
    this.y = new Float64Array(this.capacity);
  }

  push(x: number, y: number) {
    if (this.stride > 1 && ++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.length === this.capacity) this.compact();
    this.x[this.length] = x;
    this.y[this.length] = y;
    this.length++;
    this.extend(x, y);
    this.version++;
  }

  clear() {
    this.length = 0;
    this.stride = 1;
    this.skipped = 0;
    this.resetExtents();
    this.generation++;
    this.version++;
  }

  private resetExtents() {
    this.xMin = this.yMin = this.yMinPositive = Infinity;
    this.xMax = this.yMax = -Infinity;
  }

  private extend(x: number, y: number) {
    if (Number.isFinite(x)) {
      if (x < this.xMin) this.xMin = x;
      if (x > this.xMax) this.xMax = x;
    }
    if (Number.isFinite(y)) {
      if (y < this.yMin) this.yMin = y;
      if (y > this.yMax) this.yMax = y;
      if (y > 0 && y < this.yMinPositive) this.yMinPositive = y;
    }
  }

  /** Points are recorded every `recordEvery`-th push (1 until the buffer first fills). */
  get recordEvery() {
    return this.stride;
  }

  private compact() {
    const half = this.capacity / 2;
    for (let i = 0; i < half; i++) {
      this.x[i] = this.x[2 * i + 1];
      this.y[i] = this.y[2 * i + 1];
    }
    this.length = half;
    this.stride *= 2;
    this.generation++;
    this.resetExtents();
    for (let i = 0; i < half; i++) this.extend(this.x[i], this.y[i]);
  }
}
