import { useEffect, useRef, useState } from 'react';
import { BarChart } from '../charts';
import { Tex } from '../math';
import { Rng } from '../../core/random';
import { generate } from '../../experiments/charModel/model';
import { useParamsStore, useRuntimeHub } from '../../state/runtimeContext';
import type { ParamValues } from '../../experiments/types';
import { Scroll } from './Scroll';
import { fmt, showChar } from './format';
import { encodeKnown, useLiveModel, type LiveModel } from './liveModel';
import { firstLine, usePastedText } from './pastedText';

const LENGTH = 160;

/**
 * How much the panel shows. A narrow figure (the LSTM chapter's, which must fit one 1280×800 screen with its run
 * controls) shows fewer, wider bars, so each can carry its value, and fewer earlier samples, listed under the sample
 * where its scroll box leaves room instead of under the bars.
 */
interface Layout {
  /** Bars in the probability chart: the most probable next characters (the chosen one always among them). */
  bars: number;
  /** Samples kept: the current one and the earlier ones listed below it. */
  kept: number;
  /**
   * Value labels on every bar, in this many digits after the point ("0.43" fits a bar of this narrow figure, where
   * the chart's own choice — three significant digits, "0.0125" — did not, so it left them out); undefined: the chart
   * decides.
   */
  digits?: number;
}
const WIDE: Layout = { bars: 12, kept: 4 };
const COMPACT: Layout = { bars: 6, kept: 3, digits: 2 };

interface Sample {
  prompt: string;
  text: string;
  ids: Int32Array;
  probs: Float64Array[];
  step: number;
  temperature: number;
  greedy: boolean;
}

function drawSample(
  model: LiveModel,
  prompt: string,
  temperature: number,
  greedy: boolean,
  seed: number,
): Sample {
  const { ids: promptIds } = encodeKnown(prompt, model.vocab);
  const gen = generate(model.cell, model.V, promptIds, LENGTH, { temperature, greedy }, new Rng(seed));
  const text = Array.from(gen.ids, (id) => model.vocab[id]).join('');
  return { prompt, text, ids: gen.ids, probs: gen.probs, step: model.step, temperature, greedy };
}

/** The most probable next characters at position k of a sample, the chosen one highlighted. */
function ProbabilityBars({
  sample,
  k,
  vocab,
  layout,
}: {
  sample: Sample;
  k: number;
  vocab: readonly string[];
  layout: Layout;
}) {
  const p = sample.probs[k];
  const top = layout.bars;
  const order = Array.from(p.keys())
    .sort((a, b) => p[b] - p[a])
    .slice(0, top);
  const chosen = sample.ids[k];
  if (!order.includes(chosen)) order[top - 1] = chosen;
  const bars = order.map((id) => ({ label: showChar(vocab[id]), value: p[id] }));
  const digits = layout.digits;
  return (
    <BarChart
      bars={bars}
      highlight={order.indexOf(chosen)}
      yDomain={[0, 1]}
      showValues={digits === undefined ? undefined : true}
      format={digits === undefined ? undefined : (v) => fmt(v, digits)}
      title={`Next-character probabilities at position ${k + 1}`}
      yLabel="p"
      height={110}
      caption={`Chosen: “${showChar(vocab[chosen])}” with p = ${fmt(p[chosen], 3)}.`}
    />
  );
}

/** On the student's own text the English "The " may hold no known character: start from the text's own opening. */
function initialPrompt(values: ParamValues): string {
  const pasted = usePastedText.getState().text;
  return values.corpus === 'pasted' && pasted ? firstLine(pasted, 4) : 'The ';
}

/** Changes whenever the live model is a different one: other settings, or reset (its step went back). */
function useRunKey(model: LiveModel | null): string {
  const lastStep = useRef(0);
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    if (model && model.step < lastStep.current) setRuns((r) => r + 1);
    lastStep.current = model?.step ?? 0;
  }, [model]);
  return model ? `${model.vocab.join('')}|${model.H}|${runs}` : '';
}

interface DrawSettings {
  prompt: string;
  temperature: number;
  greedy: boolean;
}

/**
 * The kept samples (newest first) and the walked-to character k. Each draw has its own seed (the run's seed + the
 * number of draws so far), so the same clicks give the same samples.
 */
function useSamples(model: LiveModel | null, runKey: string, settings: DrawSettings, kept: number) {
  const { prompt, temperature, greedy } = settings;
  const seed = useParamsStore((s) => s.seed);
  const [draws, setDraws] = useState(0);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [k, setK] = useState(0);
  const sampleNow = () => {
    if (!model) return;
    setSamples((old) =>
      [drawSample(model, prompt, temperature, greedy, seed + draws), ...old].slice(0, kept),
    );
    setDraws((d) => d + 1);
    setK(0);
  };
  // A first sample as soon as a model arrives, a fresh one whenever the settings change; a new model starts a new list.
  useEffect(() => {
    setSamples([]);
  }, [runKey]);
  useEffect(() => {
    if (runKey) sampleNow();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new model or new settings trigger a draw
  }, [runKey, prompt, temperature, greedy]);
  return { samples, k, setK, sampleNow };
}

interface ToolbarProps extends DrawSettings {
  setPrompt(v: string): void;
  setTemperature(v: number): void;
  setGreedy(v: boolean): void;
  sampleNow(): void;
  canSample: boolean;
}

/** Seed text, temperature, greedy, and "Sample now". */
function GenerateToolbar(props: ToolbarProps) {
  const { prompt, temperature, greedy } = props;
  return (
    <div className="rnn-toolbar">
      <label>
        Seed text{' '}
        <input
          type="text"
          value={prompt}
          maxLength={40}
          onChange={(e) => props.setPrompt(e.target.value)}
          data-testid="rnn-prompt"
        />
      </label>
      <label>
        Temperature τ = <span data-testid="rnn-temperature">{fmt(temperature, 2)}</span>
        <input
          type="range"
          min={0.1}
          max={2}
          step={0.05}
          value={temperature}
          disabled={greedy}
          onChange={(e) => props.setTemperature(Number(e.target.value))}
        />
      </label>
      <label>
        <input type="checkbox" checked={greedy} onChange={(e) => props.setGreedy(e.target.checked)} /> Greedy
        (always the most probable)
      </label>
      <button
        type="button"
        className="button"
        onClick={props.sampleNow}
        disabled={!props.canSample}
        data-testid="rnn-sample-now"
      >
        Sample now
      </button>
    </div>
  );
}

interface ChartsProps {
  samples: Sample[];
  k: number;
  setK(k: number): void;
  vocab: readonly string[];
  layout: Layout;
  compact: boolean;
}

/** The current sample with its walk slider, its probability bars, and the earlier samples. */
function SampleCharts({ samples, k, setK, vocab, layout, compact }: ChartsProps) {
  const current = samples[0];
  const history = <SampleHistory samples={samples.slice(1)} />;
  return (
    <div className="rnn-charts">
      <div className="rnn-panel">
        <SampleText sample={current} k={k} scrolls={compact} />
        <label className="rnn-slider">
          Walk through the sample: character <strong>{k + 1}</strong> of {current.ids.length}
          <input
            type="range"
            min={0}
            max={current.ids.length - 1}
            value={k}
            onChange={(e) => setK(Number(e.target.value))}
            data-testid="rnn-walk"
          />
        </label>
        {compact && history}
      </div>
      <div className="rnn-panel">
        <ProbabilityBars
          sample={current}
          k={Math.min(k, current.ids.length - 1)}
          vocab={vocab}
          layout={layout}
        />
        {!compact && history}
      </div>
    </div>
  );
}

/**
 * Step 4: generation on a main-thread copy of the live weights. Seed text → softmax(y / τ) → pick → feed back;
 * "Sample now" draws again from the newest weights and keeps the last few samples (with their training step) so
 * the improvement is visible; a slider walks through the generated characters with their probability bars.
 * `compact` (the LSTM chapter's narrow figure): fewer bars with their values, fewer earlier samples, and the sample in a
 * fixed-height box that scrolls (focusable), so however often "Sample now" is pressed the figure keeps its height.
 */
export function GeneratePanel({ compact = false }: { compact?: boolean }) {
  const layout = compact ? COMPACT : WIDE;
  const model = useLiveModel(300);
  const hub = useRuntimeHub();
  const [prompt, setPrompt] = useState(() => initialPrompt(hub.params.getState().values));
  const [temperature, setTemperature] = useState(0.8);
  const [greedy, setGreedy] = useState(false);
  // A different model (rebuilt with other settings, or reset to step 0) makes earlier samples meaningless.
  const runKey = useRunKey(model);
  const { samples, k, setK, sampleNow } = useSamples(
    model,
    runKey,
    { prompt, temperature, greedy },
    layout.kept,
  );

  const unknown = model ? encodeKnown(prompt, model.vocab).unknown : [];
  return (
    <div className="rnn-panel" data-testid="rnn-generate-panel">
      <GenerateToolbar
        {...{ prompt, temperature, greedy, setPrompt, setTemperature, setGreedy, sampleNow }}
        canSample={Boolean(model)}
      />
      {unknown.length > 0 && (
        <p className="rnn-note" role="status">
          Skipped (not in the vocabulary): {unknown.map((c) => `“${showChar(c)}”`).join(', ')}.
        </p>
      )}
      <Scroll className="rnn-formula" label="Formula">
        <Tex
          tex={`p(x_{t+1}) = \\mathrm{softmax}(y_t / \\tau),\\quad \\tau = ${greedy ? '\\text{greedy}' : fmt(temperature, 2)}`}
        />
      </Scroll>
      {samples[0] && model && (
        <SampleCharts
          samples={samples}
          k={k}
          setK={setK}
          vocab={model.vocab}
          layout={layout}
          compact={compact}
        />
      )}
    </div>
  );
}

/**
 * The sample, its prompt in bold and the walked-to character outlined. `scrolls`: the box has a fixed height (set by
 * the chapter's CSS) and scrolls, so it is a focusable region and keeps the walked-to character in view.
 */
function SampleText({ sample, k, scrolls }: { sample: Sample; k: number; scrolls: boolean }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = box.current;
    const picked = el?.querySelector<HTMLElement>('.rnn-picked');
    if (!scrolls || !el || !picked) return;
    // Scroll the box only (scrollIntoView would scroll the page too).
    const top = picked.offsetTop - el.offsetTop;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + picked.offsetHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + picked.offsetHeight - el.clientHeight;
  }, [k, sample, scrolls]);
  return (
    <p
      ref={box}
      className="rnn-sample-box"
      data-testid="rnn-sample-text"
      data-step={sample.step}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': 'Sample text' } : {})}
    >
      <span className="rnn-prompt-text" data-testid="rnn-sample-prompt">
        {sample.prompt}
      </span>
      {[...sample.text].map((c, i) => (
        <span key={i} className={i === k ? 'rnn-picked' : undefined}>
          {c}
        </span>
      ))}
    </p>
  );
}

/** Earlier samples, newest first, one line each (their step says how far training had got). */
function SampleHistory({ samples }: { samples: readonly Sample[] }) {
  if (samples.length === 0) return null;
  return (
    <ol className="rnn-history" aria-label="Earlier samples" data-testid="rnn-sample-history">
      {samples.map((s, i) => (
        <li key={i}>
          <span className="rnn-muted">step {s.step}:</span> {s.prompt}
          {s.text.slice(0, 80)}…
        </li>
      ))}
    </ol>
  );
}
