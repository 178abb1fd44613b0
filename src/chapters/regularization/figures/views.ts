import type { ViewValue } from '../../../experiments/types';
import { record } from '../../backprop/figures/views';

/** Numeric array from a view field (Float32Array / Float64Array / number[]), or an empty one. */
export function nums(v: ViewValue | undefined): ArrayLike<number> {
  if (
    v instanceof Float32Array ||
    v instanceof Float64Array ||
    v instanceof Uint8Array ||
    v instanceof Int32Array
  )
    return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  return [];
}

/** The shared data part of a fit view (src/experiments/regularization/shared.ts dataView). */
export interface FitData {
  trainX: ArrayLike<number>;
  trainY: ArrayLike<number>;
  valX: ArrayLike<number>;
  valY: ArrayLike<number>;
  curveX: ArrayLike<number>;
  truthY: ArrayLike<number>;
  view: Readonly<Record<string, ViewValue>>;
}

export function fitData(v: ViewValue | undefined): FitData | undefined {
  const r = record(v);
  if (!r) return undefined;
  const data = {
    trainX: nums(r.trainX),
    trainY: nums(r.trainY),
    valX: nums(r.valX),
    valY: nums(r.valY),
    curveX: nums(r.curveX),
    truthY: nums(r.truthY),
    view: r,
  };
  return data.curveX.length > 0 ? data : undefined;
}

/** A TeX number with fixed digits ('–' when missing), never exponent notation. */
export function texFixed(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return '\\text{–}';
  return x.toFixed(digits);
}
