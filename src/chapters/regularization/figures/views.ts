/** Read-out helpers shared by the chapter's figures (the view types and checks live in experiments/regularization/views.ts). */

/** What a figure draws while a view's array has not arrived: nothing. */
export const NO_VALUES: ArrayLike<number> = new Float64Array(0);

/** A TeX number with fixed digits ('–' when missing), never exponent notation. */
export function texFixed(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return '\\text{–}';
  return x.toFixed(digits);
}
