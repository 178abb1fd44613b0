/**
 * Bounded histories for figures. Long runs must stay flat in memory (docs/CONTRACTS.md, "Reliability rules"), so a recorder keeps at most
 * `capacity` points: when full it drops every second point and from then on records only every `stride`-th
 * point. The first point is always kept, so a path still starts where the run started.
 */
export class PointRecorder {
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private stride = 1;
  private seen = 0;

  constructor(private readonly capacity = 1024) {
    if (!(capacity >= 4)) throw new Error('PointRecorder: capacity must be ≥ 4');
  }

  push(x: number, y: number): void {
    const index = this.seen++;
    if (index % this.stride !== 0) return;
    this.xs.push(x);
    this.ys.push(y);
    if (this.xs.length >= this.capacity) this.halve();
  }

  /** Points currently stored. */
  get length(): number {
    return this.xs.length;
  }

  clear(): void {
    this.xs.length = 0;
    this.ys.length = 0;
    this.stride = 1;
    this.seen = 0;
  }

  /** A copy of the recorder (a timeline snapshot); `restore` makes it exactly this again. */
  snapshot(): RecorderState {
    return {
      xs: Float64Array.from(this.xs),
      ys: Float64Array.from(this.ys),
      stride: this.stride,
      seen: this.seen,
    };
  }

  restore(state: RecorderState): void {
    this.xs.length = 0;
    this.ys.length = 0;
    for (let i = 0; i < state.xs.length; i++) {
      this.xs.push(state.xs[i]);
      this.ys.push(state.ys[i]);
    }
    this.stride = state.stride;
    this.seen = state.seen;
  }

  /** Interleaved [x0, y0, x1, y1, …] plus, if given, a final point that need not be on the stride. */
  toInterleaved(last?: readonly [number, number]): Float32Array {
    const n = this.xs.length;
    const extra = last && n > 0 && (this.xs[n - 1] !== last[0] || this.ys[n - 1] !== last[1]) ? 1 : 0;
    const out = new Float32Array(2 * (n + extra));
    for (let i = 0; i < n; i++) {
      out[2 * i] = this.xs[i];
      out[2 * i + 1] = this.ys[i];
    }
    if (extra && last) {
      out[2 * n] = last[0];
      out[2 * n + 1] = last[1];
    }
    return out;
  }

  private halve(): void {
    let w = 0;
    for (let r = 0; r < this.xs.length; r += 2) {
      this.xs[w] = this.xs[r];
      this.ys[w] = this.ys[r];
      w++;
    }
    this.xs.length = w;
    this.ys.length = w;
    this.stride *= 2;
  }
}

export interface RecorderState {
  xs: Float64Array;
  ys: Float64Array;
  stride: number;
  seen: number;
}

/** A grid of values over a rectangle, row-major: values[j * nx + i] is at (x0 + i·dx, y0 + j·dy). */
export interface GridView {
  values: Float32Array;
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  [key: string]: Float32Array | number;
}

/** The shape check figures use for a grid view (a frame may carry another experiment's view of the same name). */
export function isGridView(v: unknown): v is GridView {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Partial<GridView>;
  return (
    g.values instanceof Float32Array &&
    typeof g.nx === 'number' &&
    typeof g.ny === 'number' &&
    g.values.length === g.nx * g.ny &&
    [g.x0, g.x1, g.y0, g.y1].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Evaluates f on an nx × ny grid spanning [x0, x1] × [y0, y1]. */
export function sampleGrid(
  f: (x: number, y: number) => number,
  nx: number,
  ny: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): GridView {
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + ((x1 - x0) * i) / (nx - 1), y);
  }
  return { values, nx, ny, x0, x1, y0, y1 };
}

/** A loss is called diverged when it is non-finite or grew beyond this factor of where it started. */
export const DIVERGENCE_FACTOR = 1e6;

export function isDiverging(loss: number, initialLoss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGENCE_FACTOR * Math.max(initialLoss, 1e-3);
}
