import { useState } from 'react';
import { Tex } from '../../../components/math';
import { useParamsStore } from '../../../state/runtimeContext';
import { useView } from '../../../state/useView';
import { isGateTraceView } from '../../../experiments/lstm/views';
import type { LessonStep } from '../../../lessons/types';
import { RECALL_SYMBOLS } from '../../../experiments/lstm/recallTask';
import { LSTM_HIDDEN } from '../../../experiments/lstm/recallModel';
import { RecallPanel } from './RecallPanel';
import { CellDiagram, PHASES, type CellValues, type Phase } from './CellDiagram';
import { cellValuesAt, emptyTrace, useDrawnCounter } from './gateTrace';

/** LSTM step 2: one time step of the cell, equation by equation, with one unit's live numbers. */
export function CellFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <RecallPanel
      step={step}
      lesson={lesson}
      views={['trace']}
      controls={['t', 'unit', 'example']}
      controlsLabel="Which step and unit"
    >
      <CellStepper />
    </RecallPanel>
  );
}

const n = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '?');

/** Each equation in TeX with the unit's numbers substituted. */
function equations(v: ReturnType<typeof cellValuesAt>): Record<Phase, string> {
  const z = (g: string) => `W_${g}[h_{t-1}; x_t] + b_${g}`;
  return {
    f: `f_t = \\sigma(${z('f')}) = \\sigma(${n(v.pre.f)}) = ${n(v.f)}`,
    i: `i_t = \\sigma(${z('i')}) = \\sigma(${n(v.pre.i)}) = ${n(v.i)}`,
    g: `\\tilde c_t = \\tanh(${z('c')}) = \\tanh(${n(v.pre.g)}) = ${n(v.g)}`,
    c: `c_t = f_t c_{t-1} + i_t \\tilde c_t = ${n(v.f)} \\cdot ${n(v.cPrev)} + ${n(v.i)} \\cdot ${n(v.g)} = ${n(v.c)}`,
    o: `o_t = \\sigma(${z('o')}) = \\sigma(${n(v.pre.o)}) = ${n(v.o)}`,
    h: `h_t = o_t \\tanh c_t = ${n(v.o)} \\cdot \\tanh(${n(v.c)}) = ${n(v.h)}`,
  };
}

const PHASE_NAMES = [
  'forget gate',
  'input gate',
  'candidate',
  'cell-state update',
  'output gate',
  'hidden state',
];

const READOUTS: readonly { key: keyof CellValues; label: string }[] = [
  { key: 'f', label: 'f' },
  { key: 'i', label: 'i' },
  { key: 'g', label: 'c̃' },
  { key: 'cPrev', label: 'cₜ₋₁' },
  { key: 'c', label: 'c' },
  { key: 'o', label: 'o' },
  { key: 'h', label: 'h' },
];

function CellStepper() {
  const [phase, setPhase] = useState(0);
  const gap = Number(useParamsStore((s) => s.values.gap));
  // Until the first frame: a blank trace of the right size, so the page (and presenter zoom) lays out once.
  const traceView = useView('trace', { accept: isGateTraceView });
  const drawnRef = useDrawnCounter<HTMLElement>(traceView);
  const trace = traceView ?? emptyTrace(LSTM_HIDDEN, Number.isFinite(gap) ? gap + 2 : 2);
  const tParam = Number(useParamsStore((s) => s.values.t));
  const unitParam = Number(useParamsStore((s) => s.values.unit));
  // The table allows the longest sequence; clamp to this one (and say so).
  const t = Math.min(Math.max(1, Number.isFinite(tParam) ? tParam : 1), trace.steps);
  const j = Math.min(Math.max(1, Number.isFinite(unitParam) ? unitParam : 1), trace.hidden);
  const values = cellValuesAt(trace, j - 1, t - 1);
  const eqs = equations(values);
  const symbols = Array.from(trace.tokens, (id) => RECALL_SYMBOLS[id] ?? '·');
  return (
    <figure ref={drawnRef} className="lstm-figure" data-testid="cell-figure">
      <p className="lstm-example">
        Sequence:{' '}
        {symbols.map((s, k) => (
          <span key={k} className={k === t - 1 ? 'lstm-token lstm-token-now' : 'lstm-token'}>
            {s}
          </span>
        ))}{' '}
        — time step <strong data-testid="cell-t">{t}</strong>
        {t !== tParam && <span className="lstm-muted"> (this sequence has {trace.steps} steps)</span>}, unit{' '}
        <strong data-testid="cell-unit">{j}</strong>
      </p>
      {/* In presenter mode the diagram and its equation sit side by side, so the diagram can fill half the screen. */}
      <div className="lstm-cell-stage">
        <div className="lstm-cell-row">
          <CellDiagram values={values} phase={PHASES[phase]} />
        </div>
        <div
          className="lstm-equation"
          data-testid="cell-equation"
          aria-live="polite"
          role="region"
          aria-label="Current equation"
          tabIndex={0}
        >
          <span className="lstm-muted">
            Equation {phase + 1} of {PHASES.length}: {PHASE_NAMES[phase]}
          </span>
          <Tex tex={eqs[PHASES[phase]]} display />
        </div>
        <div className="lstm-buttons">
          <button type="button" onClick={() => setPhase((k) => (k + PHASES.length - 1) % PHASES.length)}>
            ← Earlier equation
          </button>
          <button type="button" onClick={() => setPhase((k) => (k + 1) % PHASES.length)}>
            Following equation →
          </button>
          <span className="lstm-rnn-compare">
            Plain RNN: <Tex tex="h_t = \tanh(W [h_{t-1}; x_t])" />
          </span>
        </div>
      </div>
      <dl className="lstm-readouts" aria-label="Values of this unit at this time step">
        {READOUTS.map((r) => (
          <div key={r.key}>
            <dt>{r.label}</dt>
            <dd data-testid={`gate-${r.key}`}>
              {Number.isFinite(values[r.key]) ? values[r.key].toFixed(4) : '–'}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
