import { seriesColor, useChartTheme } from '../../../components/charts';
import { useRunStore } from '../../../state/runtimeContext';
import { useView } from '../../../state/useView';
import type { LessonStep } from '../../../lessons/types';
import { RecallPanel } from './RecallPanel';
import { AccuracyChart, MODEL_COLOR_INDEX, fmt } from './charts';
import { isRecallInfoView } from '../../../experiments/lstm/views';

/** LSTM step 4: RNN and LSTM race on the recall task; accuracy curves and a table of the two models. */
export function RecallFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <RecallPanel
      step={step}
      lesson={lesson}
      views={['curves', 'info']}
      controls={['gap', 'rnnnorm', 'fbias', 'lr']}
    >
      <figure className="lstm-figure" data-testid="recall-plot">
        <AccuracyChart height={190} />
        <ModelTable />
      </figure>
    </RecallPanel>
  );
}

/** Hidden units, parameter counts, validation accuracy and the step each model first reached 95 %. */
export function ModelTable() {
  const theme = useChartTheme();
  const metrics = useRunStore((s) => s.metrics);
  const info = useView('info', { accept: isRecallInfoView });
  const rows = [
    { kind: 'rnn', name: 'RNN', params: info?.rnnParams },
    { kind: 'lstm', name: 'LSTM', params: info?.lstmParams },
  ] as const;
  return (
    <table className="lstm-table" data-testid="model-table">
      <thead>
        <tr>
          <th scope="col">model</th>
          <th scope="col">parameters</th>
          <th scope="col">validation accuracy</th>
          <th scope="col">reached 95 % at step</th>
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((r) => (r.params ?? 0) > 0)
          .map((r) => {
            const solved = metrics?.[`${r.kind}SolvedAt`];
            return (
              <tr key={r.kind}>
                <th scope="row">
                  <span
                    className="lstm-swatch"
                    style={{ background: seriesColor(theme, MODEL_COLOR_INDEX[r.kind]) }}
                    aria-hidden="true"
                  />
                  {r.name}
                </th>
                <td data-testid={`params-${r.kind}`}>{r.params}</td>
                <td data-testid={`acc-${r.kind}`}>{fmt(metrics?.[`${r.kind}Accuracy`], 4)}</td>
                <td data-testid={`solved-${r.kind}`}>
                  {solved !== undefined && solved >= 0 ? solved : 'not yet'}
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
