/**
 * Slider position ⇄ value. Sliders run over integer positions 0…RESOLUTION so the same code serves linear and log
 * scales; the numeric entry next to a slider accepts any value in range.
 */
export const RESOLUTION = 1000;

export interface SliderScale {
  min: number;
  max: number;
  log: boolean;
  /** Snap values to multiples of this (linear scales and ints). */
  step?: number;
}

export function toPosition(s: SliderScale, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const v = Math.min(s.max, Math.max(s.min, value));
  const t =
    s.log && s.min > 0 ? Math.log(v / s.min) / Math.log(s.max / s.min) : (v - s.min) / (s.max - s.min || 1);
  return Math.round(t * RESOLUTION);
}

export function fromPosition(s: SliderScale, position: number): number {
  const t = Math.min(1, Math.max(0, position / RESOLUTION));
  let v = s.log && s.min > 0 ? s.min * Math.pow(s.max / s.min, t) : s.min + t * (s.max - s.min);
  if (s.step && s.step > 0 && !s.log) v = s.min + Math.round((v - s.min) / s.step) * s.step;
  else v = Number(v.toPrecision(s.log ? 2 : 3)); // readable values in URLs: 0.0032, not 0.003162277…
  return Math.min(s.max, Math.max(s.min, Number(v.toPrecision(12))));
}
