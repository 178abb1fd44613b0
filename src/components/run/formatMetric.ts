/**
 * Read-out numbers as plain decimals a person and a test can read: `0.0421`, `1.237`, `12345` — never `4.2e-2`.
 * Four significant digits; integers stay integers; non-finite values show as an em dash.
 */
export function formatMetric(x: number | undefined, significant = 4): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  if (abs >= 1e21) return x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  if (Number.isInteger(x)) return String(x);
  if (abs >= 10 ** significant) return String(Math.round(x));
  const magnitude = abs === 0 ? 0 : Math.floor(Math.log10(abs));
  const decimals = Math.min(20, Math.max(0, significant - 1 - magnitude));
  return x.toFixed(decimals);
}

/** Accuracy in [0, 1] as a plain decimal with three places (`0.950`). */
export function formatAccuracy(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(3);
}
