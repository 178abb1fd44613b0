/**
 * A loss curve with fixed memory: when full it keeps every other point and from then on records every 2nd (4th, …)
 * step, so any run length keeps at most `capacity` points. Non-finite values are skipped.
 */
export class CurveRecorder {
  readonly x: Float64Array;
  readonly ys: Float64Array[];
  length = 0;
  private stride = 1;
  private skipped = 0;

  constructor(
    series: number,
    readonly capacity = 512,
  ) {
    this.x = new Float64Array(capacity);
    this.ys = Array.from({ length: series }, () => new Float64Array(capacity));
  }

  push(x: number, ...values: number[]): void {
    if (!values.every(Number.isFinite)) return;
    if (this.stride > 1 && ++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.length === this.capacity) {
      const half = this.capacity >> 1;
      for (let i = 0; i < half; i++) {
        this.x[i] = this.x[2 * i + 1];
        for (const y of this.ys) y[i] = y[2 * i + 1];
      }
      this.length = half;
      this.stride *= 2;
    }
    this.x[this.length] = x;
    this.ys.forEach((y, s) => (y[this.length] = values[s]));
    this.length++;
  }

  /** Copies of the valid part (safe to post to the main thread). */
  view(): { x: Float64Array; ys: Float64Array[] } {
    return { x: this.x.slice(0, this.length), ys: this.ys.map((y) => y.slice(0, this.length)) };
  }
}
