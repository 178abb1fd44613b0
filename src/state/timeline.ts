/**
 * The page's side of the run's timeline (the worker keeps the moments: worker/host/timeline.ts): the scrubber's
 * seeks and the `,` key, which moves the run one step back — the mirror of `.`. One per runtime hub.
 */
import type { FrameStore } from './frameStore';

export class SeekTracker {
  /** Where the last seek is going, until a frame arrives there: `,` pressed twice quickly goes back two steps. */
  private heading: number | null = null;
  private unsubscribe: (() => void) | null = null;

  /** `send` is the runtime's seek (it pauses a playing run first). */
  constructor(
    private readonly frames: FrameStore,
    private readonly send: (step: number) => void,
  ) {}

  /** Show the run at `step`. */
  seekTo(step: number) {
    if (!Number.isFinite(step)) return;
    const target = Math.max(0, Math.floor(step));
    this.heading = target;
    this.unsubscribe ??= this.frames.subscribe((frame) => {
      if (this.heading !== null && (frame.step === this.heading || frame.running)) this.heading = null;
    });
    this.send(target);
  }

  /** One step back from the step shown (or from where a seek is still going). Nothing at step 0. */
  stepBack() {
    const from = this.heading ?? this.frames.getLatest()?.step ?? 0;
    if (from > 0) this.seekTo(from - 1);
  }

  /** Forget a seek in flight (a new experiment, a reset). */
  clear() {
    this.heading = null;
  }
}
