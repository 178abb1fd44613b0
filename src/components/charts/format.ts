/** Number formatting shared by charts: plain decimals (docs/CONTRACTS.md), never "NaN" surprises. */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(2);
  if (Number.isInteger(v)) return String(v);
  if (a >= 100) return String(Number(v.toFixed(1)));
  return String(Number(v.toPrecision(digits)));
}

/** Finite min and max of an array-like (NaN/±Infinity skipped); null when no finite value. */
export function finiteExtent(values: ArrayLike<number>, length = values.length): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Largest finite |v|; 0 when none. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

/** Widen a degenerate [a, a] domain so a scale over it is still usable. */
export function padDomain([lo, hi]: [number, number]): [number, number] {
  if (hi > lo) return [lo, hi];
  const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
  return [lo - d, hi + d];
}

/**
 * A read-out with a fixed number of decimals: never exponent notation (e2e tests parse it), '–' for an absent or
 * non-finite value, and 0 for a value that would print as −0.000….
 */
export function fmt(x: number | undefined, digits = 4): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const v = Math.abs(x) < 10 ** -digits / 2 ? 0 : x;
  return v.toFixed(digits);
}
