import type { LessonStep } from '../../../lessons/types';
import { useMemo, useState } from 'react';
import { EmbeddingScatter, MatrixView, useChartTheme } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { Tex } from '../../../components/math';
import { MetricsBar, NoticeBar, RunControls, formatMetric } from '../../../components/run';
import { useExperiment } from '../../../state';
import { PROJECTION_GROUPS } from '../../../experiments/embeddings/trainer';
import { PROBE_WORDS, topicOf } from '../../../experiments/embeddings/corpus';
import type { Metrics } from '../../../experiments/types';
import { logCounts, nearestWords, projectedNeighbours, projectionPoints } from './denseModel';
import {
  isCoocView,
  isProjectionView,
  type CoocView,
  type ProjectionView,
} from '../../../experiments/embeddings/views';
import { useView } from '../../../state/useView';
import { useFrameMetrics } from '../../../state/useFrameMetrics';
import { useVectorTable, type VectorTable } from './liveViews';
import { useTextParam } from './text';
import { TextNotice } from './TextNotice';
import { ScoredList, WordPicker } from './WordPicker';

/** Re-renders a second while training. */
const HZ = 8;
export const DENSE_RESERVED = ['word'];

/** Step 4: co-occurrence counts → GloVe training in the worker → PCA projection and cosine neighbours. */
export function DenseFigure({ preset }: { preset?: LessonStep['preset'] }) {
  useExperiment({ experiment: 'embeddings-glove', preset, reserved: DENSE_RESERVED });
  const table = useVectorTable(HZ);
  const projection = useView('projection', { accept: isProjectionView, hz: HZ });
  const cooc = useView('cooc', { accept: isCoocView, hz: HZ });
  const m = useFrameMetrics(HZ);
  const [show, setShow] = useState<'vectors' | 'counts'>('vectors');
  const { word, setWord, wordNotice } = useDenseWord(table);
  return (
    <div className="emb-figure figure-compact emb-fit" data-testid="figure-dense">
      <NoticeBar />
      <TextNotice line={wordNotice} />
      <RunControls />
      <MetricsBar />
      <div className="emb-row emb-toolbar">
        <ChartToggle show={show} setShow={setShow} />
        <div className="emb-formula">
          <Tex
            display
            tex={`L = \\tfrac{1}{P}\\textstyle\\sum_{ij} f(X_{ij})\\,(w_i^\\top \\tilde w_j + b_i + \\tilde b_j - \\log X_{ij})^2 = ${formatMetric(m?.loss)}`}
          />
        </div>
      </div>
      <div className="emb-main">
        {show === 'counts' ? (
          <CountsMatrix cooc={cooc} />
        ) : (
          <ProjectionScatter projection={projection} table={table} word={word} setWord={setWord} />
        )}
        <NeighboursPanel
          table={table}
          word={word}
          setWord={setWord}
          wordList={projection?.words ?? [...PROBE_WORDS]}
          metrics={m}
        />
      </div>
      <ParamControls only={['lr', 'dim', 'window']} />
    </div>
  );
}

/**
 * The chosen word from the URL, falling back to “football” (with a notice) when the trained vocabulary does not
 * have it; before the first frame every word counts as known so a shared link's word is not replaced too early.
 */
function useDenseWord(table: VectorTable | undefined) {
  const { text: rawWord, setText: setWord } = useTextParam('word', 'football');
  const known = table ? table.index.has(rawWord) : true;
  const word = known ? rawWord : 'football';
  const wordNotice = known
    ? null
    : `“${rawWord.slice(0, 30)}” is not in the corpus vocabulary; showing “football”.`;
  return { word, setWord, wordNotice };
}

function ChartToggle({
  show,
  setShow,
}: {
  show: 'vectors' | 'counts';
  setShow: (show: 'vectors' | 'counts') => void;
}) {
  return (
    <div className="emb-toggle" role="group" aria-label="What the chart shows">
      {(['vectors', 'counts'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={show === v} onClick={() => setShow(v)}>
          {v === 'vectors' ? 'Word vectors (PCA)' : 'Co-occurrence counts'}
        </button>
      ))}
    </div>
  );
}

function CountsMatrix({ cooc }: { cooc: CoocView | undefined }) {
  const cells = logCounts(cooc);
  if (!cooc || !cells) return <p className="emb-muted">The counts appear with the first frame.</p>;
  return (
    <MatrixView
      title="Co-occurrence counts, log(1 + X)"
      values={cells}
      rows={cooc.n}
      cols={cooc.n}
      rowLabels={cooc.words}
      colLabels={cooc.words}
      colorScale="sequential"
      showValues={false}
      maxCell={16}
      caption="How often word j appears near word i in the corpus (1/distance per meeting), log scale."
    />
  );
}

/** The probe words on two principal components; clicking one makes it the chosen word. */
function ProjectionScatter({
  projection,
  table,
  word,
  setWord,
}: {
  projection: ProjectionView | undefined;
  table: VectorTable | undefined;
  word: string;
  setWord: (word: string) => void;
}) {
  const theme = useChartTheme();
  const points = useMemo(() => projectionPoints(projection), [projection]);
  const selected = projection ? projection.words.indexOf(word) : -1;
  return (
    <EmbeddingScatter
      title="Word vectors, 2-D PCA"
      points={points}
      groupLabels={PROJECTION_GROUPS}
      selected={selected >= 0 ? selected : null}
      onSelect={(i) => i !== null && projection && setWord(projection.words[i])}
      neighbours={(i) => projectedNeighbours(table, projection, i)}
      k={3}
      height={Math.round(225 * theme.fontScale)}
      caption="Topic, people and place words projected on the first two principal components of their vectors."
    />
  );
}

/** The chosen word's nearest neighbours and how many share its topic, for it and over all probe words. */
function NeighboursPanel({
  table,
  word,
  setWord,
  wordList,
  metrics,
}: {
  table: VectorTable | undefined;
  word: string;
  setWord: (word: string) => void;
  wordList: readonly string[];
  metrics: Metrics | undefined;
}) {
  const near = useMemo(() => nearestWords(table, word), [table, word]);
  const sameTopic = near.slice(0, 3).filter((s) => topicOf(s.word) === topicOf(word)).length;
  return (
    <section className="emb-panel" aria-label="Nearest neighbours">
      <WordPicker
        label="Neighbours of"
        words={wordList}
        value={word}
        onChange={setWord}
        testId="dense-word"
      />
      <ScoredList items={near} testId="dense-neighbours" empty="Neighbours appear with the first frame." />
      <p className="emb-readout">
        Same topic in top 3: <strong data-testid="dense-same-topic">{near.length ? sameTopic : '–'}</strong>
      </p>
      <p className="emb-readout">
        Probe words with a same-topic top-3 neighbour:{' '}
        <strong data-testid="dense-probe-hits">{formatMetric(metrics?.probeHits)}</strong> of{' '}
        {formatMetric(metrics?.probeCount)}
      </p>
    </section>
  );
}
