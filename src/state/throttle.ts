/**
 * Latest-value throttle: `offer(v)` delivers at most once per `ms`; the newest value always lands (a trailing
 * delivery within `ms`), older ones in between are dropped. Used for text read-outs, which ~12 updates a second
 * make readable while each costs a React render.
 */
export class Throttle<T> {
  private pending: { value: T } | null = null;
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly deliver: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  offer(value: T) {
    this.pending = { value };
    const wait = this.ms - (this.now() - this.last);
    if (wait <= 0) this.flush();
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Deliver the pending value now (if any). */
  flush() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    this.last = this.now();
    this.deliver(p.value);
  }

  /** Forget a pending value. */
  drop() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
