import { useId } from 'react';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** How the current value is shown next to the label. */
  format?: (v: number) => string;
  testId?: string;
}

/** A labelled range input with its value read out (arrow keys stay with the slider, not the lesson). */
export function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  format = (v) => String(v),
  testId,
}: SliderProps) {
  const id = useId();
  return (
    <div className="nr-slider">
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{format(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onChange(v);
        }}
      />
    </div>
  );
}

/** Two decimals, with a true minus sign; negative numbers in parentheses inside TeX sums. */
export const fmt2 = (v: number) => (Object.is(Math.round(v * 100), -0) ? 0 : v).toFixed(2).replace('-', '−');
export const tex2 = (v: number) => {
  const s = (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
  return v < -0.005 ? `(${s})` : s;
};
