/**
 * The timeline of one run in the worker: moments kept while training (a trainer's `snapshot()` at regular step
 * marks), so the page can move the run back to any step and play on from there.
 *
 * Marks are the multiples of `interval` (1 at first). When more than MAX_MOMENTS moments are kept, or their
 * snapshots together pass SNAPSHOT_BUDGET_BYTES, the interval doubles and every moment off the new grid is dropped
 * (step 0 always stays) — memory stays flat however long the run, as a series buffer does, and at step S the kept
 * moments are ≈ S / 128 … S / 64 steps apart.
 *
 * Showing step K = restore the latest moment at or before K, then train the rest exactly (full speed): training is
 * deterministic, so that is the run as it was at K. A trainer without `snapshot`/`restore` keeps marks only and is
 * rewound by rebuilding it and replaying from step 0.
 */
import type { ParamTable, ParamValues, Trainer, TrainerSnapshot } from '../../experiments/types';
import type { TimelineInfo } from '../protocol';

/** Snapshots of one run together stay below this (they are counted by their typed arrays). */
export const SNAPSHOT_BUDGET_BYTES = 8 * 1024 * 1024;
/** At most this many kept moments (the thinning keeps between half of it and all of it). */
export const MAX_MOMENTS = 128;

interface Moment {
  step: number;
  state: TrainerSnapshot | null;
  bytes: number;
  /** The settings then: live settings changed since are applied again after a restore. */
  values: ParamValues;
}

export class Timeline {
  private moments: Moment[] = [];
  private interval = 1;
  private bytes = 0;
  private snapshots = false;
  /** The latest step this run has reached (the end of the scrubber). */
  private head = 0;

  /** A fresh trainer at step 0 (load, reset, a structural change): forget the previous run. */
  start(trainer: Trainer, values: ParamValues) {
    this.moments = [];
    this.interval = 1;
    this.bytes = 0;
    this.head = 0;
    this.snapshots = typeof trainer.snapshot === 'function' && typeof trainer.restore === 'function';
    this.keep(trainer, 0, values);
  }

  info(): TimelineInfo {
    return { head: this.head, kept: this.moments.length, snapshots: this.snapshots };
  }

  get latest(): number {
    return this.head;
  }

  /** Steps from `step` to the next mark: a training call that stops there lets the timeline keep that moment. */
  untilNextMark(step: number): number {
    return (Math.floor(step / this.interval) + 1) * this.interval - step;
  }

  /** Training reached `step`: the head moves on, and a mark not kept yet is kept. */
  reached(trainer: Trainer, step: number, values: ParamValues) {
    if (step > this.head) this.head = step;
    if (step % this.interval !== 0) return;
    const last = this.moments[this.moments.length - 1];
    if (last && last.step >= step) return; // replaying towards a moment already kept
    this.keep(trainer, step, values);
  }

  /**
   * The run goes on from `step` in a new direction (Play or Step after a rewind, a live setting changed): the
   * moments after it describe a future that will not happen any more.
   */
  branch(step: number) {
    if (step >= this.head) return;
    this.head = step;
    while (this.moments.length > 1 && this.moments[this.moments.length - 1].step > step) {
      this.bytes -= this.moments.pop()!.bytes;
    }
  }

  /**
   * Puts `trainer` at the latest kept moment at or before `target` and returns the step it is at now (training the
   * rest is the caller's), or null when the trainer cannot restore: the caller rebuilds it and replays from step 0.
   * `values` are the current settings: live ones changed since that moment are applied again.
   */
  rewind(trainer: Trainer, target: number, values: ParamValues, table: ParamTable): number | null {
    let moment: Moment | undefined;
    for (const m of this.moments) if (m.step <= target) moment = m;
    if (!moment || moment.state === null || !trainer.restore) return null;
    trainer.restore(moment.state);
    for (const { name, live } of table) {
      if (!live || !Object.hasOwn(values, name) || sameValue(values[name], moment.values[name])) continue;
      trainer.set(name, values[name]);
    }
    return moment.step;
  }

  private keep(trainer: Trainer, step: number, values: ParamValues) {
    const state = this.snapshots ? trainer.snapshot!() : null;
    const bytes = state ? sizeOf(state, 0) : 0;
    this.moments.push({ step, state, bytes, values: { ...values } });
    this.bytes += bytes;
    while (
      this.moments.length > MAX_MOMENTS ||
      (this.bytes > SNAPSHOT_BUDGET_BYTES && this.moments.length > 2)
    )
      this.thin();
  }

  /** Double the interval and drop the moments off the new grid (step 0 is on every grid). */
  private thin() {
    this.interval *= 2;
    const kept = this.moments.filter((m) => m.step % this.interval === 0);
    this.moments = kept;
    this.bytes = kept.reduce((sum, m) => sum + m.bytes, 0);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b);
}

/** Bytes a snapshot holds: its typed arrays' buffers, 8 per other number (an estimate for the budget). */
export function sizeOf(value: unknown, depth: number): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return 2 * value.length;
  if (depth > 8 || value === null || typeof value !== 'object') return 0;
  let total = 0;
  for (const v of Array.isArray(value) ? value : Object.values(value)) total += sizeOf(v, depth + 1);
  return total;
}
