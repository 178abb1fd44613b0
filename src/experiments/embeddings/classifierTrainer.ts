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
  type Tensor,
  wordTokens,
} from '../../core';
import type {
  Experiment,
  Metrics,
  ParamTable,
  ParamValue,
  ParamValues,
  Trainer,
  ViewValue,
  Views,
} from '../types';
import { defaultValues, liveLearningRate } from '../params';
import { accuracyOf, bagRows, confusionCounts, coverage, type BagModel } from './bagClassifier';
import { HEADLINE_CLASSES, HELD_OUT_HEADLINES, TRAIN_HEADLINES } from './headlines';
import { createGlove, gloveParams } from './trainer';

export const classifierParams: ParamTable = [
  {
    name: 'lr',
    label: 'Learning rate α',
    type: 'number',
    default: 0.01,
    min: 0.001,
    max: 1,
    step: 0.001,
    scale: 'log',
    live: true,
    help: 'Adam step size of both classifiers.',
  },
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

function modelView(s: Side): ViewValue {
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

export function createClassifier(params: ParamValues, seed: number): Trainer {
  const pretrainSteps = Number(params.pretrain);
  // Phase 1 trains these vectors exactly as step 4 does (its default settings, this run's seed); phase 2 freezes them.
  const glove = createGlove(defaultValues(gloveParams), seed);
  const gloveTable = () =>
    glove.views(['vectors']).vectors as { dim: number; data: Float32Array; words: string[] };
  const initial = gloveTable();
  const dim = initial.dim;
  const rng = new Rng(seed);
  const frozen = makeSide(initial.words, tensor(initial.data, [initial.words.length, dim]), dim, rng);
  const scratchWords = trainingWords();
  const learned = asParameter(randn([scratchWords.length, dim], rng, 0, 1 / Math.sqrt(dim)), 'embedding');
  const scratch = makeSide(scratchWords, learned, dim, rng);
  const sides = [frozen, scratch];
  const opt = adam([frozen.weight, frozen.bias, learned, scratch.weight, scratch.bias], {
    lr: Number(params.lr),
  });
  const heldTexts = HELD_OUT_HEADLINES.map((h) => h.text);
  const heldCoverage = sides.map((s) => coverage(heldTexts, s.index));
  let step = 0;
  let diverged: string | null = null;
  sides.forEach(evaluateSide);

  const pretraining = () => step < pretrainSteps;
  /** One classifier step: a full-batch Adam update of both models. */
  const classifierStep = () => {
    opt.zeroGrad();
    const sum = add(
      crossEntropy(scores(frozen, frozen.trainBags), trainLabels),
      crossEntropy(scores(scratch, scratch.trainBags), trainLabels),
    ); // each model's parameters only reach their own term
    const total = sum.item();
    sum.backward();
    opt.step();
    if (!Number.isFinite(total))
      diverged = 'The classifier loss is no longer finite: lower the learning rate α.';
  };

  const held = (s: Side) => accuracyOf(s.confusion, C);
  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        if (pretraining()) {
          glove.step(1);
          diverged = glove.divergence();
          // freeze: from now on the frozen side's table is the trained GloVe vectors, never updated again
          if (step + 1 === pretrainSteps) frozen.embedding.data.set(gloveTable().data);
        } else classifierStep();
        step++;
      }
      sides.forEach(evaluateSide);
    },
    metrics(): Metrics {
      const g = glove.metrics();
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
        heldAccFrozen: held(frozen),
        heldAccScratch: held(scratch),
        heldCoverageFrozen: heldCoverage[0],
        heldCoverageScratch: heldCoverage[1],
        heldCount: HELD_OUT_HEADLINES.length,
        trainCount: TRAIN_HEADLINES.length,
      };
    },
    views(wanted): Views {
      const out: Views = {};
      if (wanted.includes('confusion'))
        out.confusion = {
          classes: [...HEADLINE_CLASSES],
          frozen: frozen.confusion.slice(),
          scratch: scratch.confusion.slice(),
        };
      if (wanted.includes('models')) out.models = { frozen: modelView(frozen), scratch: modelView(scratch) };
      return out;
    },
    set(name: string, value: ParamValue) {
      opt.lr = liveLearningRate(name, value) ?? opt.lr;
    },
    divergence: () => diverged,
  };
}

export const classifierExperiment: Experiment = {
  id: 'embeddings-classifier',
  title: 'Headline topics from word vectors: frozen vs learned',
  params: classifierParams,
  create: createClassifier,
};
