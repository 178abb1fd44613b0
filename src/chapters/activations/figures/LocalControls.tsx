import { useId } from 'react';
import type { ParamSpec, ParamTable, ParamValue, ParamValues } from '../../../experiments/types';

/**
 * Controls for the directly computed figures (neuron, probe, softmax): a labelled slider with its value for numbers,
 * a select for enums. Native inputs, so keyboard and screen readers work without extra code.
 */
export function LocalControls({
  table,
  values,
  onChange,
  names,
}: {
  table: ParamTable;
  values: ParamValues;
  onChange(name: string, value: ParamValue): void;
  /** Show only these parameters (in this order); all when omitted. */
  names?: readonly string[];
}) {
  const specs = names ? names.flatMap((n) => table.filter((s) => s.name === n)) : table;
  return (
    <div className="act-controls">
      {specs.map((spec) => (
        <LocalControl key={spec.name} spec={spec} value={values[spec.name]} onChange={onChange} />
      ))}
    </div>
  );
}

function LocalControl({
  spec,
  value,
  onChange,
}: {
  spec: ParamSpec;
  value: ParamValue | undefined;
  onChange(name: string, value: ParamValue): void;
}) {
  const id = useId();
  if (spec.type === 'enum') {
    return (
      <div className="act-control">
        <label htmlFor={id}>{spec.label}</label>
        <select
          id={id}
          className="param-select"
          value={String(value)}
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
  if (spec.type !== 'number' && spec.type !== 'int') return null;
  const v = typeof value === 'number' ? value : spec.default;
  const log = spec.type === 'number' && spec.scale === 'log' && spec.min > 0;
  // A log slider moves over log10(value); 200 positions are fine enough for temperatures and rates.
  const toSlider = (x: number) => (log ? Math.log10(x) : x);
  const fromSlider = (s: number) => {
    const x = log ? 10 ** s : s;
    const step = spec.step ?? (spec.type === 'int' ? 1 : 0);
    const snapped = step > 0 && !log ? Math.round(x / step) * step : x;
    return Number(snapped.toFixed(log ? 3 : 6));
  };
  const lo = toSlider(spec.min);
  const hi = toSlider(spec.max);
  return (
    <div className="act-control" title={spec.help}>
      <span>
        <label htmlFor={id}>{spec.label}</label>{' '}
        <output className="act-control-value" htmlFor={id}>
          {v}
        </output>
      </span>
      <input
        id={id}
        type="range"
        min={lo}
        max={hi}
        step={log ? (hi - lo) / 200 : (spec.step ?? 1)}
        value={toSlider(v)}
        aria-valuetext={String(v)}
        onChange={(e) => onChange(spec.name, fromSlider(Number(e.target.value)))}
      />
    </div>
  );
}
