import { useState } from 'react';
import { TimeSeriesHeatmap } from '../../../components/charts';
import { useParamsStore } from '../../../state/runtimeContext';
import { useView } from '../../../state/useView';
import { isGateTraceView, type GateTraceView } from '../../../experiments/lstm/views';
import type { LessonStep } from '../../../lessons/types';
import { RECALL_SYMBOLS } from '../../../experiments/lstm/recallTask';
import { LSTM_HIDDEN } from '../../../experiments/lstm/recallModel';
import { RecallPanel } from './RecallPanel';
import { emptyTrace, useDrawnCounter } from './gateTrace';

/** LSTM step 3: heatmaps of f, i, o and c (units × time) of a live-trained LSTM on one validation sequence. */
export function GatesFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <RecallPanel step={step} lesson={lesson} views={['trace', 'curves', 'info']} controls={['t', 'example']}>
      <GateMaps />
    </RecallPanel>
  );
}

const MAPS = [
  { key: 'f', title: 'Forget gate f', scale: 'sequential' },
  { key: 'i', title: 'Input gate i', scale: 'sequential' },
  { key: 'o', title: 'Output gate o', scale: 'sequential' },
  { key: 'c', title: 'Cell state c', scale: 'diverging' },
] as const;

function GateMaps() {
  const [shown, setShown] = useState<(typeof MAPS)[number]['key']>('c');
  const gap = Number(useParamsStore((s) => s.values.gap));
  // Until the first frame: a blank trace of the right size, so the page (and presenter zoom) lays out once.
  const traceView = useView('trace', { accept: isGateTraceView });
  const drawnRef = useDrawnCounter<HTMLElement>(traceView);
  const trace = traceView ?? emptyTrace(LSTM_HIDDEN, Number.isFinite(gap) ? gap + 2 : 2);
  const tParam = Number(useParamsStore((s) => s.values.t));
  const tokens = Array.from(trace.tokens, (id) => RECALL_SYMBOLS[id] ?? '·');
  const t = Math.min(Math.max(1, Number.isFinite(tParam) ? tParam : 1), trace.steps);
  const rowLabels = Array.from({ length: trace.hidden }, (_, j) => String(j + 1));
  const map = MAPS.find((m) => m.key === shown) ?? MAPS[3];
  return (
    <figure ref={drawnRef} className="lstm-figure" data-testid="gates-plot">
      <fieldset className="lstm-choice">
        <legend>Heatmap</legend>
        {MAPS.map((m) => (
          <label key={m.key}>
            <input
              type="radio"
              name="lstm-gate-map"
              value={m.key}
              checked={shown === m.key}
              onChange={() => setShown(m.key)}
            />
            {m.title}
          </label>
        ))}
      </fieldset>
      <TimeSeriesHeatmap
        title={`${map.title} — units × time`}
        values={trace[map.key]}
        rows={trace.hidden}
        steps={trace.steps}
        tokens={tokens}
        rowLabels={rowLabels}
        yLabel="unit"
        colorScale={map.scale}
        domain={map.scale === 'sequential' ? [0, 1] : undefined}
        height={210}
      />
      <StepTable trace={trace} t={t} tokens={tokens} />
    </figure>
  );
}

/** The chosen time step: mean of each gate over the units, and its range. */
function StepTable({ trace, t, tokens }: { trace: GateTraceView; t: number; tokens: string[] }) {
  const T = trace.steps;
  const stats = (a: Float32Array) => {
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < trace.hidden; j++) {
      const x = a[j * T + t - 1];
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return { mean: sum / trace.hidden, lo, hi };
  };
  return (
    <table className="lstm-table" data-testid="step-table">
      <caption>
        Time step {t} (symbol “{tokens[t - 1]}”), over the {trace.hidden} units
      </caption>
      <thead>
        <tr>
          <th scope="col">over units</th>
          {MAPS.map((m) => (
            <th key={m.key} scope="col">
              {m.key}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['mean', 'lo', 'hi'] as const).map((row) => (
          <tr key={row}>
            <th scope="row">{row === 'mean' ? 'mean' : row === 'lo' ? 'lowest' : 'highest'}</th>
            {MAPS.map((m) => (
              <td key={m.key} data-testid={`step-${m.key}-${row}`}>
                {stats(trace[m.key])[row].toFixed(3)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
