import { useMemo, useRef } from 'react';
import { BarChart, LineChart } from '../../../components/charts';
import { Rng } from '../../../core/random';
import { generate, lossPerPosition, traceSequence } from '../../../experiments/charModel/model';
import { getMetricHistory } from '../../../state/frames';
import { useParamsStore } from '../../../state/paramsStore';
import { useRunStore } from '../../../state/runStore';
import { useFrameTick } from '../../../state/useFrameTick';
import { bits, fmt } from './format';
import { encodeKnown, useLiveModel, type LiveModel } from './liveModel';
import { showChar } from './workedExample';

/** The line whose per-position loss is shown, per training text (a sentence of the bundled stories). */
export const SAMPLE_LINES: Readonly<Record<string, string>> = {
  hello: 'hello world',
  bundled: 'The lamp did not know why it was lit.',
};

/** Loss per character (bits) over training steps: training average, held-out, and the unigram baseline. */
function LossCurve() {
  const drawn = useRef(-1);
  useFrameTick(10, () => getMetricHistory().version !== drawn.current);
  const h = getMetricHistory();
  drawn.current = h.version;
  const unigram = useRunStore((s) => s.metrics?.unigramBpc);
  const n = h.length;
  const train = Float64Array.from(h.loss.subarray(0, n), bits);
  const val = Float64Array.from(h.valLoss.subarray(0, n), bits);
  const hasVal = val.some(Number.isFinite);
  const series = [
    { label: 'training chunk', x: h.step, y: train, length: n },
    ...(hasVal ? [{ label: 'held-out', x: h.step, y: val, length: n }] : []),
    ...(unigram !== undefined && n > 0
      ? [{ label: 'unigram baseline', x: [h.step[0], h.step[n - 1]], y: [unigram, unigram], dashed: true }]
      : []),
  ];
  return (
    <LineChart
      series={series}
      version={h.version}
      xLabel="training step"
      yLabel="bits per character"
      title="Loss per character"
      height={150}
    />
  );
}

/** −log₂ p(next character) at every position of the sample line, and greedy generation from its first character. */
function PositionLoss({ model, line }: { model: LiveModel; line: string }) {
  const { bars, greedy } = useMemo(() => {
    const { ids } = encodeKnown(line, model.vocab);
    const trace = traceSequence(model.cell, ids, model.V);
    const loss = lossPerPosition(trace.logits, ids, model.V);
    const chars = [...line].filter((c) => model.vocab.includes(c));
    const out = Array.from(loss, (l, t) => ({ label: showChar(chars[t + 1]), value: bits(l) }));
    const gen = generate(model.cell, model.V, ids.slice(0, 1), ids.length - 1, { greedy: true }, new Rng(0));
    const text = chars[0] + Array.from(gen.ids, (id) => model.vocab[id]).join('');
    return { bars: out, greedy: text };
  }, [model, line]);
  const total = bars.reduce((s, b) => s + b.value, 0);
  return (
    <>
      <BarChart
        bars={bars}
        title={`Loss at each position of “${line}”`}
        yLabel="bits"
        height={130}
        showValues={false}
        caption={`Each bar: −log₂ p(that character | the characters before it), at step ${model.step}.`}
      />
      <p className="rnn-readout">
        Summed over the line: <strong data-testid="rnn-line-bits">{fmt(total, 2)}</strong> bits (
        {fmt(total / Math.max(1, bars.length), 3)} per character). Greedy from “{showChar(line[0])}”:{' '}
        <code className="rnn-sample" data-testid="rnn-greedy">
          {greedy}
        </code>
      </p>
    </>
  );
}

/** Step 3: train live; the loss per character falls, and the sample line's per-position losses shrink. */
export function TrainPanel() {
  const model = useLiveModel(300);
  const corpus = useParamsStore((s) => s.values.corpus);
  const line = SAMPLE_LINES[typeof corpus === 'string' ? corpus : 'bundled'] ?? SAMPLE_LINES.bundled;
  return (
    <div className="rnn-panel" data-testid="rnn-train-panel">
      <LossCurve />
      {model && <PositionLoss model={model} line={line} />}
    </div>
  );
}
