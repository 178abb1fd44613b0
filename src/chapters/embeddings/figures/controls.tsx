import { useId } from 'react';
import type { EnumParam, IntParam, NumberParam, ParamSpec } from '../../../experiments/types';
import { TextNotice } from './TextNotice';

/** A labelled native select for an enum parameter of a computed figure. */
export function SelectControl({
  spec,
  value,
  onChange,
}: {
  spec: ParamSpec;
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  const options = (spec as EnumParam).options ?? [];
  return (
    <div className="emb-control">
      <label htmlFor={id}>{spec.label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled native range input (integer or linear number parameter) with its value beside it. */
export function SliderControl({
  spec,
  value,
  onChange,
  format = String,
}: {
  spec: ParamSpec;
  value: number;
  onChange(value: number): void;
  format?: (v: number) => string;
}) {
  const id = useId();
  const s = spec as IntParam | NumberParam;
  return (
    <div className="emb-control">
      <label htmlFor={id}>
        {spec.label}: <span className="emb-num">{format(value)}</span>
      </label>
      <input
        id={id}
        type="range"
        min={s.min}
        max={s.max}
        step={s.step ?? 1}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** Link settings that were ignored or clamped, as one dismissible notice. */
export function ParamNotice({ lines }: { lines: readonly string[] }) {
  return (
    <TextNotice line={lines.length > 0 ? `Some link settings were not used: ${lines.join('; ')}` : null} />
  );
}
