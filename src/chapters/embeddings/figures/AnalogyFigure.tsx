import { useMemo } from 'react';
import { LineChart, useChartTheme } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { Tex } from '../../../components/math';
import { MetricsBar, NoticeBar, RunControls, formatMetric } from '../../../components/run';
import type { LessonStep } from '../../../lessons/types';
import { useExperiment } from '../../../state';
import { CAPITALS, GENDER_PAIRS } from '../../../experiments/embeddings/corpus';
import { analogy } from '../../../experiments/embeddings/vectors';
import type { Metrics } from '../../../experiments/types';
import { isAccuracyHistoryView, type AccuracyHistoryView } from '../../../experiments/embeddings/views';
import { useView } from '../../../state/useView';
import { useFrameMetrics } from '../../../state/useFrameMetrics';
import { useVectorTable, type VectorTable } from './liveViews';
import { useTextParam } from './text';
import { TextNotice } from './TextNotice';
import { ScoredList, WordPicker } from './WordPicker';

/** Re-renders a second while training. */
const HZ = 8;
export const ANALOGY_RESERVED = ['qa', 'qb', 'qc'];

/** Words offered in the analogy selects: every word of the two relation families. */
export const ANALOGY_WORDS = [
  ...GENDER_PAIRS.flatMap((p) => [p.male, p.female]),
  ...CAPITALS.flatMap((c) => [c.country, c.capital]),
];

/** Step 5: a is to b as c is to ? — top answers by cosine, and the test set's accuracy over training. */
export function AnalogyFigure({ preset }: { preset?: LessonStep['preset'] }) {
  useExperiment({ experiment: 'embeddings-glove', preset, reserved: ANALOGY_RESERVED });
  const table = useVectorTable(HZ);
  const history = useView('accuracyHistory', { accept: isAccuracyHistoryView, hz: HZ });
  const metrics = useFrameMetrics(HZ);
  const { words, setters, notice } = useAnalogyQuery();
  const [a, b, c] = words;
  const answers = useMemo(() => analogyAnswers(table, a, b, c), [table, a, b, c]);
  const vocabSize = table?.words.length ?? 0;
  // Guessing uniformly among the vocabulary without the three question words.
  const chance = vocabSize > 3 ? 1 / (vocabSize - 3) : 0;

  return (
    <div className="emb-figure figure-compact emb-fit" data-testid="figure-analogies">
      <NoticeBar />
      <TextNotice line={notice} />
      <RunControls />
      <MetricsBar />
      <div className="emb-row">
        <WordPicker label="a" words={ANALOGY_WORDS} value={a} onChange={setters[0]} testId="analogy-a" />
        <span aria-hidden="true">→</span>
        <WordPicker label="b" words={ANALOGY_WORDS} value={b} onChange={setters[1]} testId="analogy-b" />
        <span aria-hidden="true">as</span>
        <WordPicker label="c" words={ANALOGY_WORDS} value={c} onChange={setters[2]} testId="analogy-c" />
        <span aria-hidden="true">→ ?</span>
      </div>
      <div className="emb-formula">
        <Tex
          display
          tex={`\\hat w_{\\text{${b}}} - \\hat w_{\\text{${a}}} + \\hat w_{\\text{${c}}} \\approx \\hat w_{\\text{${answers[0]?.word ?? '?'}}}\\quad(\\cos = ${answers[0] ? answers[0].similarity.toFixed(3) : '–'})`}
        />
      </div>
      <div className="emb-main">
        <AccuracyChart history={history} chance={chance} />
        <section className="emb-panel" aria-labelledby="emb-answers">
          <h3 id="emb-answers">Top answers (cosine)</h3>
          <ScoredList items={answers} testId="analogy-answers" empty="Answers appear with the first frame." />
        </section>
      </div>
      <AnalogyReadout metrics={metrics} chance={chance} />
      <ParamControls only={['lr', 'dim']} />
    </div>
  );
}

const EXAMPLE_QUERY = ['man', 'woman', 'king'] as const;

/**
 * The question's three words from the URL (qa, qb, qc). A word outside the analogy word list is replaced by the
 * example's word at that place, with a notice naming it.
 */
function useAnalogyQuery() {
  const qa = useTextParam('qa', EXAMPLE_QUERY[0]);
  const qb = useTextParam('qb', EXAMPLE_QUERY[1]);
  const qc = useTextParam('qc', EXAMPLE_QUERY[2]);
  const queries = [qa, qb, qc];
  const known = (w: string) => ANALOGY_WORDS.includes(w);
  const words = queries.map((q, k) => (known(q.text) ? q.text : EXAMPLE_QUERY[k]));
  const bad = queries.filter((q) => !known(q.text)).map((q) => `“${q.text.slice(0, 30)}”`);
  const notice = bad.length
    ? `Not in the analogy word list, replaced by the example: ${bad.join(', ')}.`
    : null;
  return { words, setters: queries.map((q) => q.setText), notice };
}

/** The 5 words nearest to b − a + c by cosine (none until every question word has a trained vector). */
function analogyAnswers(table: VectorTable | undefined, a: string, b: string, c: string) {
  if (!table) return [];
  const ids = [a, b, c].map((w) => table.index.get(w));
  if (ids.some((i) => i === undefined)) return [];
  const [ia, ib, ic] = ids as number[];
  return analogy(table.data, table.dim, table.norms, ia, ib, ic, 5).map((s) => ({
    word: table.words[s.index],
    similarity: s.similarity,
  }));
}

function AccuracyChart({ history, chance }: { history: AccuracyHistoryView | undefined; chance: number }) {
  const theme = useChartTheme();
  const chanceLine = history ? Float64Array.from(history.x, () => chance) : new Float64Array(0);
  return (
    <LineChart
      title="Analogy test accuracy"
      xLabel="training steps"
      height={200}
      yDomain={[0, 1]}
      series={
        history
          ? [
              { label: 'accuracy', x: history.x, y: history.y, color: theme.positive },
              { label: 'chance', x: history.x, y: chanceLine, color: theme.negative, dashed: true },
            ]
          : []
      }
      caption="Fraction of the analogy test set answered exactly, and the accuracy of guessing at random."
    />
  );
}

function AnalogyReadout({ metrics, chance }: { metrics: Metrics | undefined; chance: number }) {
  return (
    <p className="emb-readout">
      Test set: <strong data-testid="analogy-count">{formatMetric(metrics?.analogyCount)}</strong> questions ·
      random guessing: <strong data-testid="analogy-chance">{chance ? chance.toFixed(4) : '–'}</strong> ·
      accuracy at step {formatMetric(metrics?.evaluatedAt)}:{' '}
      <strong data-testid="analogy-accuracy">{formatMetric(metrics?.accuracy, 3)}</strong>
    </p>
  );
}
