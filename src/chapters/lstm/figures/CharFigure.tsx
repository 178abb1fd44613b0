import { useEffect, useRef, useState } from 'react';
import { LineChart, seriesColor, useChartTheme, type LineSeries } from '../../../components/charts';
import { useMetricHistory, useParamsStore, useRunStore } from '../../../state/runtimeContext';
import { useFrameTick } from '../../../state/useFrameTick';
import type { LessonStep } from '../../../lessons/types';
import { ExperimentPanel } from '../../../lessons/figureKit/ExperimentPanel';
import { GeneratePanel } from '../../../components/charModel/GeneratePanel';
import { fmt } from '../../../components/charModel/format';
import { validationCurve } from '../../../components/charModel/validationCurve';
import { StepPresets } from '../presets';
import { MODEL_COLOR_INDEX } from './charts';

/**
 * LSTM step 6: the RNN chapter's character model (experiment `char-model`) with LSTM cells, on the same corpus and
 * settings. Only one run is live at a time (one experiment per page): the curve of the other cell's last run is
 * kept on the chart, so training one and then the other puts them side by side at the same step budget.
 */
export function CharFigure({ step, lesson }: { step: LessonStep; lesson: number }) {
  return (
    <ExperimentPanel
      valLabel="validation loss"
      className="figure-compact lstm-fit lstm-char"
      experiment="char-model"
      step={step}
      views={['model']}
      controls={['cell', 'lr']}
      footer={<StepPresets lesson={lesson} />}
    >
      <figure className="lstm-figure" data-testid="char-plot">
        <CellComparison />
        <GeneratePanel compact />
      </figure>
    </ExperimentPanel>
  );
}

type Kind = 'rnn' | 'lstm';
interface Curve {
  x: Float64Array;
  y: Float64Array;
}

/** Bits per character of the live run, plus the kept curve of the other cell's last run. */
function CellComparison() {
  const theme = useChartTheme();
  const cell: Kind = useParamsStore((s) => s.values.cell) === 'lstm' ? 'lstm' : 'rnn';
  const unigram = useRunStore((s) => s.metrics?.unigramBpc);
  const drawn = useRef(-1);
  const [kept, setKept] = useState<Partial<Record<Kind, Curve>>>({});
  const h = useMetricHistory();
  useFrameTick(10, () => h.version !== drawn.current);
  drawn.current = h.version;
  // Until the char model's own metrics arrive (only they carry the unigram baseline), the history may still be the
  // previous step's experiment: read it as empty, or that curve would be kept and labelled as a cell's last run.
  const n = unigram === undefined ? 0 : h.length;
  // Validation loss is measured every few steps: one point per measurement, at its step.
  const live: Curve = validationCurve(h, n);
  // The history belongs to the cell that was selected when it last started from scratch (a changed cell rebuilds
  // the model a moment after the setting changes, and the history restarts then).
  const owner = useRef<Kind>(cell);
  const previousLength = useRef(0);
  if (n < previousLength.current || n === 0) owner.current = cell;
  previousLength.current = n;
  const runCell = owner.current;
  // Remember the live curve under its cell, so it stays on the chart while the other cell trains.
  const liveLength = live.x.length;
  useEffect(() => {
    if (liveLength > 0) setKept((k) => ({ ...k, [runCell]: live }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new point (length) or a new run is what matters
  }, [liveLength, runCell]);
  const curves: Partial<Record<Kind, Curve>> = { ...kept, [runCell]: live };
  const series: LineSeries[] = (['rnn', 'lstm'] as const).flatMap((kind) => {
    const c = curves[kind];
    if (!c || c.x.length === 0) return [];
    const label = `${kind === 'rnn' ? 'RNN' : 'LSTM'}${kind === runCell ? ' (live)' : ' (last run)'}`;
    return [{ label, x: c.x, y: c.y, color: seriesColor(theme, MODEL_COLOR_INDEX[kind]) }];
  });
  if (unigram !== undefined && n > 0)
    series.push({ label: 'unigram baseline', x: [0, h.step[n - 1]], y: [unigram, unigram], dashed: true });
  const last = (kind: Kind) => {
    const c = curves[kind];
    return c && c.x.length > 0 ? { step: c.x[c.x.length - 1], bpc: c.y[c.y.length - 1] } : undefined;
  };
  return (
    <div className="lstm-char-top">
      <LineChart
        series={series}
        version={h.version * 4 + (runCell === 'lstm' ? 2 : 0) + (kept.rnn && kept.lstm ? 1 : 0)}
        xLabel="training step"
        yLabel="bits per character"
        title="Validation loss per character"
        height={Math.round(130 * theme.fontScale)}
      />
      <table className="lstm-table" data-testid="char-table">
        <thead>
          <tr>
            <th scope="col">cell</th>
            <th scope="col">validation bits per character</th>
            <th scope="col">at step</th>
          </tr>
        </thead>
        <tbody>
          {(['rnn', 'lstm'] as const).map((kind) => (
            <tr key={kind}>
              <th scope="row">{kind === 'rnn' ? 'RNN' : 'LSTM'}</th>
              <td data-testid={`char-bpc-${kind}`}>{last(kind) ? fmt(last(kind)!.bpc, 3) : '–'}</td>
              <td data-testid={`char-step-${kind}`}>{last(kind)?.step ?? 'not run yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
