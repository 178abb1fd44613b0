/**
 * Experiment `embeddings-glove`: word vectors trained live with the GloVe objective on the bundled corpus.
 * One training step = one full-batch Adam update over every non-zero co-occurrence cell (deterministic: the run's
 * seed only picks the initial vectors). The page asks for the 2-D projection, the vectors themselves (it answers
 * neighbour and analogy questions from them), the co-occurrence block and the analogy-accuracy history.
 */
import { Rng, adam, asParameter, noGrad, randn, zeros, type Adam, type Tensor } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import type { GloveViews } from './views';
import { analogyTestSet, generateCorpus, PROBE_WORDS, topicOf, TOPICS } from './corpus';
import { countCooccurrences, subBlock, type Cooccurrence } from './cooccurrence';
import { glovePairs, gloveLoss, type GlovePairs } from './objective';
import { analogy, neighboursOf, pca2, rowNorms } from './vectors';
import { learningRateSetter } from '../params';
import { learningRateParam } from '../paramSpecs';

export const gloveParams: ParamTable = [
  learningRateParam({
    default: 0.05,
    min: 0.001,
    max: 1,
    step: 0.001,
    help: 'Adam step size for the vectors and biases.',
  }),
  {
    name: 'dim',
    label: 'Vector size d',
    type: 'int',
    default: 16,
    min: 2,
    max: 50,
    live: false,
    help: 'Numbers per word vector.',
  },
  {
    name: 'window',
    label: 'Window (words)',
    type: 'int',
    default: 4,
    min: 1,
    max: 8,
    live: false,
    help: 'Words within this distance count as co-occurring (weight 1/distance).',
  },
];

/** Words of the co-occurrence heatmap: a few of each group, so the block structure of the counts shows. */
export const HEATMAP_WORDS = [
  'football',
  'match',
  'team',
  'bank',
  'market',
  'price',
  'planet',
  'research',
  'election',
  'minister',
  'king',
  'queen',
  'he',
  'she',
  'paris',
  'france',
] as const;
/** Analogy accuracy is re-evaluated every this many steps (it reads the whole table). */
const EVAL_EVERY = 10;
const HISTORY_MAX = 512;

/** The corpus statistics are the same for every run with the same window: build them once per window. */
const statsCache = new Map<number, Cooccurrence>();
export function corpusStats(window: number): Cooccurrence {
  let stats = statsCache.get(window);
  if (!stats) {
    stats = countCooccurrences(generateCorpus(), window);
    statsCache.set(window, stats);
  }
  return stats;
}

/** The words drawn in the projection (topic, people and place words), with the group each belongs to. */
export const PROJECTION_GROUPS = [...TOPICS, 'people', 'countries', 'capitals', 'languages'] as const;

export interface Evaluation {
  /** Fraction of the analogy test set answered exactly (top-1). */
  accuracy: number;
  /** Probe words with a same-topic word among their 3 nearest neighbours. */
  probeHits: number;
}

/** Scores a table of vectors [V, dim] (rows in `stats.vocab` order) on the analogy set and the probe words. */
export function evaluateVectors(vectors: Float32Array, dim: number, stats: Cooccurrence): Evaluation {
  const norms = rowNorms(vectors, dim);
  const id = (w: string) => stats.vocab.stoi.get(w) ?? -1;
  const tests = analogyTestSet();
  let right = 0;
  for (const q of tests) {
    const [a, b, c, d] = [q.a, q.b, q.c, q.d].map(id);
    if (Math.min(a, b, c, d) < 0) continue;
    const top = analogy(vectors, dim, norms, a, b, c, 1);
    if (top[0]?.index === d) right++;
  }
  let probeHits = 0;
  for (const w of PROBE_WORDS) {
    const near = neighboursOf(vectors, dim, norms, id(w), 3);
    if (near.some((s) => topicOf(stats.vocab.itos[s.index]) === topicOf(w))) probeHits++;
  }
  return { accuracy: right / tests.length, probeHits };
}

/** Everything one GloVe run changes as it trains; the module functions below read and update it. */
interface GloveState {
  dim: number;
  stats: Cooccurrence;
  /** Word vectors w, context vectors w̃ [V, d] and their biases b, b̃ [V]. */
  w: Tensor;
  wt: Tensor;
  b: Tensor;
  bt: Tensor;
  opt: Adam;
  pairs: GlovePairs;
  /** The projected words (those with a topic group), their ids and groups. */
  shown: string[];
  shownIds: Int32Array;
  shownGroups: Int32Array;
  heatmap: Float32Array;
  step: number;
  loss: number;
  diverged: string | null;
  /** Step of the last evaluation (−1 before the first) and its scores. */
  evaluated: number;
  evaluation: Evaluation;
  history: { step: Float64Array; accuracy: Float64Array; length: number };
  /** The previous projection's axes, so PCA keeps their signs and the picture does not flip between frames. */
  components: Float32Array | undefined;
}

/** Seeded initial vectors, the co-occurrence pairs and the words to project; evaluated once before training. */
function buildGloveState(params: ParamValues, seed: number): GloveState {
  const dim = Number(params.dim);
  const stats = corpusStats(Number(params.window));
  const V = stats.vocab.size;
  const rng = new Rng(seed);
  const std = 0.5 / Math.sqrt(dim);
  const w = asParameter(randn([V, dim], rng, 0, std), 'w'); // [V, d] word vectors
  const wt = asParameter(randn([V, dim], rng, 0, std), 'wt'); // [V, d] context vectors
  const b = asParameter(zeros([V]), 'b', false); // [V]
  const bt = asParameter(zeros([V]), 'bt', false); // [V]
  const pairs = glovePairs(stats.rows, stats.cols, stats.values);
  const shown = stats.vocab.itos.filter((word) => topicOf(word) !== null);
  const s: GloveState = {
    dim,
    stats,
    w,
    wt,
    b,
    bt,
    opt: adam([w, wt, b, bt], { lr: Number(params.lr) }),
    pairs,
    shown,
    shownIds: Int32Array.from(shown, (word) => stats.vocab.stoi.get(word)!),
    shownGroups: Int32Array.from(shown, (word) =>
      PROJECTION_GROUPS.indexOf(topicOf(word) as (typeof PROJECTION_GROUPS)[number]),
    ),
    heatmap: subBlock(stats, HEATMAP_WORDS),
    step: 0,
    loss: noGrad(() => gloveLoss(w, wt, b, bt, pairs).item()),
    diverged: null,
    evaluated: -1,
    evaluation: { accuracy: 0, probeHits: 0 },
    history: { step: new Float64Array(HISTORY_MAX), accuracy: new Float64Array(HISTORY_MAX), length: 0 },
    components: undefined,
  };
  evaluate(s);
  return s;
}

/** w + w̃, the vectors the page shows ([V, d]). */
function combined(s: GloveState): Float32Array {
  const out = new Float32Array(s.stats.vocab.size * s.dim);
  for (let i = 0; i < out.length; i++) out[i] = s.w.data[i] + s.wt.data[i];
  return out;
}

/** Scores the current vectors (once per step) and appends the accuracy to the bounded history. */
function evaluate(s: GloveState): void {
  if (s.evaluated === s.step) return;
  s.evaluation = evaluateVectors(combined(s), s.dim, s.stats);
  s.evaluated = s.step;
  const history = s.history;
  if (history.length === HISTORY_MAX) {
    // keep every other point: the history stays bounded however long the run
    for (let k = 0; k < HISTORY_MAX / 2; k++) {
      history.step[k] = history.step[2 * k];
      history.accuracy[k] = history.accuracy[2 * k];
    }
    history.length = HISTORY_MAX / 2;
  }
  history.step[history.length] = s.step;
  history.accuracy[history.length] = s.evaluation.accuracy;
  history.length++;
}

function stepGlove(s: GloveState, n: number): void {
  for (let k = 0; k < n && s.diverged === null; k++) {
    s.opt.zeroGrad();
    const l = gloveLoss(s.w, s.wt, s.b, s.bt, s.pairs);
    l.backward();
    s.opt.step();
    s.loss = l.item();
    s.step++;
    if (!Number.isFinite(s.loss))
      s.diverged = 'The GloVe loss is no longer finite: lower the learning rate α.';
    if (s.step % EVAL_EVERY === 0) evaluate(s);
  }
}

/** The projected words' vectors on two principal components. */
function projectionView(s: GloveState) {
  const { dim, shownIds } = s;
  const all = combined(s);
  const rows = new Float32Array(shownIds.length * dim);
  shownIds.forEach((id, r) => rows.set(all.subarray(id * dim, id * dim + dim), r * dim));
  const p = pca2(rows, dim, shownIds.length, s.components);
  s.components = p.components;
  return { coords: p.coords, words: s.shown, groups: s.shownGroups };
}

function gloveViews(s: GloveState, wanted: readonly string[]): Partial<GloveViews> {
  const out: Partial<GloveViews> = {};
  if (wanted.includes('vectors')) out.vectors = { dim: s.dim, data: combined(s), words: s.stats.vocab.itos };
  if (wanted.includes('projection')) out.projection = projectionView(s);
  if (wanted.includes('cooc'))
    out.cooc = { n: HEATMAP_WORDS.length, values: s.heatmap, words: [...HEATMAP_WORDS] };
  if (wanted.includes('accuracyHistory'))
    out.accuracyHistory = {
      x: s.history.step.slice(0, s.history.length),
      y: s.history.accuracy.slice(0, s.history.length),
    };
  return out;
}

export function createGlove(params: ParamValues, seed: number): Trainer<GloveViews> {
  const s = buildGloveState(params, seed);
  return {
    step: (n) => stepGlove(s, n),
    metrics: (): Metrics => ({
      step: s.step,
      epoch: s.step,
      loss: s.loss,
      accuracy: s.evaluation.accuracy,
      probeHits: s.evaluation.probeHits,
      probeCount: PROBE_WORDS.length,
      analogyCount: analogyTestSet().length,
      evaluatedAt: s.evaluated,
    }),
    views: (wanted) => gloveViews(s, wanted),
    set: learningRateSetter(gloveParams, () => [s.opt]),
    divergence: () => s.diverged,
  };
}

export const gloveExperiment: Experiment<GloveViews> = {
  id: 'embeddings-glove',
  title: 'Word vectors trained with the GloVe objective',
  params: gloveParams,
  create: createGlove,
};
