import { useId } from 'react';
import type { EnumParam, ParamValue } from '../../experiments/types';
import './controls.css';

/**
 * Option labels this long (formulas, phrases) do not fit a select in one settings-grid cell once presenter mode
 * enlarges the text; such a select's cell is marked wide, and on a projector it spans two columns (controls.css).
 */
const WIDE_CHOICE_CHARS = 16;

/** Whether an enum parameter's select needs a wide cell: its longest option label is WIDE_CHOICE_CHARS or more. */
export function isWideChoice(spec: EnumParam): boolean {
  return spec.options.some((o) => o.label.length >= WIDE_CHOICE_CHARS);
}

/** A labelled select for one enum parameter (the options' labels shown, their values written). */
export function ParamSelect({
  spec,
  value,
  onChange,
  label = spec.label,
}: {
  spec: EnumParam;
  value: ParamValue | undefined;
  onChange(name: string, value: ParamValue): void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className={isWideChoice(spec) ? 'link-control control-wide' : 'link-control'} title={spec.help}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="param-select"
        value={String(value ?? spec.default)}
        onChange={(e) => onChange(spec.name, e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
