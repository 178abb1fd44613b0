/**
 * A bounded history of scalar series against the step, for loss and accuracy curves. When full, it keeps every
 * other point and records half as often from then on, so a long run stays at most `capacity` points (flat memory)
 * while still covering the whole run.
 */
/** A history's arrays: the steps (float64: exact past 2²⁴) and one float32 series per name. */
export type HistorySeries<N extends string> = { step: Float64Array } & { [K in N]: Float32Array };

export class DownsampledHistory<N extends string = string> {
  private readonly capacity: number;
  private readonly names: readonly N[];
  private steps: number[] = [];
  private series: number[][];
  private stride = 1;
  private sinceLast = 0;

  constructor(names: readonly N[], capacity = 400) {
    this.names = names;
    this.capacity = Math.max(4, capacity);
    this.series = names.map(() => []);
  }

  /** Offer one point; it is kept if it falls on the current stride. Missing values are stored as NaN. */
  push(step: number, values: Readonly<Record<string, number | undefined>>): void {
    this.sinceLast++;
    if (this.steps.length > 0 && this.sinceLast < this.stride) return;
    this.sinceLast = 0;
    this.steps.push(step);
    this.names.forEach((name, i) => {
      const v = values[name];
      this.series[i].push(v === undefined || !Number.isFinite(v) ? Number.NaN : v);
    });
    if (this.steps.length >= this.capacity) {
      const keep = (a: number[]) => a.filter((_, i) => i % 2 === 0);
      this.steps = keep(this.steps);
      this.series = this.series.map(keep);
      this.stride *= 2;
    }
  }

  get length(): number {
    return this.steps.length;
  }

  /** { step: Float64Array, <name>: Float32Array } copies, ready to post to the page. */
  snapshot(): HistorySeries<N> {
    const out: Record<string, Float32Array | Float64Array> = { step: Float64Array.from(this.steps) };
    this.names.forEach((name, i) => (out[name] = Float32Array.from(this.series[i])));
    return out as HistorySeries<N>;
  }

  clear(): void {
    this.steps = [];
    this.series = this.names.map(() => []);
    this.stride = 1;
    this.sinceLast = 0;
  }
}
