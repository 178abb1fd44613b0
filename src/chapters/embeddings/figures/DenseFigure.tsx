import type { LessonStep } from '../../../lessons/types';
import { useMemo, useState } from 'react';
import { EmbeddingScatter, MatrixView, useChartTheme } from '../../../components/charts';
import { ParamControls } from '../../../components/controls';
import { Tex } from '../../../components/math';
import { MetricsBar, NoticeBar, RunControls, formatMetric } from '../../../components/run';
import { useExperiment } from '../../../state';
import { PROJECTION_GROUPS } from '../../../experiments/embeddings/trainer';
import { PROBE_WORDS, topicOf } from '../../../experiments/embeddings/corpus';
import { neighboursOf } from '../../../experiments/embeddings/vectors';
import { useGloveViews } from './liveViews';
import { useTextParam } from './text';
import { TextNotice } from './TextNotice';
import { ScoredList, WordPicker } from './WordPicker';

const EXTRA_VIEWS = ['projection', 'cooc'] as const;
export const DENSE_RESERVED = ['word'];

interface Projection {
  coords: Float32Array;
  words: string[];
  groups: Int32Array;
}

function asProjection(v: unknown): Projection | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (!(o.coords instanceof Float32Array) || !Array.isArray(o.words) || !(o.groups instanceof Int32Array))
    return undefined;
  return o.coords.length === o.words.length * 2 ? (o as unknown as Projection) : undefined;
}

interface Cooc {
  n: number;
  values: Float32Array;
  words: string[];
}

/** Step 4: co-occurrence counts → GloVe training in the worker → PCA projection and cosine neighbours. */
export function DenseFigure({ preset }: { preset?: LessonStep['preset'] }) {
  useExperiment({ experiment: 'embeddings-glove', preset, reserved: DENSE_RESERVED });
  const { views, frame, table } = useGloveViews(EXTRA_VIEWS);
  const theme = useChartTheme();
  const [show, setShow] = useState<'vectors' | 'counts'>('vectors');
  const projection = asProjection(views.projection);
  const cooc = views.cooc as Cooc | undefined;
  const { text: rawWord, setText: setWord } = useTextParam('word', 'football');
  const known = table ? table.index.has(rawWord) : true;
  const word = known ? rawWord : 'football';
  const wordNotice = known
    ? null
    : `“${rawWord.slice(0, 30)}” is not in the corpus vocabulary; showing “football”.`;

  const near = useMemo(() => {
    if (!table || !table.index.has(word)) return [];
    return neighboursOf(table.data, table.dim, table.norms, table.index.get(word)!, 5).map((s) => ({
      word: table.words[s.index],
      similarity: s.similarity,
    }));
  }, [table, word]);
  const sameTopic = near.slice(0, 3).filter((s) => topicOf(s.word) === topicOf(word)).length;

  const points = useMemo(
    () =>
      projection
        ? projection.words.map((label, i) => ({
            x: projection.coords[2 * i],
            y: projection.coords[2 * i + 1],
            label,
            group: projection.groups[i],
          }))
        : [],
    [projection],
  );
  const projectedNeighbours = (i: number) => {
    if (!table || !projection) return [];
    const id = table.index.get(projection.words[i]);
    if (id === undefined) return [];
    return neighboursOf(table.data, table.dim, table.norms, id, 3)
      .map((s) => projection.words.indexOf(table.words[s.index]))
      .filter((j) => j >= 0);
  };
  const selected = projection ? projection.words.indexOf(word) : -1;
  const wordList = projection?.words ?? [...PROBE_WORDS];
  const m = frame?.metrics;
  const cells =
    cooc && cooc.values instanceof Float32Array ? Float32Array.from(cooc.values, (v) => Math.log1p(v)) : null;

  return (
    <div className="emb-figure figure-compact emb-fit" data-testid="figure-dense">
      <NoticeBar />
      <TextNotice line={wordNotice} />
      <RunControls />
      <MetricsBar />
      <div className="emb-row emb-toolbar">
        <div className="emb-toggle" role="group" aria-label="What the chart shows">
          {(['vectors', 'counts'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={show === v} onClick={() => setShow(v)}>
              {v === 'vectors' ? 'Word vectors (PCA)' : 'Co-occurrence counts'}
            </button>
          ))}
        </div>
        <div className="emb-formula">
          <Tex
            display
            tex={`L = \\tfrac{1}{P}\\textstyle\\sum_{ij} f(X_{ij})\\,(w_i^\\top \\tilde w_j + b_i + \\tilde b_j - \\log X_{ij})^2 = ${formatMetric(m?.loss)}`}
          />
        </div>
      </div>
      <div className="emb-main">
        {show === 'counts' ? (
          cooc && cells ? (
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
          ) : (
            <p className="emb-muted">The counts appear with the first frame.</p>
          )
        ) : (
          <EmbeddingScatter
            title="Word vectors, 2-D PCA"
            points={points}
            groupLabels={PROJECTION_GROUPS}
            selected={selected >= 0 ? selected : null}
            onSelect={(i) => i !== null && projection && setWord(projection.words[i])}
            neighbours={projectedNeighbours}
            k={3}
            height={Math.round(225 * theme.fontScale)}
            caption="Topic, people and place words projected on the first two principal components of their vectors."
          />
        )}
        <section className="emb-panel" aria-label="Nearest neighbours">
          <WordPicker
            label="Neighbours of"
            words={wordList}
            value={word}
            onChange={setWord}
            testId="dense-word"
          />
          <ScoredList
            items={near}
            testId="dense-neighbours"
            empty="Neighbours appear with the first frame."
          />
          <p className="emb-readout">
            Same topic in top 3:{' '}
            <strong data-testid="dense-same-topic">{near.length ? sameTopic : '–'}</strong>
          </p>
          <p className="emb-readout">
            Probe words with a same-topic top-3 neighbour:{' '}
            <strong data-testid="dense-probe-hits">{formatMetric(m?.probeHits)}</strong> of{' '}
            {formatMetric(m?.probeCount)}
          </p>
        </section>
      </div>
      <ParamControls only={['lr', 'dim', 'window']} />
    </div>
  );
}
