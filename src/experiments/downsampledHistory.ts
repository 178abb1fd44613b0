/** The classifier's loss history: bounded, so a long run stays flat in memory (docs/CONTRACTS.md, "Reliability rules"). */
const HISTORY_CAPACITY = 1024;

/** Step/loss pairs in fixed memory: when full, keep every other point and record every 2nd (4th, …) step. */
export class DownsampledHistory {
  readonly step = new Float32Array(HISTORY_CAPACITY);
  readonly loss = new Float32Array(HISTORY_CAPACITY);
  length = 0;
  private stride = 1;
  private skipped = 0;

  push(step: number, loss: number) {
    if (this.stride > 1 && ++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.length === HISTORY_CAPACITY) {
      const half = HISTORY_CAPACITY / 2;
      for (let i = 0; i < half; i++) {
        this.step[i] = this.step[2 * i + 1];
        this.loss[i] = this.loss[2 * i + 1];
      }
      this.length = half;
      this.stride *= 2;
    }
    this.step[this.length] = step;
    this.loss[this.length] = loss;
    this.length++;
  }

  /** A copy (a timeline snapshot); `restore` makes the history exactly this again. */
  snapshot(): DownsampledHistoryState {
    return {
      step: this.step.slice(0, this.length),
      loss: this.loss.slice(0, this.length),
      stride: this.stride,
      skipped: this.skipped,
    };
  }

  restore(state: DownsampledHistoryState): void {
    this.step.set(state.step);
    this.loss.set(state.loss);
    this.length = state.step.length;
    this.stride = state.stride;
    this.skipped = state.skipped;
  }
}

export interface DownsampledHistoryState {
  step: Float32Array;
  loss: Float32Array;
  stride: number;
  skipped: number;
}
