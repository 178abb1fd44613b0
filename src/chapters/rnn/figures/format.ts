import { fmt } from '../../activations/figures/format';

export { fmt };

/** A column vector in TeX with live numbers, e.g. [0.12, −0.40, …]ᵀ written as a bmatrix row transposed. */
export function texVector(values: ArrayLike<number>, digits = 2): string {
  return `\\begin{bmatrix} ${Array.from(values, (v) => fmt(v, digits)).join(' & ')} \\end{bmatrix}^{\\top}`;
}

/** Bits from nats. */
export function bits(nats: number): number {
  return nats / Math.LN2;
}
