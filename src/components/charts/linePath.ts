/**
 * SVG path data for a long series, downsampled per pixel column: in each column only the first, lowest, highest
 * and last points are kept, so 100k points draw as ≤ 4 points per pixel and look identical to the full line.
 * Non-finite points (and, for log scales, values ≤ 0) leave a gap instead of breaking the path or the scale.
 */
export function linePath(
  xs: ArrayLike<number> | null,
  ys: ArrayLike<number>,
  length: number,
  sx: (v: number) => number,
  sy: (v: number) => number,
  positiveOnly = false,
): { d: string; points: number } {
  // d3 linear/log scales are affine in x or log(x): evaluate them inline (a function call per point through d3
  // costs ~10× more, which matters at 100k points × 60 updates/s)
  const fx = affine(sx);
  const fy = affine(sy);
  const parts: string[] = [];
  let points = 0;
  let col = NaN;
  // current pixel column: first, lowest, highest and last pixel y, and when the extremes occurred
  let firstY = 0;
  let minY = 0;
  let maxY = 0;
  let lastY = 0;
  let minAt = 0;
  let maxAt = 0;
  let k = 0;
  let penDown = false;

  const emit = (x: number, y: number) => {
    parts.push(`${penDown ? 'L' : 'M'}${x},${Math.round(y * 10) / 10}`);
    penDown = true;
    points++;
  };
  // Per column: the first point, then the extremes in the order they occurred (the last point is dropped when
  // the column is dense — the vertical span already covers it, and fewer vertices paint faster).
  const flush = () => {
    if (Number.isNaN(col)) return;
    emit(col, firstY);
    if (k > 0) {
      if (minAt <= maxAt) {
        if (minAt > 0) emit(col, minY);
        if (maxAt > 0) emit(col, maxY);
      } else {
        if (maxAt > 0) emit(col, maxY);
        if (minAt > 0) emit(col, minY);
      }
      if (k <= 2 && lastY !== minY && lastY !== maxY) emit(col, lastY);
    }
    col = NaN;
  };

  for (let i = 0; i < length; i++) {
    const xv = xs ? xs[i] : i;
    const yv = ys[i];
    if (!Number.isFinite(xv) || !Number.isFinite(yv) || (positiveOnly && yv <= 0)) {
      flush();
      penDown = false; // a gap, not a jump to a bogus value
      continue;
    }
    const px = Math.round(fx ? fx.apply(xv) : sx(xv));
    const py = fy ? fy.apply(yv) : sy(yv);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    if (px !== col) {
      flush();
      col = px;
      firstY = minY = maxY = lastY = py;
      minAt = maxAt = k = 0;
    } else {
      k++;
      if (py < minY) {
        minY = py;
        minAt = k;
      }
      if (py > maxY) {
        maxY = py;
        maxAt = k;
      }
      lastY = py;
    }
  }
  flush();
  return { d: parts.join(''), points };
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
