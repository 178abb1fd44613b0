/**
 * Scalar maths on plain numbers, written once for the whole app (tensor versions live in ops/). Each is safe for
 * large inputs: no exponential overflows, and bad temperatures fall back to 1.
 */
import { softmaxValues } from './sampling';

/** σ(x) = 1 / (1 + e^(−x)), in two branches so exp never overflows for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log Σ exp(xᵢ), max-subtracted; −∞ for an empty list. */
export function logSumExp(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i] - m);
  return m + Math.log(s);
}

/**
 * Softmax with temperature T as plain numbers: pᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T). Non-finite logits count as 0; a
 * non-finite or non-positive T counts as 1.
 */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  const z = Array.from(logits, (v) => (Number.isFinite(v) ? v : 0));
  return Array.from(softmaxValues(z, temperature));
}
