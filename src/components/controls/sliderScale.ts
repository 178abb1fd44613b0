/**
 * Slider position ⇄ value. Sliders run over integer positions 0…positionCount(s), chosen so every keyboard arrow
 * press moves to a different, readable value (no "stuck" slider after rounding):
 * - log scales: 20 positions per decade, values rounded to 2 significant digits (0.1, 0.11, 0.13, 0.14, …);
 * - linear scales with a step: one position per step (at most 1000 positions);
 * - linear scales without a step: 1000 positions, values rounded to the position's resolution.
 * The numeric entry next to a slider accepts any value in range.
 */
export interface SliderScale {
  min: number;
  max: number;
  log: boolean;
  /** Snap values to multiples of this above `min` (linear scales and ints). */
  step?: number;
}

const PER_DECADE = 20;
const MAX_POSITIONS = 1000;

export function positionCount(s: SliderScale): number {
  if (s.log && s.min > 0 && s.max > s.min)
    return Math.max(1, Math.round(Math.log10(s.max / s.min) * PER_DECADE));
  if (s.step && s.step > 0) return Math.max(1, Math.min(MAX_POSITIONS, Math.round((s.max - s.min) / s.step)));
  return MAX_POSITIONS;
}

export function toPosition(s: SliderScale, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const n = positionCount(s);
  const v = Math.min(s.max, Math.max(s.min, value));
  const t =
    s.log && s.min > 0 ? Math.log(v / s.min) / Math.log(s.max / s.min) : (v - s.min) / (s.max - s.min || 1);
  return Math.round(t * n);
}

export function fromPosition(s: SliderScale, position: number): number {
  const n = positionCount(s);
  const t = Math.min(1, Math.max(0, position / n));
  let v: number;
  if (s.log && s.min > 0) {
    v = Number((s.min * Math.pow(s.max / s.min, t)).toPrecision(2));
  } else {
    const raw = s.min + t * (s.max - s.min);
    const quantum = s.step && s.step > 0 ? Math.max(s.step, (s.max - s.min) / n) : (s.max - s.min) / n;
    const snapped =
      s.step && s.step > 0
        ? Math.round((raw - s.min) / s.step) * s.step
        : Math.round((raw - s.min) / quantum) * quantum;
    v = s.min + snapped;
  }
  return Math.min(s.max, Math.max(s.min, Number(v.toPrecision(12))));
}
