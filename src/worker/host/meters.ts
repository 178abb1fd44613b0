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

/**
 * Below this smoothed frame latency (ms) the page shows frames within a display frame of their posting, and the
 * worker trains flat out. Measured in Chromium on a 2-core machine at full speed (loss chapter, step 4): 8–15 ms
 * while the page keeps up, 12–31 ms when the same machine has 30 % less CPU and the page misses frames.
 */
const EASY_LATENCY_MS = 14;
/** The longest rest between slices (with 12 ms slices: training keeps at least half a core). */
const MAX_REST_MS = 12;
/** Rest per millisecond of latency above EASY_LATENCY_MS. */
const REST_PER_MS = 1;

/**
 * How long the worker rests between training slices for a page whose frames wait `latencyMs` (smoothed) to be shown:
 * nothing for a page that keeps up, more the longer frames wait, at most MAX_REST_MS. Resting hands CPU back to the
 * page; the feedback settles where the page keeps up again. On a 2-core machine this is what keeps the main thread
 * free of long tasks while the worker trains at full speed.
 */
export function restBetweenSlices(latencyMs: number): number {
  if (!(latencyMs > EASY_LATENCY_MS)) return 0;
  return Math.min(MAX_REST_MS, (latencyMs - EASY_LATENCY_MS) * REST_PER_MS);
}

/** Smoothed time from posting a frame to the page showing it (ms): a page slow to show frames is short of CPU. */
export class AckLatency {
  ms = 0;

  note(ms: number) {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.ms = this.ms * 0.8 + ms * 0.2;
  }
}
