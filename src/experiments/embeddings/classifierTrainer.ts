/**
 * Experiment `embeddings-classifier` (step 7, "Using embeddings"): two topic classifiers on the same labelled
 * headlines, from one seed. Both average the word vectors of a headline and feed the mean to a linear softmax layer
 * (bagClassifier.ts); they differ only in where the vectors come from:
 *  - frozen: GloVe vectors trained on the unlabelled corpus exactly as in step 4 (its default settings, this run's
 *    seed), then never changed by the classifier;
 *  - scratch: an embedding table for the training headlines' own words, initialised at random and learned together
 *    with its classifier from the labels alone.
 * Steps 1 … `pretrain` are GloVe steps (phase 1: the frozen vectors are trained, the classifiers wait); after them
 * every step is one full-batch Adam update of both classifiers (phase 2). Training the vectors in steps rather than
 * in create() keeps every worker call short. The loss read-out is the sum of the two classifiers' training losses;
 * held-out accuracy and the confusion counts are recomputed after every call.
 */
import {
  Rng,
  adam,
  add,
  asParameter,
  crossEntropy,
  linear,
  matmul,
  noGrad,
  randn,
  tensor,
  type Adam,
  type Tensor,
  wordTokens,
} from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValues, Trainer } from '../types';
import { defaultValues, learningRateSetter } from '../params';
import { accuracyOf, bagRows, confusionCounts, coverage, type BagModel } from './bagClassifier';
import type { BagModelView, GloveViews, HeadlineClassifierViews } from './views';
import { HEADLINE_CLASSES, HELD_OUT_HEADLINES, TRAIN_HEADLINES } from './headlines';
import { createGlove, gloveParams } from './trainer';
import { learningRateParam } from '../paramSpecs';

export const classifierParams: ParamTable = [
  learningRateParam({
    default: 0.01,
    min: 0.001,
    max: 1,
    step: 0.001,
    help: 'Adam step size of both classifiers.',
  }),
  {
    name: 'pretrain',
    label: 'GloVe steps before freezing',
    type: 'int',
    default: 100,
    min: 0,
    max: 400,
    step: 10,
    live: false,
  },
];

const C = HEADLINE_CLASSES.length;

/** One of the two models: its vocabulary, embedding (frozen or learned), classifier layer and bagged headlines. */
interface Side {
  words: readonly string[];
  index: ReadonlyMap<string, number>;
  embedding: Tensor; // [V, d]
  weight: Tensor; // [C, d]
  bias: Tensor; // [C]
  trainBags: Tensor; // [N_train, V]
  heldBags: Tensor; // [N_held, V]
  loss: number;
  trainAccuracy: number;
  confusion: Int32Array; // [C, C] held-out counts
}

function makeSide(words: readonly string[], embedding: Tensor, dim: number, rng: Rng): Side {
  const index = new Map(words.map((w, i) => [w, i]));
  const V = words.length;
  return {
    words,
    index,
    embedding,
    weight: asParameter(randn([C, dim], rng, 0, 0.1), 'weight'),
    bias: asParameter(tensor(new Float32Array(C), [C]), 'bias', false),
    trainBags: tensor(
      bagRows(
        TRAIN_HEADLINES.map((h) => h.text),
        index,
      ),
      [TRAIN_HEADLINES.length, V],
    ),
    heldBags: tensor(
      bagRows(
        HELD_OUT_HEADLINES.map((h) => h.text),
        index,
      ),
      [HELD_OUT_HEADLINES.length, V],
    ),
    loss: NaN,
    trainAccuracy: 0,
    confusion: new Int32Array(C * C),
  };
}

/** Scores [N, C] of bagged texts: mean vector (bags · E) → linear layer. */
const scores = (s: Side, bags: Tensor) => linear(matmul(bags, s.embedding), s.weight, s.bias);

function argmaxRows(logits: Float32Array, rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (logits[r * C + c] > logits[r * C + best]) best = c;
    out[r] = best;
  }
  return out;
}

const trainLabels = Int32Array.from(TRAIN_HEADLINES, (h) => h.label);
const heldLabels = Int32Array.from(HELD_OUT_HEADLINES, (h) => h.label);

/** Recomputes a side's loss, training accuracy and held-out confusion counts without recording anything. */
function evaluateSide(s: Side) {
  noGrad(() => {
    const train = scores(s, s.trainBags);
    s.loss = crossEntropy(train, trainLabels).item();
    const trainPred = argmaxRows(train.data, trainLabels.length);
    s.trainAccuracy = accuracyOf(confusionCounts(trainLabels, trainPred, C), C);
    s.confusion = confusionCounts(heldLabels, argmaxRows(scores(s, s.heldBags).data, heldLabels.length), C);
  });
}

function modelView(s: Side): BagModelView {
  const model: BagModel = {
    words: s.words,
    dim: s.embedding.shape[1],
    vectors: s.embedding.data.slice(),
    weight: s.weight.data.slice(),
    bias: s.bias.data.slice(),
  };
  return { ...model, words: [...model.words] };
}

/** Training-vocabulary of the learned embedding: every word of the training headlines, most frequent first. */
function trainingWords(): string[] {
  const counts = new Map<string, number>();
  for (const h of TRAIN_HEADLINES)
    for (const t of wordTokens(h.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** Everything one classifier run changes as it trains; the module functions below read and update it. */
interface ClassifierState {
  pretrainSteps: number;
  /** The GloVe run of phase 1, whose vectors become the frozen side's table. */
  glove: Trainer<GloveViews>;
  frozen: Side;
  scratch: Side;
  opt: Adam;
  /** Share of the held-out headlines' tokens each side has a vector for ([frozen, scratch]). */
  heldCoverage: number[];
  step: number;
  diverged: string | null;
}

function gloveTable(glove: Trainer<GloveViews>) {
  const table = glove.views(['vectors']).vectors;
  if (!table) throw new Error('embeddings-glove sent no vectors');
  return table;
}

function buildClassifierState(params: ParamValues, seed: number): ClassifierState {
  // Phase 1 trains these vectors exactly as step 4 does (its default settings, this run's seed); phase 2 freezes them.
  const glove = createGlove(defaultValues(gloveParams), seed);
  const initial = gloveTable(glove);
  const dim = initial.dim;
  const rng = new Rng(seed);
  const frozen = makeSide(initial.words, tensor(initial.data, [initial.words.length, dim]), dim, rng);
  const scratchWords = trainingWords();
  const learned = asParameter(randn([scratchWords.length, dim], rng, 0, 1 / Math.sqrt(dim)), 'embedding');
  const scratch = makeSide(scratchWords, learned, dim, rng);
  const opt = adam([frozen.weight, frozen.bias, learned, scratch.weight, scratch.bias], {
    lr: Number(params.lr),
  });
  const heldTexts = HELD_OUT_HEADLINES.map((h) => h.text);
  const s: ClassifierState = {
    pretrainSteps: Number(params.pretrain),
    glove,
    frozen,
    scratch,
    opt,
    heldCoverage: [frozen, scratch].map((side) => coverage(heldTexts, side.index)),
    step: 0,
    diverged: null,
  };
  evaluateSide(frozen);
  evaluateSide(scratch);
  return s;
}

/** One classifier step: a full-batch Adam update of both models. */
function classifierStep(s: ClassifierState): void {
  const { frozen, scratch, opt } = s;
  opt.zeroGrad();
  const sum = add(
    crossEntropy(scores(frozen, frozen.trainBags), trainLabels),
    crossEntropy(scores(scratch, scratch.trainBags), trainLabels),
  ); // each model's parameters only reach their own term
  const total = sum.item();
  sum.backward();
  opt.step();
  if (!Number.isFinite(total))
    s.diverged = 'The classifier loss is no longer finite: lower the learning rate α.';
}

/** Phase 1 (GloVe steps) until `pretrainSteps`, then classifier steps; both sides are re-scored after the call. */
function stepClassifier(s: ClassifierState, n: number): void {
  for (let k = 0; k < n && s.diverged === null; k++) {
    if (s.step < s.pretrainSteps) {
      s.glove.step(1);
      s.diverged = s.glove.divergence();
      // freeze: from now on the frozen side's table is the trained GloVe vectors, never updated again
      if (s.step + 1 === s.pretrainSteps) s.frozen.embedding.data.set(gloveTable(s.glove).data);
    } else classifierStep(s);
    s.step++;
  }
  evaluateSide(s.frozen);
  evaluateSide(s.scratch);
}

function classifierMetrics(s: ClassifierState): Metrics {
  const { step, pretrainSteps, frozen, scratch } = s;
  const g = s.glove.metrics();
  return {
    step,
    epoch: step,
    loss: frozen.loss + scratch.loss,
    pretrainSteps,
    gloveSteps: g.step,
    gloveLoss: g.loss,
    classifierSteps: Math.max(0, step - pretrainSteps),
    lossFrozen: frozen.loss,
    lossScratch: scratch.loss,
    trainAccFrozen: frozen.trainAccuracy,
    trainAccScratch: scratch.trainAccuracy,
    heldAccFrozen: accuracyOf(frozen.confusion, C),
    heldAccScratch: accuracyOf(scratch.confusion, C),
    heldCoverageFrozen: s.heldCoverage[0],
    heldCoverageScratch: s.heldCoverage[1],
    heldCount: HELD_OUT_HEADLINES.length,
    trainCount: TRAIN_HEADLINES.length,
  };
}

function classifierViews(s: ClassifierState, wanted: readonly string[]): Partial<HeadlineClassifierViews> {
  const out: Partial<HeadlineClassifierViews> = {};
  if (wanted.includes('confusion'))
    out.confusion = {
      classes: [...HEADLINE_CLASSES],
      frozen: s.frozen.confusion.slice(),
      scratch: s.scratch.confusion.slice(),
    };
  if (wanted.includes('models')) out.models = { frozen: modelView(s.frozen), scratch: modelView(s.scratch) };
  return out;
}

export function createClassifier(params: ParamValues, seed: number): Trainer<HeadlineClassifierViews> {
  const s = buildClassifierState(params, seed);
  return {
    step: (n) => stepClassifier(s, n),
    metrics: () => classifierMetrics(s),
    views: (wanted) => classifierViews(s, wanted),
    set: learningRateSetter(classifierParams, () => [s.opt]),
    divergence: () => s.diverged,
  };
}

export const classifierExperiment: Experiment<HeadlineClassifierViews> = {
  id: 'embeddings-classifier',
  title: 'Headline topics from word vectors: frozen vs learned',
  params: classifierParams,
  create: createClassifier,
};
