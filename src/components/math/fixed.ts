/** Number formatting for live formulas and read-outs: plain decimals a test can parse (no exponent for |x| ≥ 1e-4). */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  // '-0.000' → '0.000'
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A number inside TeX: negative values in parentheses so 'θ · (−0.5)' reads right. */
export function texNum(x: number, digits = 2): string {
  const s = fmt(x, digits);
  return s.startsWith('-') ? `(${s})` : s;
}
