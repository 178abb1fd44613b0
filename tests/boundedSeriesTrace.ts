/**
 * Feeds one long seeded sequence — NaNs and infinities, missing values, repeated steps, rewinds (some to 0),
 * far more points than the capacity, snapshots restored later, clears — into a bounded history and records every
 * observable output as bytes, so two implementations can be compared bit for bit (or against a recorded hash).
 */
import { Rng } from '../src/core/random';

export type Op =
  | { kind: 'push'; step: number; values: (number | undefined)[] }
  | { kind: 'snapshot' }
  | { kind: 'restore'; back: number }
  | { kind: 'clear' };

/** What the driver needs from a history; an adapter maps it onto one class's own API. */
export interface HistoryAdapter {
  push(step: number, values: (number | undefined)[]): void;
  snapshot?(): unknown;
  restore?(state: unknown): void;
  clear?(): void;
  /** The current stride (1, 2, 4, …), where the class shows it: lets a test check the run outgrew the capacity. */
  stride?(): number;
  /** Writes everything a reader of the class can see (stored points, counters, derived values) to the trace. */
  observe(trace: Trace): void;
}

export class Trace {
  private readonly chunks: Uint8Array[] = [];

  bytes(a: Float32Array | Float64Array): void {
    this.chunks.push(new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)));
  }

  numbers(...xs: number[]): void {
    this.bytes(Float64Array.from(xs));
  }

  all(): Uint8Array {
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** FNV-1a (32 bit) of the bytes and their count, as hex: a short golden value for a long trace. */
export function hashBytes(b: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
  return `${h.toString(16).padStart(8, '0')}:${b.length}`;
}

function randomValue(rng: Rng): number | undefined {
  const u = rng.next();
  if (u < 0.04) return Number.NaN;
  if (u < 0.06) return Number.POSITIVE_INFINITY;
  if (u < 0.07) return Number.NEGATIVE_INFINITY;
  if (u < 0.09) return undefined;
  if (u < 0.12) return -rng.next() * 3;
  return rng.next() * 2 + 1e-9 * rng.next();
}

/**
 * The op sequence for a seed: `width` values per point. `events` scales how often the run is interrupted (snapshot,
 * restore, clear, rewind, reset): lower it for a large capacity, so the run still outgrows it many times over.
 */
export function makeOps(seed: number, count: number, width: number, events = 1): Op[] {
  const rng = new Rng(seed);
  const ops: Op[] = [];
  let step = 0;
  for (let i = 0; i < count; i++) {
    const u = rng.next() / events;
    if (u < 0.004) ops.push({ kind: 'snapshot' });
    else if (u < 0.006) ops.push({ kind: 'restore', back: Math.floor(rng.next() * 3) });
    else if (u < 0.0065) ops.push({ kind: 'clear' });
    else {
      const v = rng.next();
      const e = rng.next() / events;
      if (e < 0.01)
        step = Math.floor(rng.next() * step); // a rewind
      else if (e < 0.012)
        step = 0; // a reset
      else if (v >= 0.023) step += 1 + (rng.next() < 0.1 ? Math.floor(rng.next() * 5) : 0);
      // v < 0.02: the same step again; v < 0.023: a broken (NaN) step, after which the run carries on
      const pushed = v >= 0.02 && v < 0.023 ? Number.NaN : step;
      ops.push({ kind: 'push', step: pushed, values: Array.from({ length: width }, () => randomValue(rng)) });
    }
  }
  return ops;
}

/**
 * Runs the ops and returns the trace — every output after every op (or every `every`-th op for large capacities) —
 * and the largest stride seen.
 */
export function runTrace(
  adapter: HistoryAdapter,
  ops: readonly Op[],
  every = 1,
): { bytes: Uint8Array; maxStride: number } {
  const trace = new Trace();
  const saved: unknown[] = [];
  let maxStride = 1;
  ops.forEach((op, i) => {
    maxStride = Math.max(maxStride, adapter.stride?.() ?? 1);
    if (op.kind === 'push') adapter.push(op.step, op.values);
    else if (op.kind === 'snapshot' && adapter.snapshot) saved.push(adapter.snapshot());
    else if (op.kind === 'restore' && adapter.restore && saved.length > 0)
      adapter.restore(saved[Math.max(0, saved.length - 1 - op.back)]);
    else if (op.kind === 'clear' && adapter.clear) adapter.clear();
    if (i % every === 0 || i === ops.length - 1 || op.kind !== 'push') adapter.observe(trace);
  });
  return { bytes: trace.all(), maxStride };
}
