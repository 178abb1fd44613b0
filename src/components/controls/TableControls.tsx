import type { ParamTable, ParamValue, ParamValues } from '../../experiments/types';
import { ParamSelect } from './ParamSelect';
import { ParamSlider } from './ParamSlider';
import './controls.css';

export interface TableControlsProps {
  table: ParamTable;
  values: ParamValues;
  /** Usually `useUrlParams(table).set`, so every change is written to the link. */
  onChange(name: string, value: ParamValue): void;
  /** Show only these parameters (in this order); all when omitted. */
  names?: readonly string[];
  /** Accessible name of the group; without one the controls are a plain grid. */
  groupLabel?: string;
  className?: string;
}

/**
 * Controls for a figure computed on the main thread (no worker): a slider with its value for numbers, a select for
 * enums, from the figure's parameter table. The runtime's experiments use ParamControls instead.
 */
export function TableControls({ table, values, onChange, names, groupLabel, className }: TableControlsProps) {
  const specs = names ? names.flatMap((n) => table.filter((s) => s.name === n)) : table;
  return (
    <div
      className={className ?? 'link-controls'}
      role={groupLabel ? 'group' : undefined}
      aria-label={groupLabel}
    >
      {specs.map((spec) => {
        const value = values[spec.name];
        if (spec.type === 'enum')
          return <ParamSelect key={spec.name} spec={spec} value={value} onChange={onChange} />;
        if (spec.type === 'number' || spec.type === 'int')
          return <ParamSlider key={spec.name} spec={spec} value={value} onChange={onChange} />;
        return null;
      })}
    </div>
  );
}
