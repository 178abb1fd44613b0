import { useId } from 'react';
import type { EnumParam, ParamValue } from '../../experiments/types';
import './controls.css';

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
    <div className="link-control" title={spec.help}>
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
