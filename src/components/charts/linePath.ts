/** One pixel column of a downsampled series: its first, lowest, highest and last pixel y, in order of arrival. */
export interface Column {
  x: number;
  first: number;
  min: number;
  max: number;
  last: number;
  /** Positions (0 = the first point) of the lowest and highest point, so a writer can keep their order. */
  minAt: number;
  maxAt: number;
  /** How many points fell in the column, less one. */
  extra: number;
}

/** Where finished columns go: an SVG path writer, or a canvas drawer. */
export interface ColumnSink {
  column(c: Readonly<Column>): void;
  /** A non-finite point: the line lifts here. */
  gap(): void;
}

/** Reduces a stream of pixel points to one summary per pixel column, handed to a ColumnSink. */
class ColumnReducer {
  private readonly c: Column = { x: NaN, first: 0, min: 0, max: 0, last: 0, minAt: 0, maxAt: 0, extra: 0 };

  constructor(private readonly sink: ColumnSink) {}

  feed(px: number, py: number) {
    const c = this.c;
    if (px !== c.x) {
      this.flush();
      c.x = px;
      c.first = c.min = c.max = c.last = py;
      c.minAt = c.maxAt = c.extra = 0;
      return;
    }
    c.extra++;
    if (py < c.min) {
      c.min = py;
      c.minAt = c.extra;
    }
    if (py > c.max) {
      c.max = py;
      c.maxAt = c.extra;
    }
    c.last = py;
  }

  flush() {
    if (Number.isNaN(this.c.x)) return;
    this.sink.column(this.c);
    this.c.x = NaN;
  }

  /** A gap (a non-finite point): finish the column and lift the pen. */
  gap() {
    this.flush();
    this.sink.gap();
  }
}

/**
 * A column as path vertices: the first point, then the extremes in the order they occurred, and — when the column is
 * sparse — its last (in a dense column the vertical span already covers it, and fewer vertices paint faster).
 */
export function columnVertices(
  { x, first, min, max, last, minAt, maxAt, extra }: Readonly<Column>,
  emit: (x: number, y: number) => void,
) {
  emit(x, first);
  if (extra === 0) return;
  if (minAt <= maxAt) {
    if (minAt > 0) emit(x, min);
    if (maxAt > 0) emit(x, max);
  } else {
    if (maxAt > 0) emit(x, max);
    if (minAt > 0) emit(x, min);
  }
  if (extra <= 2 && last !== min && last !== max) emit(x, last);
}

/**
 * Writes columns as SVG path data (columnVertices). A gap lifts the pen, so the next point starts a new subpath. (The
 * canvas draws columns through CanvasLine instead.)
 */
class PathWriter implements ColumnSink {
  readonly parts: string[] = [];
  points = 0;
  private penDown = false;

  private readonly emitVertex = (x: number, y: number) => this.emit(x, y);

  column(c: Readonly<Column>) {
    columnVertices(c, this.emitVertex);
  }

  gap() {
    this.penDown = false;
  }

  private emit(x: number, y: number) {
    this.parts.push(`${this.penDown ? 'L' : 'M'}${x},${Math.round(y * 10) / 10}`);
    this.penDown = true;
    this.points++;
  }
}

/**
 * Feeds chunk `c` (starting at point `i`) as its first, extreme and last points when the whole chunk lies inside one
 * pixel column and is clean (and, for log scales, positive); returns false, feeding nothing, otherwise.
 */
function feedChunk(
  out: ColumnReducer,
  chunks: ChunkIndex,
  c: number,
  ys: ArrayLike<number>,
  map: { x: (v: number) => number; y: (v: number) => number; positiveOnly: boolean },
): boolean {
  if (c >= chunks.count || !chunks.clean[c] || (map.positiveOnly && chunks.minY[c] <= 0)) return false;
  const px = map.x(chunks.firstX[c]);
  if (px !== map.x(chunks.lastX[c]) || !Number.isFinite(px)) return false;
  const i = c * CHUNK;
  const lo = chunks.minI[c];
  const hi = chunks.maxI[c];
  out.feed(px, map.y(ys[i]));
  if (lo < hi) {
    out.feed(px, map.y(ys[lo]));
    out.feed(px, map.y(ys[hi]));
  } else {
    out.feed(px, map.y(ys[hi]));
    out.feed(px, map.y(ys[lo]));
  }
  out.feed(px, map.y(ys[i + CHUNK - 1]));
  return true;
}

/**
 * SVG path data for a long series, downsampled per pixel column: in each column only the first, lowest, highest and
 * last points are kept, so 100k points draw as ≤ 4 points per pixel and look identical to the full line.
 * Non-finite points (and, for log scales, values ≤ 0) leave a gap instead of breaking the path or the scale.
 */
export function linePath(
  xs: ArrayLike<number> | null,
  ys: ArrayLike<number>,
  length: number,
  sx: (v: number) => number,
  sy: (v: number) => number,
  positiveOnly = false,
  chunks?: ChunkIndex,
): { d: string; points: number } {
  const writer = new PathWriter();
  reduceColumns({ xs, ys, length, sx, sy, positiveOnly, chunks }, writer);
  return { d: writer.parts.join(''), points: writer.points };
}

export interface SeriesPixels {
  xs: ArrayLike<number> | null;
  ys: ArrayLike<number>;
  length: number;
  sx: (v: number) => number;
  sy: (v: number) => number;
  /** Log scales: values ≤ 0 cannot be placed and leave a gap. */
  positiveOnly?: boolean;
  chunks?: ChunkIndex;
}

/** Maps a series to pixels and hands it to `sink` one pixel column at a time (x rounded to whole pixels). */
export function reduceColumns(
  { xs, ys, length, sx, sy, positiveOnly = false, chunks }: SeriesPixels,
  sink: ColumnSink,
): void {
  // d3 linear/log scales are affine in x or log(x): evaluate them inline (a function call per point through d3
  // costs ~10× more, which matters at 100k points × 60 updates/s)
  const fx = affine(sx);
  const fy = affine(sy);
  const map = {
    x: (v: number) => Math.round(fx ? fx.apply(v) : sx(v)),
    y: (v: number) => (fy ? fy.apply(v) : sy(v)),
    positiveOnly,
  };
  const out = new ColumnReducer(sink);
  let i = 0;
  while (i < length) {
    // a whole chunk inside one pixel column: its first, extreme and last points stand for all of them
    if (chunks && i % CHUNK === 0 && feedChunk(out, chunks, i / CHUNK, ys, map)) {
      i += CHUNK;
      continue;
    }
    const xv = xs ? xs[i] : i;
    const yv = ys[i];
    i++;
    if (!Number.isFinite(xv) || !Number.isFinite(yv) || (positiveOnly && yv <= 0)) {
      out.gap(); // a gap, not a jump to a bogus value
      continue;
    }
    const px = map.x(xv);
    const py = map.y(yv);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    out.feed(px, py);
  }
  out.flush();
}

/** Index of the point whose x is nearest to `x` (xs ascending; null xs = indices). -1 when empty. */
export function nearestIndex(xs: ArrayLike<number> | null, length: number, x: number): number {
  if (length <= 0 || !Number.isFinite(x)) return -1;
  if (!xs) return Math.max(0, Math.min(length - 1, Math.round(x)));
  let lo = 0;
  let hi = length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

interface Affine {
  apply(v: number): number;
}

/** A fast evaluator for a d3 linear or log scale (duck-typed), or null for anything else. */
function affine(scale: (v: number) => number): Affine | null {
  const s = scale as unknown as {
    domain?: () => number[];
    range?: () => number[];
    base?: () => number;
    clamp?: () => boolean;
    interpolate?: unknown;
  };
  if (typeof s.domain !== 'function' || typeof s.range !== 'function' || typeof s.interpolate !== 'function')
    return null;
  const d = s.domain();
  const r = s.range();
  if (d.length !== 2 || r.length !== 2 || typeof r[0] !== 'number') return null;
  const isLog = typeof s.base === 'function';
  const clamp = typeof s.clamp === 'function' && s.clamp();
  const t = isLog ? Math.log : (v: number) => v;
  const d0 = t(d[0]);
  const d1 = t(d[1]);
  if (!Number.isFinite(d0) || !Number.isFinite(d1) || d1 === d0) return null;
  const k = (r[1] - r[0]) / (d1 - d0);
  const r0 = r[0];
  const lo = Math.min(r[0], r[1]);
  const hi = Math.max(r[0], r[1]);
  if (isLog) {
    if (d[0] < 0) return null; // negative log domains: leave it to d3
    return clamp
      ? { apply: (v) => Math.max(lo, Math.min(hi, r0 + (Math.log(v) - d0) * k)) }
      : { apply: (v) => r0 + (Math.log(v) - d0) * k };
  }
  return clamp
    ? { apply: (v) => Math.max(lo, Math.min(hi, r0 + (v - d0) * k)) }
    : { apply: (v) => r0 + (v - d0) * k };
}

/** Points per chunk of a ChunkIndex. */
const CHUNK = 16;

/**
 * Per-chunk summaries (CHUNK points each) of an append-only series: first/last x, min/max y and where they are.
 * linePath uses them to skip whole chunks that fall inside one pixel column, so a 100k-point series costs ~6k steps.
 * Cached per owner (a SeriesBuffer) and extended incrementally as it grows; rebuilt when `generation` changes.
 */
export interface ChunkIndex {
  generation: number;
  count: number;
  firstX: Float64Array;
  lastX: Float64Array;
  minY: Float64Array;
  minI: Int32Array;
  maxI: Int32Array;
  /** 1 when every x and y in the chunk is finite. */
  clean: Uint8Array;
}

const chunkCache = new WeakMap<object, ChunkIndex>();

function allocate(capacity: number, generation: number): ChunkIndex {
  return {
    generation,
    count: 0,
    firstX: new Float64Array(capacity),
    lastX: new Float64Array(capacity),
    minY: new Float64Array(capacity),
    minI: new Int32Array(capacity),
    maxI: new Int32Array(capacity),
    clean: new Uint8Array(capacity),
  };
}

export function chunkIndex(
  owner: object,
  generation: number,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
): ChunkIndex {
  const full = Math.floor(length / CHUNK);
  let idx = chunkCache.get(owner);
  if (!idx || idx.generation !== generation || idx.count > full)
    idx = allocate(Math.max(64, full * 2), generation);
  if (idx.firstX.length < full) {
    const grown = allocate(full * 2, generation);
    grown.firstX.set(idx.firstX.subarray(0, idx.count));
    grown.lastX.set(idx.lastX.subarray(0, idx.count));
    grown.minY.set(idx.minY.subarray(0, idx.count));
    grown.minI.set(idx.minI.subarray(0, idx.count));
    grown.maxI.set(idx.maxI.subarray(0, idx.count));
    grown.clean.set(idx.clean.subarray(0, idx.count));
    grown.count = idx.count;
    idx = grown;
  }
  for (let c = idx.count; c < full; c++) {
    const start = c * CHUNK;
    let lo = start;
    let hi = start;
    let clean = 1;
    for (let j = start; j < start + CHUNK; j++) {
      const x = xs[j];
      const y = ys[j];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        clean = 0;
        continue;
      }
      if (y < ys[lo] || !Number.isFinite(ys[lo])) lo = j;
      if (y > ys[hi] || !Number.isFinite(ys[hi])) hi = j;
    }
    idx.firstX[c] = xs[start];
    idx.lastX[c] = xs[start + CHUNK - 1];
    idx.minY[c] = ys[lo];
    idx.minI[c] = lo;
    idx.maxI[c] = hi;
    idx.clean[c] = clean;
  }
  idx.count = full;
  chunkCache.set(owner, idx);
  return idx;
}
