/**
 * The host's outbox for frames: owes a frame when something changed (`touch`), sends it when the FrameGate allows
 * (at most one in flight, ~60/s), waits out the gate's delay on a timer, and measures how long the page takes to
 * acknowledge — a slow page is short of CPU, and the host rests between slices for it (trainerHost.ts).
 */
import { FrameGate } from './frameGate';
import type { HostDeps } from './hostDeps';
import type { buildFrame } from './messages';
import { AckLatency } from './meters';

/** A page measure above this is a clock mix-up (e.g. a suspended tab's), not a slow page: ignored. */
const MAX_PAGE_MS = 10_000;

export type BuiltFrame = ReturnType<typeof buildFrame>;

export interface FrameSource {
  /** False while no frame may go out (diverged: the page keeps the last finite one; loading: the old trainer's). */
  canSend(): boolean;
  /** The frame to send now, or null when there is none (no trainer, or building it failed and was reported). */
  build(): BuiltFrame | null;
}

export class FrameSender {
  private readonly gate: FrameGate;
  private readonly ackLatency = new AckLatency();
  private timerSet = false;
  private lastSentAt = 0;

  constructor(
    private readonly deps: Pick<HostDeps, 'now' | 'sharedNow' | 'later' | 'post'>,
    private readonly source: FrameSource,
    frameIntervalMs: number,
  ) {
    this.gate = new FrameGate(frameIntervalMs);
  }

  /** Smoothed milliseconds from sending a frame to its acknowledgement. */
  get ackMs(): number {
    return this.ackLatency.ms;
  }

  /** Something changed: owe a frame. */
  touch() {
    this.gate.markDirty();
    this.flush();
  }

  /**
   * The page acknowledged the frame in flight. `pageMs` is the page's own measure (post to shown); without it, the round
   * trip counts, which also holds the rest of the worker's slice.
   */
  acked(pageMs?: number) {
    const measured =
      typeof pageMs === 'number' && Number.isFinite(pageMs) && pageMs >= 0 && pageMs < MAX_PAGE_MS;
    this.ackLatency.note(measured ? pageMs : this.deps.now() - this.lastSentAt);
    this.gate.acked();
    this.flush();
  }

  private flush() {
    if (!this.source.canSend()) return;
    const decision = this.gate.decide(this.deps.now());
    if (decision.kind === 'wait' && !this.timerSet) {
      this.timerSet = true;
      this.deps.later(() => {
        this.timerSet = false;
        this.flush();
      }, decision.ms);
    }
    if (decision.kind !== 'send') return;
    const built = this.source.build();
    if (!built) return;
    this.lastSentAt = this.deps.now();
    this.gate.sent(this.lastSentAt);
    const sentAt = this.deps.sharedNow?.();
    this.deps.post(sentAt === undefined ? built.frame : { ...built.frame, sentAt }, built.transfer);
  }
}
