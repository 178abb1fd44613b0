/**
 * How many training steps Play may take now, at a chosen pace (steps per second). A token bucket: credit grows with
 * time at `stepsPerSecond` and each step spends one. The bucket holds at most a tenth of a second's worth (and at
 * least one step), so a worker that was starved for a while (a busy machine, a hidden tab) does not catch up in a
 * burst the student would see as a jump. `null` means full speed: no limit.
 * Pure and clock-injected (the caller passes `now`), so it is unit-tested without timers.
 */
/** Rounding slack: credit that is within this of a whole step counts as that step (float sums of time drift). */
const EPSILON = 1e-6;

export class Pacer {
  private credit = 0;
  private lastAt = 0;
  private rate: number | null = null;

  /** Steps per second, or null for full speed. Non-finite or non-positive rates count as full speed. */
  get stepsPerSecond(): number | null {
    return this.rate;
  }

  setRate(stepsPerSecond: number | null, now: number) {
    this.refill(now);
    this.rate =
      stepsPerSecond !== null && Number.isFinite(stepsPerSecond) && stepsPerSecond > 0
        ? stepsPerSecond
        : null;
    this.credit = Math.min(this.credit, this.capacity());
  }

  /** Play was pressed: the first step may come at once, then the pace applies. */
  start(now: number) {
    this.lastAt = now;
    this.credit = 1;
  }

  /** Whole steps that may be taken now (Infinity at full speed). */
  allowance(now: number): number {
    if (this.rate === null) return Number.POSITIVE_INFINITY;
    this.refill(now);
    return Math.floor(this.credit + EPSILON);
  }

  /** `n` steps were taken. */
  spend(n: number) {
    if (this.rate !== null) this.credit = Math.max(0, this.credit - n);
  }

  /** Milliseconds until the next whole step is allowed (0 when one is allowed now or at full speed). */
  waitMs(now: number): number {
    if (this.rate === null) return 0;
    this.refill(now);
    return this.credit + EPSILON >= 1 ? 0 : ((1 - this.credit) * 1000) / this.rate;
  }

  private capacity(): number {
    return this.rate === null ? Number.POSITIVE_INFINITY : Math.max(1, this.rate / 10);
  }

  private refill(now: number) {
    const elapsed = Math.max(0, now - this.lastAt);
    this.lastAt = now;
    if (this.rate !== null)
      this.credit = Math.min(this.capacity(), this.credit + (elapsed * this.rate) / 1000);
  }
}

/** Play's pace and natural stopping point, as the host uses them; exact `step {n}` counts ignore both. */
export class PlayPace {
  private readonly pacer = new Pacer();
  private stopAt: number | null = null;
  /** Play started below `stopAt`: it pauses by itself there (a Play from at or past it runs on). */
  private armed = false;

  /** A `pace` message, checked: anything but a positive rate is full speed, anything but a positive integer no stop. */
  set(stepsPerSecond: unknown, stopAt: unknown, now: number) {
    const rate = typeof stepsPerSecond === 'number' && stepsPerSecond > 0 ? stepsPerSecond : null;
    this.pacer.setRate(rate, now);
    this.stopAt = typeof stopAt === 'number' && Number.isInteger(stopAt) && stopAt > 0 ? stopAt : null;
  }

  /** Play was pressed. */
  start(now: number) {
    this.pacer.start(now);
  }

  /** Play (or a new pace while playing) at `step`: stop at `stopAt` only when starting below it. */
  arm(step: number) {
    this.armed = this.stopAt !== null && step < this.stopAt;
  }

  get paced(): boolean {
    return this.pacer.stepsPerSecond !== null;
  }

  waitMs(now: number): number {
    return this.pacer.waitMs(now);
  }

  /** Steps Play may take now from `step`: at most `cap`, the pace's credit and what is left to `stopAt`. */
  allowance(step: number, cap: number, now: number): number {
    let k = Math.min(cap, this.pacer.allowance(now));
    if (this.armed && this.stopAt !== null) k = Math.min(k, this.stopAt - step);
    return Math.max(0, k);
  }

  /** Play took `k` steps, reaching `step`: true when that is its stopping point (Play pauses there). */
  spend(k: number, step: number): boolean {
    this.pacer.spend(k);
    if (!this.armed || this.stopAt === null || step < this.stopAt) return false;
    this.armed = false;
    return true;
  }
}
