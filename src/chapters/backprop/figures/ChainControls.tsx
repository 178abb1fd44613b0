import { useState } from 'react';
import { chainParams, type ChainInputs } from '../../../experiments/descent/chain';
import type { ParamSpec } from '../../../experiments/types';

const INPUT_NAMES = ['a1', 'w1', 'b1', 'w2', 'b2', 'w3', 'b3', 'y'] as const;

const tableSpec = (name: string) => chainParams.find((s) => s.name === name) as ParamSpec;

/** The chain's input, weights, biases, target and activation, each editable; and a reset to the lesson's numbers. */
export function ChainInputsFieldset({
  inputs,
  set,
  reset,
}: {
  inputs: ChainInputs;
  set(name: string, v: number | string): void;
  reset(): void;
}) {
  const g = tableSpec('g');
  return (
    <fieldset className="chain-inputs">
      <legend>Inputs, weights and target (edit any)</legend>
      {INPUT_NAMES.map((name) => (
        <NumberField
          key={name}
          name={name}
          label={tableSpec(name).label}
          value={inputs[name]}
          onCommit={(v) => set(name, v)}
        />
      ))}
      <label className="chain-field">
        <span>Activation g</span>
        <select value={inputs.g} onChange={(e) => set('g', e.target.value)} data-testid="input-g">
          {g.type === 'enum' &&
            g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </select>
      </label>
      <button type="button" className="button" onClick={reset}>
        Restore the lesson’s numbers
      </button>
    </fieldset>
  );
}

/** The learning rate and the button that applies one gradient update to every parameter. */
export function UpdateRow(props: { alpha: number; setAlpha(v: number): void; apply(): void; cost: string }) {
  return (
    <div className="chain-update">
      <label className="chain-field">
        <span>Learning rate α</span>
        <NumberInput
          value={props.alpha}
          onCommit={props.setAlpha}
          testId="input-lr"
          label="Learning rate α"
        />
      </label>
      <button type="button" className="button" onClick={props.apply}>
        Apply one gradient update
      </button>
      <span>
        L = <span data-testid="chain-cost">{props.cost}</span>; every parameter moves by −α ∂L/∂p.
      </span>
    </div>
  );
}

function NumberField({
  name,
  label,
  value,
  onCommit,
}: {
  name: string;
  label: string;
  value: number;
  onCommit: (v: number) => void;
}) {
  return (
    <label className="chain-field">
      <span>{label}</span>
      <NumberInput value={value} onCommit={onCommit} testId={`input-${name}`} label={label} />
    </label>
  );
}

/**
 * A number input that keeps what the user is typing ("-", "0.") locally and commits only finite numbers in
 * [−10, 10]; anything else shows a short message and changes nothing.
 */
function NumberInput({
  value,
  onCommit,
  testId,
  label,
}: {
  value: number;
  onCommit: (v: number) => void;
  testId: string;
  label: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = text ?? String(value);
  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) {
      setProblem('not a number — kept the old value');
      return;
    }
    if (Math.abs(v) > 10) {
      setProblem('must be between −10 and 10');
      return;
    }
    setProblem(null);
    onCommit(v);
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        spellCheck={false}
        value={shown}
        aria-label={label}
        aria-invalid={problem !== null}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= 10) {
            setProblem(null);
            onCommit(v);
          }
        }}
        onBlur={(e) => {
          commit(e.target.value);
          setText(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
      {problem && (
        <small className="chain-problem" role="alert">
          {problem}
        </small>
      )}
    </>
  );
}
