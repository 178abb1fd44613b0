import { useMemo } from 'react';
import { MatrixView } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { MetricsBar, NoticeBar, RunControls, formatAccuracy, formatMetric } from '../../../components/run';
import type { Metrics } from '../../../experiments/types';
import type { LessonStep } from '../../../lessons/types';
import { useExperiment } from '../../../state';
import { classifyText, type Prediction } from '../../../experiments/embeddings/bagClassifier';
import { HEADLINE_CLASSES } from '../../../experiments/embeddings/headlines';
import { isBagModelsView, isConfusionView } from '../../../experiments/embeddings/views';
import { useView } from '../../../state/useView';
import { useFrameMetrics } from '../../../state/useFrameMetrics';
import { useTextParam } from './text';
import { TextNotice } from './TextNotice';

/** Re-renders a second while training. */
const HZ = 8;
export const CLASSIFIER_RESERVED = ['headline'];
const DEFAULT_HEADLINE = 'Tennis star beats rival at the new stadium';
const C = HEADLINE_CLASSES.length;
/** Column labels short enough to stand upright (slanted full names cost the figure ~40 px of height). */
const SHORT_CLASSES = HEADLINE_CLASSES.map((c) => c.slice(0, 2));

type Side = 'frozen' | 'scratch';
const SIDES: readonly { side: Side; title: string; short: string }[] = [
  { side: 'frozen', title: 'Frozen GloVe vectors', short: 'frozen' },
  { side: 'scratch', title: 'Learned from scratch', short: 'learned' },
];

/** Step 7: two headline-topic classifiers (frozen GloVe vectors vs a learned embedding), trained side by side. */
export function ClassifierFigure({ preset }: { preset?: LessonStep['preset'] }) {
  useExperiment({ experiment: 'embeddings-classifier', preset, reserved: CLASSIFIER_RESERVED });
  const confusion = useView('confusion', { accept: isConfusionView, hz: HZ });
  const models = useView('models', { accept: isBagModelsView, hz: HZ });
  const m = useFrameMetrics(HZ);
  const { text: headline, setText: setHeadline, notice } = useTextParam('headline', DEFAULT_HEADLINE);
  // re-classify only when new models arrived or the text changed
  const predictions = useMemo(
    () => ({
      frozen: models ? classifyText(models.frozen, headline) : undefined,
      scratch: models ? classifyText(models.scratch, headline) : undefined,
    }),
    [headline, models],
  );

  return (
    <div className="emb-figure figure-compact emb-fit" data-testid="figure-classifier">
      <NoticeBar />
      <TextNotice line={notice} />
      <RunControls />
      <MetricsBar />
      <PhaseLine m={m} />
      <div className="emb-pair emb-cls-pair">
        {SIDES.map(({ side, title }) => (
          <ConfusionPanel key={side} side={side} title={title} counts={confusion?.[side]} m={m} />
        ))}
      </div>
      <HeadlineBox text={headline} onChange={setHeadline} predictions={predictions} />
      <ParamControls only={['lr', 'pretrain']} />
    </div>
  );
}

function PhaseLine({ m }: { m?: Metrics }) {
  if (!m || m.pretrainSteps === undefined) return null;
  const pre = m.pretrainSteps;
  const text =
    m.step < pre
      ? `Phase 1 of 2: GloVe step ${m.gloveSteps} of ${pre} on the corpus (loss ${formatMetric(m.gloveLoss)}); the classifiers wait.`
      : `Phase 2 of 2: vectors frozen after ${pre} GloVe steps; classifier step ${formatMetric(m.classifierSteps)}.`;
  return (
    <p className="emb-readout" data-testid="cls-phase">
      {text}
    </p>
  );
}

const pct = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)}%`;

function ConfusionPanel({
  side,
  title,
  counts,
  m,
}: {
  side: Side;
  title: string;
  counts?: Int32Array;
  m?: Metrics;
}) {
  const suffix = side === 'frozen' ? 'Frozen' : 'Scratch';
  const held = m?.[`heldAcc${suffix}`];
  const right = counts
    ? Array.from({ length: C }, (_, c) => counts[c * C + c]).reduce((a, b) => a + b, 0)
    : 0;
  return (
    <section className="emb-panel" aria-label={title} data-testid={`cls-panel-${side}`}>
      <p className="emb-readout">
        Held-out accuracy: <strong data-testid={`cls-held-${side}`}>{formatAccuracy(held)}</strong>
        {counts && (
          <span className="emb-muted">
            {' '}
            ({right} of <span data-testid="cls-held-count">{formatMetric(m?.heldCount)}</span>)
          </span>
        )}
      </p>
      <p className="emb-muted">
        train <span data-testid={`cls-train-${side}`}>{formatAccuracy(m?.[`trainAcc${suffix}`])}</span> ·
        knows <span data-testid={`cls-known-${side}`}>{pct(m?.[`heldCoverage${suffix}`])}</span> of held-out
        words
      </p>
      <div data-testid={`confusion-${side}`} data-counts={counts ? Array.from(counts).join(',') : ''}>
        {counts ? (
          <MatrixView
            title={title}
            values={counts}
            rows={C}
            cols={C}
            rowLabels={HEADLINE_CLASSES}
            colLabels={SHORT_CLASSES}
            colorScale="sequential"
            domain={[0, Math.max(1, ...counts)]}
            showValues
            maxCell={26}
            format={(v) => String(v)}
            caption="Rows: true topic. Columns: predicted."
          />
        ) : (
          <p className="emb-muted">The confusion matrix appears with the first frame.</p>
        )}
      </div>
    </section>
  );
}

function HeadlineBox({
  text,
  onChange,
  predictions,
}: {
  text: string;
  onChange(text: string): void;
  predictions: Record<Side, Prediction | undefined>;
}) {
  const note = headlineNote(text, predictions);
  return (
    <section className="emb-panel emb-cls-headline" aria-label="Classify a headline">
      <label className="emb-textfield emb-cls-input">
        Type a headline
        <input
          type="text"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          dir="auto"
          data-testid="cls-headline"
        />
      </label>
      {/* focusable: on a narrow phone the table may scroll sideways inside its own box */}
      <div className="emb-cls-probs-wrap" tabIndex={0} role="region" aria-label="Topic probabilities">
        <table className="emb-table emb-cls-probs" data-testid="cls-probs">
          <thead>
            <tr>
              <th scope="col">model</th>
              {HEADLINE_CLASSES.map((topic, c) => (
                <th key={topic} scope="col">
                  <Narrowable long={topic} short={SHORT_CLASSES[c]} />
                </th>
              ))}
              <th scope="col">
                <Narrowable long="prediction" short="pred." />
              </th>
            </tr>
          </thead>
          <tbody>
            {SIDES.map(({ side, short }) => {
              const p = predictions[side];
              return (
                <tr key={side} data-testid={`cls-probs-${side}`}>
                  <th scope="row">{short}</th>
                  {HEADLINE_CLASSES.map((topic, c) => (
                    <ProbCell key={topic} p={p} c={c} />
                  ))}
                  <td data-testid={`cls-pred-${side}`}>
                    <strong>{p ? HEADLINE_CLASSES[p.predicted] : '—'}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="emb-muted" data-testid="cls-headline-note">
        {note}
      </p>
    </section>
  );
}

/** A header that shows its short form on a phone (so the table needs no sideways scrolling there). */
function Narrowable({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="emb-cls-long">{long}</span>
      <abbr className="emb-cls-short" title={long}>
        {short}
      </abbr>
    </>
  );
}

function ProbCell({ p, c }: { p?: Prediction; c: number }) {
  const v = p?.probs[c];
  const best = p !== undefined && p.predicted === c;
  return (
    <td className="emb-num">
      <span className="emb-cls-bar" style={{ width: `${Math.round((v ?? 0) * 36)}px` }} data-best={best} />
      <span data-testid="cls-prob">{v === undefined ? '—' : v.toFixed(2)}</span>
    </td>
  );
}

/** Which words each model could read; an empty or unreadable headline says the bias alone decides. */
function headlineNote(text: string, predictions: Record<Side, Prediction | undefined>): string {
  const f = predictions.frozen;
  const s = predictions.scratch;
  if (!f || !s) return 'The predictions appear with the first frame.';
  if (text.trim() === '')
    return 'Type a headline: with no words, both models answer from their biases alone.';
  const part = (name: string, p: Prediction) =>
    p.known.length === 0
      ? `${name} knows none of its words, so its bias alone decides`
      : `${name} knows ${p.known.length} of ${p.known.length + p.unknown.length} tokens`;
  const unseen = [...new Set(s.unknown.filter((t) => f.known.includes(t)))];
  const missing =
    unseen.length > 0
      ? ` (not ${unseen
          .slice(0, 3)
          .map((t) => `“${t}”`)
          .join(', ')}${unseen.length > 3 ? ', …' : ''})`
      : '';
  return `${part('Frozen', f)}; ${part('learned', s)}${missing}.`;
}
