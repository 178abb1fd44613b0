/** Pure computations behind FunctionPlot: sampled curves, the y-domain, the tangent and keyboard probe moves. */

/** f(x), or NaN when f throws or returns something that is not a number. */
export function safeEval(fn: (x: number) => number, x: number): number {
  try {
    const v = fn(x);
    return typeof v === 'number' ? v : NaN;
  } catch {
    return NaN;
  }
}

/** n evenly spaced samples of fn over [x0, x1]. */
export function sampleCurve(
  fn: (x: number) => number,
  x0: number,
  x1: number,
  n: number,
): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = x0 + ((x1 - x0) * i) / (n - 1);
    pts.push([x, safeEval(fn, x)]);
  }
  return pts;
}

/** The finite range of the curves, clipped to [−10, 10] and padded by 8% ([−1, 1] when nothing is finite). */
export function autoYDomain(curves: readonly { pts: readonly [number, number][] }[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of curves)
    for (const [, y] of c.pts)
      if (Number.isFinite(y)) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
  if (lo > hi) [lo, hi] = [-1, 1];
  lo = Math.max(-10, lo);
  hi = Math.min(10, hi);
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/** A short tangent segment through (x, y) with slope dy, 12% of the domain either side; null if not finite. */
export function tangentSegment(x: number, y: number, dy: number, x0: number, x1: number) {
  if (!Number.isFinite(y) || !Number.isFinite(dy)) return null;
  const half = (x1 - x0) * 0.12;
  return [
    [x - half, y - dy * half],
    [x + half, y + dy * half],
  ] as const;
}

/** Where a key moves the probe (1% of the domain, 10% with Shift, Home/End to the ends); null = not ours. */
export function probeKeyTarget(
  key: string,
  coarse: boolean,
  px: number,
  x0: number,
  x1: number,
): number | null {
  const step = (x1 - x0) / (coarse ? 10 : 100);
  if (key === 'ArrowLeft' || key === 'ArrowDown') return px - step;
  if (key === 'ArrowRight' || key === 'ArrowUp') return px + step;
  if (key === 'Home') return x0;
  if (key === 'End') return x1;
  return null;
}
