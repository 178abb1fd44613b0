/**
 * What a frame from the worker is, and the bounded history of its main metrics. The store that keeps the newest frame
 * and notifies figures is a `FrameStore` (frameStore.ts), one per runtime hub.
 */
import type { Metrics, ViewValue } from '../experiments/types';

export interface Frame {
  step: number;
  epoch: number;
  metrics: Metrics;
  views: Readonly<Record<string, ViewValue>>;
  running: boolean;
  stepsPerSecond: number;
}

/**
 * Fixed-memory history of step / loss / valLoss / accuracy: when full it keeps every other point and records every
 * 2nd (then 4th, …) frame, so any run length keeps at most `capacity` points. Non-finite values are skipped.
 */
export class MetricHistory {
  readonly step: Float64Array;
  readonly loss: Float64Array;
  readonly valLoss: Float64Array;
  readonly accuracy: Float64Array;
  length = 0;
  version = 0;
  private stride = 1;
  private skipped = 0;

  constructor(readonly capacity = 2048) {
    this.step = new Float64Array(capacity);
    this.loss = new Float64Array(capacity);
    this.valLoss = new Float64Array(capacity);
    this.accuracy = new Float64Array(capacity);
  }

  record(m: Metrics) {
    if (!Number.isFinite(m.loss) || !Number.isFinite(m.step)) return;
    if (this.length > 0 && m.step <= this.step[this.length - 1]) {
      if (m.step === this.step[this.length - 1]) return; // same step again (a paused frame)
      this.rewind(m.step); // the timeline moved back (or a reset to 0): the later points are gone
    }
    if (this.stride > 1 && ++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.length === this.capacity) this.compact();
    const i = this.length++;
    this.step[i] = m.step;
    this.loss[i] = m.loss;
    this.valLoss[i] = Number.isFinite(m.valLoss) ? (m.valLoss as number) : NaN;
    this.accuracy[i] = Number.isFinite(m.accuracy) ? (m.accuracy as number) : NaN;
    this.version++;
  }

  clear() {
    this.length = 0;
    this.stride = 1;
    this.skipped = 0;
    this.version++;
  }

  /** Forget the points at or after `step`. */
  private rewind(step: number) {
    let n = this.length;
    while (n > 0 && this.step[n - 1] >= step) n--;
    if (n === 0) this.clear();
    this.length = n;
    this.version++;
  }

  private compact() {
    const half = Math.floor(this.capacity / 2);
    for (const a of [this.step, this.loss, this.valLoss, this.accuracy]) {
      for (let i = 0; i < half; i++) a[i] = a[2 * i + 1];
    }
    this.length = half;
    this.stride *= 2;
  }
}
