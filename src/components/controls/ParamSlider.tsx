import { useId } from 'react';
import type { EnumParam, IntParam, NumberParam, ParamValue } from '../../experiments/types';
import './controls.css';

export type SliderSpec = NumberParam | IntParam | EnumParam;

export interface ParamSliderProps {
  spec: SliderSpec;
  value: ParamValue | undefined;
  /** Receives a valid value for `spec`: pass `useUrlParams().set` or an experiment's `setParam`. */
  onChange(name: string, value: ParamValue): void;
  /** Accessible name when it should differ from the table's label (e.g. the symbol the lesson uses). */
  label?: string;
  testId?: string;
}

/** How a slider moves over a spec: native range positions, and the value each position stands for. */
export interface SliderTrack {
  min: number;
  max: number;
  step: number;
  position: number;
  /** The value shown next to the label and read by screen readers. */
  text: string;
  toValue(position: number): ParamValue;
}

/**
 * The figure sliders' one scale. Linear numbers move in their own units by `step` (so arrow keys step exactly as the
 * table says); a log scale moves over log10(value) in 200 positions, fine enough for temperatures and rates; an enum
 * moves over its options' indices (one arrow press, the next option).
 */
export function sliderTrack(spec: SliderSpec, value: ParamValue | undefined): SliderTrack {
  if (spec.type === 'enum') {
    const index = Math.max(
      0,
      spec.options.findIndex((o) => o.value === value),
    );
    return {
      min: 0,
      max: spec.options.length - 1,
      step: 1,
      position: index,
      text: spec.options[index].label,
      toValue: (p) => spec.options[Math.min(spec.options.length - 1, Math.max(0, Math.round(p)))].value,
    };
  }
  const v = typeof value === 'number' ? value : spec.default;
  const log = spec.type === 'number' && spec.scale === 'log' && spec.min > 0;
  const toSlider = (x: number) => (log ? Math.log10(x) : x);
  const lo = toSlider(spec.min);
  const hi = toSlider(spec.max);
  const step = spec.step ?? (spec.type === 'int' ? 1 : 0);
  return {
    min: lo,
    max: hi,
    step: log ? (hi - lo) / 200 : (spec.step ?? 1),
    position: toSlider(v),
    text: String(v),
    toValue: (p) => {
      const x = log ? 10 ** p : p;
      const snapped = step > 0 && !log ? Math.round(x / step) * step : x;
      return Number(snapped.toFixed(log ? 3 : 6));
    },
  };
}

/**
 * A labelled slider for one parameter, its value read out beside the label. A native range input, so keyboard and
 * screen readers work without extra code (and the arrow keys stay with the slider, not the lesson).
 */
export function ParamSlider({ spec, value, onChange, label = spec.label, testId }: ParamSliderProps) {
  const id = useId();
  const track = sliderTrack(spec, value);
  return (
    <div className="link-control" title={spec.help}>
      <span>
        <label htmlFor={id}>{label}</label>{' '}
        <output className="link-control-value" htmlFor={id}>
          {track.text}
        </output>
      </span>
      <input
        id={id}
        type="range"
        min={track.min}
        max={track.max}
        step={track.step}
        value={track.position}
        aria-valuetext={track.text}
        data-testid={testId}
        onChange={(e) => {
          const p = Number(e.target.value);
          if (Number.isFinite(p)) onChange(spec.name, track.toValue(p));
        }}
      />
    </div>
  );
}
