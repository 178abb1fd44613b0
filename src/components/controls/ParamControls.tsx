import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type {
  EnumParam,
  ListParam,
  NumberParam,
  IntParam,
  ParamSpec,
  ParamValue,
} from '../../experiments/types';
import { coerceValue, formatValue, parseValue } from '../../experiments/params';
import { useParamsStore, useRuntimeHub } from '../../state/runtimeContext';
import { isWideChoice } from './ParamSelect';
import { fromPosition, positionCount, toPosition } from './sliderScale';
import './controls.css';

export interface ParamControlsProps {
  /** Only these parameters, in this order (default: the whole table). */
  only?: readonly string[];
  /** Leave these out. */
  exclude?: readonly string[];
  /** Accessible name of the group (default 'Settings'). */
  label?: string;
}

/**
 * Controls generated from the mounted experiment's parameter table: sliders with numeric entry (linear or log),
 * selects, toggles and list inputs, each with its label, unit and help. Live parameters apply at the next step;
 * structural ones are marked and rebuild the model (the runtime says so in a notice).
 */
export function ParamControls({ only, exclude, label = 'Settings' }: ParamControlsProps) {
  const table = useParamsStore((s) => s.table);
  const values = useParamsStore((s) => s.values);
  if (!table) return <p className="loading">Loading settings…</p>;
  const specs = only
    ? only.map((n) => table.find((s) => s.name === n)).filter((s): s is ParamSpec => s !== undefined)
    : table.filter((s) => !exclude?.includes(s.name));
  return (
    <fieldset className="param-controls">
      <legend>{label}</legend>
      {specs.map((spec) => (
        <ParamControl key={spec.name} spec={spec} value={values[spec.name] ?? spec.default} />
      ))}
    </fieldset>
  );
}

export function ParamControl({ spec, value }: { spec: ParamSpec; value: ParamValue }) {
  const id = useId();
  const hub = useRuntimeHub();
  const helpId = `${id}-help`;
  const describedBy = spec.help || !spec.live ? helpId : undefined;
  const help = (spec.help || !spec.live) && (
    <p className="param-help" id={helpId}>
      {spec.help}
      {!spec.live && <span className="param-structural"> Changing it rebuilds the model.</span>}
    </p>
  );

  // A labelled row: the control the label points at, then the help text.
  const row = (control: ReactNode) => (
    <div
      className={spec.type === 'enum' && isWideChoice(spec) ? 'param-row control-wide' : 'param-row'}
      data-param={spec.name}
    >
      <label htmlFor={id} className="param-label">
        {spec.label}
      </label>
      {control}
      {help}
    </div>
  );

  switch (spec.type) {
    case 'number':
    case 'int':
      return row(<NumberControl id={id} spec={spec} value={Number(value)} describedBy={describedBy} />);
    case 'enum':
      return row(<EnumControl id={id} spec={spec} value={String(value)} describedBy={describedBy} />);
    case 'bool':
      return (
        <div className="param-row param-row-bool" data-param={spec.name}>
          <label className="param-label">
            <input
              type="checkbox"
              checked={Boolean(value)}
              aria-describedby={describedBy}
              onChange={(e) => hub.setParam(spec.name, e.target.checked)}
            />{' '}
            {spec.label}
          </label>
          {help}
        </div>
      );
    case 'list':
      return row(
        <ListControl id={id} spec={spec} value={value as readonly number[]} describedBy={describedBy} />,
      );
  }
}

function NumberControl({
  id,
  spec,
  value,
  describedBy,
}: {
  id: string;
  spec: NumberParam | IntParam;
  value: number;
  describedBy: string | undefined;
}) {
  const hub = useRuntimeHub();
  const log = spec.type === 'number' && spec.scale === 'log';
  const scale = {
    min: spec.min,
    max: spec.max,
    log,
    step: spec.type === 'int' ? (spec.step ?? 1) : spec.step,
  };
  const text = formatValue(spec, value);
  return (
    <div className="param-number">
      <input
        id={id}
        type="range"
        min={0}
        max={positionCount(scale)}
        step={1}
        value={toPosition(scale, value)}
        aria-valuetext={`${text}${spec.unit ? ` ${spec.unit}` : ''}`}
        aria-describedby={describedBy}
        onChange={(e) => hub.setParam(spec.name, fromPosition(scale, Number(e.target.value)))}
      />
      <TextEntry
        key={text}
        spec={spec}
        shown={text}
        ariaLabel={`${spec.label} (exact value)`}
        inputMode={spec.type === 'int' ? 'numeric' : 'decimal'}
        size={8}
      />
      {spec.unit && <span className="param-unit">{spec.unit}</span>}
    </div>
  );
}

function EnumControl({
  id,
  spec,
  value,
  describedBy,
}: {
  id: string;
  spec: EnumParam;
  value: string;
  describedBy: string | undefined;
}) {
  const hub = useRuntimeHub();
  return (
    <select
      id={id}
      className="param-select"
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => hub.setParam(spec.name, e.target.value)}
    >
      {spec.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function ListControl({
  id,
  spec,
  value,
  describedBy,
}: {
  id: string;
  spec: ListParam;
  value: readonly number[];
  describedBy: string | undefined;
}) {
  const text = formatValue(spec, value);
  return (
    <div className="param-list">
      <TextEntry
        key={text}
        id={id}
        spec={spec}
        shown={text}
        describedBy={describedBy}
        placeholder={spec.minLength === 0 ? 'empty = none' : undefined}
        size={14}
      />
      <span className="param-unit">
        {spec.minLength}–{spec.maxLength} entries, each {spec.min}–{spec.max}
        {spec.unit ? ` ${spec.unit}` : ''}
      </span>
      {spec.unit === 'neurons' && (
        <span className="param-list-meaning" data-testid={`param-meaning-${spec.name}`}>
          {describeLayers(value)}
        </span>
      )}
    </div>
  );
}

/**
 * What a list of layer sizes means, in words: "2" is one hidden layer of two neurons, not two layers. (A label such
 * as "Hidden layers: 2" read the other way round.)
 */
export function describeLayers(sizes: readonly number[]): string {
  if (sizes.length === 0) return 'No hidden layer: the output reads the inputs directly.';
  const layers = sizes.length === 1 ? '1 hidden layer' : `${sizes.length} hidden layers`;
  const each =
    sizes.length === 1
      ? `of ${sizes[0]} neuron${sizes[0] === 1 ? '' : 's'}`
      : `of ${sizes.slice(0, -1).join(', ')} and ${sizes[sizes.length - 1]} neurons`;
  return `= ${layers} ${each}.`;
}

/** A text field committed on Enter or blur; bad input is corrected and explained, never thrown. */
function TextEntry({
  id,
  spec,
  shown,
  ariaLabel,
  describedBy,
  inputMode,
  placeholder,
  size,
}: {
  id?: string;
  spec: ParamSpec;
  shown: string;
  ariaLabel?: string;
  describedBy?: string;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  size: number;
}) {
  const hub = useRuntimeHub();
  const [draft, setDraft] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    if (draft === shown) return;
    const parsed = parseValue(spec, draft);
    const used = hub.setParam(spec.name, coerceValue(spec, parsed.value).value);
    setProblem(parsed.problem);
    if (used !== undefined) setDraft(formatValue(spec, used));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(shown);
      setProblem(null);
    }
  };
  return (
    <>
      <input
        id={id}
        type="text"
        className="param-entry"
        value={draft}
        size={size}
        inputMode={inputMode}
        placeholder={placeholder}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={problem ? true : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
      />
      {problem && (
        <span className="param-problem" role="status">
          {problem}
        </span>
      )}
    </>
  );
}
