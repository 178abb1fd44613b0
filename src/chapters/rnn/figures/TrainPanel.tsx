import { useMemo, useRef } from 'react';
import { BarChart, LineChart } from '../../../components/charts';
import { Rng } from '../../../core/random';
import { generate, lossPerPosition, traceSequence } from '../../../experiments/charModel/model';
import { useMetricHistory, useParamsStore, useRunStore } from '../../../state/runtimeContext';
import { useFrameTick } from '../../../state/useFrameTick';
import { bits, fmt } from '../../../components/charModel/format';
import { encodeKnown, useLiveModel, type LiveModel } from '../../../components/charModel/liveModel';
import { showChar } from '../../../components/charModel/format';
import { validationCurve } from '../../../components/charModel/validationCurve';
import { PasteText } from './PasteText';
import { firstLine, usePastedText } from '../../../components/charModel/pastedText';

/**
 * The line whose per-position loss is shown, per training text (the start of a sentence of the bundled stories),
 * short enough for one bar per character in half the figure's width.
 */
export const SAMPLE_LINES: Readonly<Record<string, string>> = {
  hello: 'hello world',
  bundled: 'The lamp did not know why',
};
/** At most this many characters of a pasted text are scored. */
const PASTED_LINE = 24;

/** Height of the loss chart, and of the box that stands in for it before the first step. */
const LOSS_HEIGHT = 150;

/** Loss per character (bits) over training steps: training average, validation, and the unigram baseline. */
function LossCurve() {
  const drawn = useRef(-1);
  const h = useMetricHistory();
  useFrameTick(10, () => h.version !== drawn.current);
  drawn.current = h.version;
  const unigram = useRunStore((s) => s.metrics?.unigramBpc);
  const n = h.length;
  // One point at step 0 is no curve (and its axis would be a meaningless −1…1): say what will appear instead.
  if (n === 0 || h.step[n - 1] === 0) return <EmptyLoss />;
  const train = Float64Array.from(h.loss.subarray(0, n), bits);
  const val = validationCurve(h, n);
  const series = [
    { label: 'training chunk', x: h.step, y: train, length: n },
    ...(val.x.length > 0 ? [{ label: 'validation', x: val.x, y: val.y, smooth: false }] : []),
    ...(unigram !== undefined && n > 0
      ? [
          {
            label: 'unigram baseline',
            // also through step 1, so the line still spans the axis when "Log axis" leaves step 0 out
            x: [h.step[0], Math.max(1, h.step[0]), h.step[n - 1]],
            y: [unigram, unigram, unigram],
            dashed: true,
            smooth: false,
          },
        ]
      : []),
  ];
  return (
    <LineChart
      series={series}
      version={h.version}
      xLabel="training step"
      yLabel="bits/char"
      title="Loss per character"
      height={LOSS_HEIGHT}
      stepOptions={{ smooth: true }} // the training chunk's loss jumps from chunk to chunk: shown smoothed
    />
  );
}

/** Before the first step there is no loss to draw: say so in the chart's place (same height, so nothing jumps). */
function EmptyLoss() {
  const unigram = useRunStore((s) => s.metrics?.unigramBpc);
  const start = useRunStore((s) => s.metrics?.loss);
  return (
    <figure className="rnn-empty-chart" style={{ minHeight: LOSS_HEIGHT }} data-testid="rnn-loss-empty">
      <figcaption>
        <strong>Loss per character</strong>
        <span>
          No training steps yet
          {start === undefined || !Number.isFinite(start)
            ? ''
            : ` (the untrained model: ${fmt(bits(start), 3)} bits per character)`}
          . Press Play or Step: the loss per character is drawn here as it falls
          {unigram === undefined ? '' : `, next to the unigram baseline (${fmt(unigram, 3)} bits)`}.
        </span>
      </figcaption>
    </figure>
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
    <div>
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
    </div>
  );
}

/** Step 3: train live; the loss per character falls, and the sample line's per-position losses shrink. */
export function TrainPanel() {
  const model = useLiveModel(300);
  const line = useSampleLine();
  return (
    <div className="rnn-panel" data-testid="rnn-train-panel">
      <div className="rnn-charts">
        <LossCurve />
        {model && <PositionLoss model={model} line={line} />}
      </div>
      <PasteText />
    </div>
  );
}

/** The line the per-position bars score: one per bundled text, or the start of the student's own text. */
function useSampleLine(): string {
  const corpus = useParamsStore((s) => s.values.corpus);
  const pasted = usePastedText((s) => s.text);
  const missing = useRunStore((s) => s.metrics?.pastedMissing === 1);
  if (corpus === 'pasted' && pasted !== null && !missing) return firstLine(pasted, PASTED_LINE);
  return SAMPLE_LINES[typeof corpus === 'string' ? corpus : 'bundled'] ?? SAMPLE_LINES.bundled;
}
