import { fmt } from '../math/fixed';

export { fmt };

/** A column vector in TeX with live numbers, e.g. [0.12, −0.40, …]ᵀ written as a bmatrix row transposed. */
export function texVector(values: ArrayLike<number>, digits = 2): string {
  return `\\begin{bmatrix} ${Array.from(values, (v) => fmt(v, digits)).join(' & ')} \\end{bmatrix}^{\\top}`;
}

/** Bits from nats. */
export function bits(nats: number): number {
  return nats / Math.LN2;
}

/** A character as the page shows it (the space made visible). */
export function showChar(c: string): string {
  if (c === ' ') return '␣';
  if (c === '\n') return '↵';
  return c;
}
