/**
 * Small measuring parts of the trainer host's time slices (trainerHost.ts): how many steps one `trainer.step(k)`
 * call should take, how fast training went over the last second, and how long the page takes to ack a frame.
 */

/** Target duration of one `trainer.step(k)` call; k adapts to it. */
const CALL_MS = 3;
const MAX_STEPS_PER_CALL = 4096;

/** Steps per `trainer.step(k)` call: doubles while calls are quick, halves while they are slow. */
export class CallSizer {
  size = 1;

  reset() {
    this.size = 1;
  }

  /** A call took `ms`. */
  adapt(ms: number) {
    if (ms < CALL_MS / 2) this.size = Math.min(MAX_STEPS_PER_CALL, this.size * 2);
    else if (ms > CALL_MS * 2 && this.size > 1) this.size = Math.max(1, this.size >> 1);
  }
}

/** Training speed over the last full second (steps per second), for the frames' read-out. */
export class SpeedMeter {
  private windowStart = 0;
  private windowSteps = 0;
  stepsPerSecond = 0;

  reset(now: number) {
    this.windowStart = now;
    this.windowSteps = 0;
    this.stepsPerSecond = 0;
  }

  count(steps: number, now: number) {
    this.windowSteps += steps;
    const elapsed = now - this.windowStart;
    if (elapsed < 1000) return;
    this.stepsPerSecond = (this.windowSteps * 1000) / elapsed;
    this.windowStart = now;
    this.windowSteps = 0;
  }
}

/** Smoothed time from posting a frame to its ack (ms): a page slow to ack is short of CPU. */
export class AckLatency {
  ms = 0;

  note(ms: number) {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.ms = this.ms * 0.8 + ms * 0.2;
  }
}
