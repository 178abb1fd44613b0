/**
 * When may the worker post a frame? At most one frame in flight (the next waits for the page's `ack`), at most one
 * per `minIntervalMs` (~60 per second), and only when something changed. Frames are never queued: a frame is built
 * from the trainer's state at the moment it is sent, so the newest state always wins and stale ones never exist.
 * Pure and clock-injected, so it is unit-tested without timers.
 */
export type GateDecision =
  { kind: 'send' } | { kind: 'idle' } | { kind: 'wait-ack' } | { kind: 'wait'; ms: number };

export class FrameGate {
  private inFlight = false;
  private dirty = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(readonly minIntervalMs = 1000 / 60) {}

  /** The state changed (steps taken, parameters set, reset): a frame is owed. */
  markDirty() {
    this.dirty = true;
  }

  decide(now: number): GateDecision {
    if (!this.dirty) return { kind: 'idle' };
    if (this.inFlight) return { kind: 'wait-ack' };
    const wait = this.lastSentAt + this.minIntervalMs - now;
    if (wait > 0) return { kind: 'wait', ms: wait };
    return { kind: 'send' };
  }

  sent(now: number) {
    this.inFlight = true;
    this.dirty = false;
    this.lastSentAt = now;
  }

  acked() {
    this.inFlight = false;
  }

  get waitingForAck(): boolean {
    return this.inFlight;
  }
}
