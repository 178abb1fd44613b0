/**
 * The one bounded series/history of the app: named columns of numbers against a key (the first column: a step or an
 * x), in fixed memory (docs/CONTRACTS.md, "Reliability rules"). When full it thins out to every other point and from
 * then on records half as often (stride 2, 4, …), so a run of any length keeps at most `capacity` points that still
 * span the whole run.
 *
 * The figures that use it differ in small ways, and each way is an explicit policy here, not a copy of the class, so
 * that what a chart plots and what a timeline restores stay exactly what they were:
 * - `keep`: which point of each pair a compaction keeps (the later one, so the newest point survives, or the
 *   earlier one, so the very first point survives and a path still starts where the run started);
 * - `sampling`: whether a stride counts offers since the last kept point, or keeps offers whose index is a
 *   multiple of the stride;
 * - per column, what a non-finite (or missing) value does: stored as it is, stored as NaN, or the point is skipped;
 * - `rewind`: whether an offer at an earlier key drops the later points (a timeline step back) and a repeated key
 *   is ignored (a paused frame);
 * - `snapshot()` / `restore()`: a copy that makes the series exactly that again, counters included.
 */

/** What a non-finite or missing value in a column does: kept as it is, stored as NaN, or the point is not recorded. */
export type NonFinitePolicy = 'store' | 'nan' | 'skipPoint';

export interface BoundedSeriesOptions<C extends string> {
  /** Column names in order; the first is the key (step or x) the `rewind` policy compares. */
  columns: readonly C[];
  /** At most this many points are stored (the caller picks any rounding or minimum). */
  capacity: number;
  /**
   * 'later': a point arriving at a full store first halves it to the later point of each pair (indices 1, 3, …).
   * 'earlier': a store that has just become full halves to the earlier point of each pair (indices 0, 2, …).
   */
  keep: 'later' | 'earlier';
  /** 'sinceKept': record every stride-th offer after the last recorded one. 'indexMultiple': offer i when stride | i. */
  sampling: 'sinceKept' | 'indexMultiple';
  /** Per column; a column not named stores values as they are. */
  nonFinite?: Partial<Record<C, NonFinitePolicy>>;
  /** An offer at a key ≤ the last stored one: equal is ignored, earlier drops the stored points at or after it. */
  rewind?: boolean;
  /** Element type of the stored columns (float32 halves memory where that precision is all a chart needs). */
  precision?: 'f32' | 'f64';
}

type Store = Float32Array | Float64Array;

/** A copy of a series (a timeline snapshot); `restore` makes the series exactly this again. */
export interface BoundedSeriesState<C extends string, A extends Store = Float64Array> {
  columns: Record<C, A>;
  stride: number;
  /** The sampling counter: offers passed over since the last recorded point ('sinceKept'), or offers so far. */
  phase: number;
}

/** Finite extent of a column's stored points; `minPositive` is the smallest value > 0 (for log scales). */
export interface ColumnExtent {
  min: number;
  max: number;
  minPositive: number;
}

interface ExtentCache extends ColumnExtent {
  generation: number;
  upTo: number;
}

export class BoundedSeries<C extends string, A extends Store = Float64Array> {
  readonly capacity: number;
  readonly names: readonly C[];
  /** The stored points: `columns[name][i]` for i < length. Mutated in place; read `length` with it. */
  readonly columns: Readonly<Record<C, A>>;
  length = 0;
  /** Increases on every change (a point recorded, a rewind, a clear, a restore): a chart's redraw key. */
  version = 0;
  /** Increases when stored points are rewritten (compaction, rewind, clear, restore); between, the series only appends. */
  generation = 0;
  private stride = 1;
  private phase = 0;
  private readonly arrays: A[];
  private readonly policies: NonFinitePolicy[];
  private readonly extents = new Map<C, ExtentCache>();

  constructor(private readonly options: BoundedSeriesOptions<C>) {
    if (!(options.capacity >= 2)) throw new Error('BoundedSeries: capacity must be ≥ 2');
    this.capacity = options.capacity;
    this.names = options.columns;
    const make = (): A =>
      (options.precision === 'f32' ? new Float32Array(this.capacity) : new Float64Array(this.capacity)) as A;
    this.arrays = this.names.map(make);
    this.columns = Object.fromEntries(this.names.map((n, i) => [n, this.arrays[i]])) as Record<C, A>;
    this.policies = this.names.map((n) => options.nonFinite?.[n] ?? 'store');
  }

  /** Points are recorded every `recordEvery`-th offer (1 until the series first fills). */
  get recordEvery(): number {
    return this.stride;
  }

  /** Offer one point, values in column order. Returns whether it was recorded. */
  push(...row: readonly number[]): boolean {
    for (let c = 0; c < this.arrays.length; c++) {
      if (this.policies[c] === 'skipPoint' && !Number.isFinite(row[c])) return false;
    }
    if (this.options.rewind && this.length > 0) {
      const key = row[0];
      const last = this.arrays[0][this.length - 1];
      if (key === last) return false; // the same step again (a paused frame)
      if (key < last) this.rewind(key); // the timeline moved back (or a reset to 0): the later points are gone
    }
    if (!this.sampled()) return false;
    if (this.options.keep === 'later' && this.length === this.capacity) this.compact();
    const i = this.length++;
    for (let c = 0; c < this.arrays.length; c++) {
      const v = row[c];
      this.arrays[c][i] = this.policies[c] === 'nan' && !Number.isFinite(v) ? Number.NaN : v;
    }
    this.version++;
    if (this.options.keep === 'earlier' && this.length >= this.capacity) this.compact();
    return true;
  }

  /** Offer one point by column name (missing names count as undefined, so a 'nan' column stores NaN). */
  pushNamed(values: Readonly<Partial<Record<C, number | undefined>>>): boolean {
    return this.push(...this.names.map((n) => values[n] as number));
  }

  clear(): void {
    this.length = 0;
    this.stride = 1;
    this.phase = 0;
    this.generation++;
    this.version++;
  }

  /** The stored part of one column (a view, not a copy). */
  column(name: C): A {
    return this.columns[name].subarray(0, this.length) as A;
  }

  snapshot(): BoundedSeriesState<C, A> {
    const columns = Object.fromEntries(this.names.map((n) => [n, this.columns[n].slice(0, this.length)]));
    return { columns: columns as Record<C, A>, stride: this.stride, phase: this.phase };
  }

  restore(state: BoundedSeriesState<C, Store>): void {
    this.names.forEach((n) => this.columns[n].set(state.columns[n]));
    this.length = this.names.length > 0 ? state.columns[this.names[0]].length : 0;
    this.stride = state.stride;
    this.phase = state.phase;
    this.generation++;
    this.version++;
  }

  /** Interleaved [a0, b0, …, a1, b1, …] over the columns, plus, if given, a final row that need not be on the stride. */
  toInterleaved(last?: readonly number[]): Float32Array {
    const n = this.length;
    const width = this.arrays.length;
    const differs = last && n > 0 && this.arrays.some((a, c) => a[n - 1] !== last[c]);
    const rows = n + (differs ? 1 : 0);
    const out = new Float32Array(width * rows);
    for (let i = 0; i < n; i++) for (let c = 0; c < width; c++) out[width * i + c] = this.arrays[c][i];
    if (differs && last) for (let c = 0; c < width; c++) out[width * n + c] = last[c];
    return out;
  }

  /** Finite extent of a column's stored points, extended as points are appended and recomputed after a rewrite. */
  extent(name: C): ColumnExtent {
    let e = this.extents.get(name);
    if (!e || e.generation !== this.generation || e.upTo > this.length) {
      e = { min: Infinity, max: -Infinity, minPositive: Infinity, generation: this.generation, upTo: 0 };
      this.extents.set(name, e);
    }
    const a = this.columns[name];
    for (; e.upTo < this.length; e.upTo++) {
      const v = a[e.upTo];
      if (!Number.isFinite(v)) continue;
      if (v < e.min) e.min = v;
      if (v > e.max) e.max = v;
      if (v > 0 && v < e.minPositive) e.minPositive = v;
    }
    return e;
  }

  private sampled(): boolean {
    if (this.options.sampling === 'indexMultiple') return this.phase++ % this.stride === 0;
    if (this.stride > 1 && ++this.phase < this.stride) return false;
    this.phase = 0;
    return true;
  }

  /** Forget the points at or after `key`; back to empty also restarts the stride. */
  private rewind(key: number): void {
    let n = this.length;
    const keys = this.arrays[0];
    while (n > 0 && keys[n - 1] >= key) n--;
    if (n === 0) this.clear();
    this.length = n;
    this.generation++;
    this.version++;
  }

  private compact(): void {
    const later = this.options.keep === 'later';
    const kept = later ? Math.floor(this.length / 2) : Math.ceil(this.length / 2);
    const first = later ? 1 : 0;
    for (const a of this.arrays) for (let i = 0; i < kept; i++) a[i] = a[2 * i + first];
    this.length = kept;
    this.stride *= 2;
    this.generation++;
  }
}
