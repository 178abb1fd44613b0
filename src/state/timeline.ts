/**
 * The page's side of the run's timeline (the worker keeps the moments: worker/host/timeline.ts): the scrubber's
 * seeks and the `,` key, which moves the run one step back — the mirror of `.`.
 */
import { getLatestFrame, subscribeFrames } from './frames';

/** Where the last seek is going, until a frame arrives there: `,` pressed twice quickly goes back two steps. */
let heading: number | null = null;
let unsubscribe: (() => void) | null = null;

/** Show the run at `step`; `send` is the runtime's seek (it pauses a playing run first). */
export function seekTo(step: number, send: (step: number) => void) {
  if (!Number.isFinite(step)) return;
  heading = Math.max(0, Math.floor(step));
  unsubscribe ??= subscribeFrames((frame) => {
    if (heading !== null && (frame.step === heading || frame.running)) heading = null;
  });
  send(heading);
}

/** One step back from the step shown (or from where a seek is still going). Nothing at step 0. */
export function stepBackFrom(send: (step: number) => void) {
  const from = heading ?? getLatestFrame()?.step ?? 0;
  if (from > 0) seekTo(from - 1, send);
}

/** Forget a seek in flight (a new experiment, a reset). */
export function clearSeek() {
  heading = null;
}
