/**
 * A shared link's moment being replayed in the worker (`at=N`, experimentRuntime.ts): `replay` in the run store,
 * whose progress bar shows once the replay has taken more than a moment.
 */
import type { RunStore } from './runStore';

/** A replay that takes longer than this shows its progress. */
const REPLAY_SHOW_MS = 300;

export class ReplayProgress {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: RunStore) {}

  start(target: number) {
    this.stopTimer();
    this.store.setState({ replay: { target, shown: false } });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.store.setState((s) => (s.replay ? { replay: { ...s.replay, shown: true } } : s));
    }, REPLAY_SHOW_MS);
  }

  get active(): boolean {
    return this.store.getState().replay !== null;
  }

  /** A frame at `step`: true when it ends the replay (the worker stopped at or past the target). */
  reached(step: number, running: boolean): boolean {
    const replay = this.store.getState().replay;
    return replay !== null && !running && step >= replay.target;
  }

  end() {
    this.stopTimer();
    this.store.setState({ replay: null });
  }

  stopTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
