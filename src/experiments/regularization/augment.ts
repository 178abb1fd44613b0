/**
 * Regularisation step 5: data augmentation. Two copies of one small image classifier (144 → hidden → 10, ReLU, Adam,
 * same initial weights) train side by side on the same few tidy glyphs: one on the images as they are, one on a
 * freshly augmented copy of them at every step. Both are scored on the same validation glyphs, drawn in varied poses.
 */
import { MLP, Rng, Tensor, adam, crossEntropy, noGrad, type Adam } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { AugmentViews } from './views';
import { PointRecorder } from '../descent/recorder';
import {
  AUGMENTATIONS,
  CLASSES,
  PIXELS,
  augmentBatch,
  glyphSet,
  tidyPose,
  variedPose,
  type AugmentDraw,
  type Augmentation,
  type GlyphSet,
} from './glyphs';
import { liveLearningRate } from '../params';
import { learningRateParam } from '../paramSpecs';

const TOGGLE_LABELS: Record<Augmentation, string> = {
  rotate: 'Rotate (±20°)',
  translate: 'Translate (±2 px)',
  zoom: 'Zoom (×0.8–1.2)',
  crop: 'Crop (random window)',
  noise: 'Pixel noise',
  brightness: 'Brightness (×0.6–1.3)',
};

export const augmentParams: ParamTable = [
  ...AUGMENTATIONS.map((name) => ({
    name,
    label: TOGGLE_LABELS[name],
    type: 'bool' as const,
    default: true,
    live: true,
  })),
  {
    name: 'perClass',
    label: 'Training glyphs per digit',
    type: 'int',
    default: 3,
    min: 1,
    max: 20,
    live: false,
    help: 'How few examples the classifier learns from (the validation set is always 30 per digit).',
  },
  learningRateParam({ default: 0.003, min: 0.0001, max: 0.03, step: 0.0001 }),
];

const HIDDEN = 48;
const VAL_PER_CLASS = 30;
/** Pixel noise of the validation glyphs (the training glyphs are clean). */
const VAL_NOISE = 0.08;

interface Run {
  net: MLP;
  optimizer: Adam;
  trainAcc: number;
  valAcc: number;
  valLoss: number;
  trainLoss: number;
  valCurve: PointRecorder;
}

/** Loss and accuracy of `net` on a glyph set (inference, no tape). */
export function score(net: MLP, set: GlyphSet): { loss: number; accuracy: number } {
  return noGrad(() => {
    const logits = net.forward(new Tensor(set.x, [set.n, PIXELS])); // [n, 10]
    const loss = crossEntropy(logits, set.y).item();
    const z = logits.data;
    let correct = 0;
    for (let i = 0; i < set.n; i++) {
      let best = 0;
      for (let k = 1; k < CLASSES; k++) if (z[i * CLASSES + k] > z[i * CLASSES + best]) best = k;
      if (best === set.y[i]) correct++;
    }
    return { loss, accuracy: correct / set.n };
  });
}

/** Everything one augmentation experiment changes as it trains; the module functions below read and update it. */
interface AugmentState {
  train: GlyphSet;
  val: GlyphSet;
  /** Draws the random augmentation of every step (its own stream, so toggles do not move the data or weights). */
  augRng: Rng;
  options: Record<Augmentation, boolean>;
  runs: { plain: Run; augmented: Run };
  steps: number;
  diverged: string | null;
  /** The latest augmented batch (what the gallery shows) and its draws. */
  lastBatch: Float32Array;
  lastDraws: AugmentDraw[];
}

/** Data, the two runs from the same initial weights, and their scores before the first step. */
function buildAugmentState(params: ParamValues, seed: number): AugmentState {
  const root = new Rng(seed);
  const train = glyphSet(params.perClass as number, tidyPose, 0, new Rng(root.nextU32()));
  const val = glyphSet(VAL_PER_CLASS, variedPose, VAL_NOISE, new Rng(root.nextU32()));
  const initSeed = root.nextU32();
  const augRng = new Rng(root.nextU32());
  const options: Record<Augmentation, boolean> = Object.fromEntries(
    AUGMENTATIONS.map((a) => [a, params[a] === true]),
  ) as Record<Augmentation, boolean>;
  const lr = params.lr as number;
  const s: AugmentState = {
    train,
    val,
    augRng,
    options,
    runs: { plain: makeRun(initSeed, lr), augmented: makeRun(initSeed, lr) },
    steps: 0,
    diverged: null,
    lastBatch: train.x,
    lastDraws: [],
  };
  recordScores(s, s.runs.plain);
  recordScores(s, s.runs.augmented);
  return s;
}

function makeRun(initSeed: number, lr: number): Run {
  const net = new MLP({ sizes: [PIXELS, HIDDEN, CLASSES], activation: 'relu' }, initSeed);
  return {
    net,
    optimizer: adam(net.parameters(), { lr }),
    trainAcc: NaN,
    valAcc: NaN,
    valLoss: NaN,
    trainLoss: NaN,
    valCurve: new PointRecorder(1024),
  };
}

/** Scores a run on the training and validation glyphs and adds a point to its validation curve. */
function recordScores(s: AugmentState, run: Run): void {
  const t = score(run.net, s.train);
  const v = score(run.net, s.val);
  run.trainAcc = t.accuracy;
  run.valAcc = v.accuracy;
  run.valLoss = v.loss;
  run.valCurve.push(s.steps, v.accuracy);
}

/** One Adam step of `run` on the images `x` (the training labels); a non-finite loss stops the experiment. */
function trainRun(s: AugmentState, run: Run, x: Float32Array): void {
  run.optimizer.zeroGrad();
  const loss = crossEntropy(run.net.forward(new Tensor(x, [s.train.n, PIXELS])), s.train.y); // [] mean over batch
  const value = loss.item();
  if (!Number.isFinite(value)) {
    s.diverged = `the training loss became ${value} at step ${s.steps + 1}. Lower the learning rate and press Reset.`;
    return;
  }
  run.trainLoss = value;
  loss.backward();
  run.optimizer.step();
}

function stepAugment(s: AugmentState, n: number): void {
  const { train, runs } = s;
  for (let i = 0; i < n && s.diverged === null; i++) {
    const batch = augmentBatch(train.x, train.n, s.options, s.augRng); // the whole training set, augmented afresh
    s.lastBatch = batch.x;
    s.lastDraws = batch.draws;
    trainRun(s, runs.plain, train.x);
    trainRun(s, runs.augmented, batch.x);
    if (s.diverged !== null) break;
    s.steps++;
    // Scoring 300 validation glyphs twice: every step early on, then every 5th.
    if (s.steps < 100 || s.steps % 5 === 0) {
      recordScores(s, runs.plain);
      recordScores(s, runs.augmented);
    }
  }
}

function augmentMetrics(s: AugmentState): Metrics {
  const a = s.runs.augmented;
  const p = s.runs.plain;
  return {
    step: s.steps,
    epoch: s.steps,
    loss: Number.isFinite(a.trainLoss) ? a.trainLoss : a.valLoss,
    valLoss: a.valLoss,
    valAccPlain: p.valAcc,
    valAccAugmented: a.valAcc,
    trainAccPlain: p.trainAcc,
    trainAccAugmented: a.trainAcc,
  };
}

/** The first glyph of every digit ([10·PIXELS]) out of a batch of the training set's layout. */
function firstOfEachDigit(train: GlyphSet, x: Float32Array): Float32Array {
  const out = new Float32Array(CLASSES * PIXELS);
  for (let k = 0; k < CLASSES; k++) {
    const i = k * (train.n / CLASSES);
    out.set(x.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
  }
  return out;
}

function augmentViews(s: AugmentState, wanted: readonly string[]): Partial<AugmentViews> {
  const views: Partial<AugmentViews> = {};
  if (wanted.includes('gallery')) {
    // Each digit as drawn and as the augmented run saw it at the last step.
    const first = s.lastDraws[0];
    views.gallery = {
      size: Math.sqrt(PIXELS),
      count: CLASSES,
      original: firstOfEachDigit(s.train, s.train.x),
      augmented: firstOfEachDigit(s.train, s.lastBatch),
      ...(first ? { draw: { ...first } } : {}),
    };
  }
  if (wanted.includes('curves')) {
    const curve = (run: Run) => ({
      val: run.valCurve.toInterleaved([s.steps, run.valAcc]),
      valAcc: run.valAcc,
      trainAcc: run.trainAcc,
    });
    views.curves = { plain: curve(s.runs.plain), augmented: curve(s.runs.augmented), trainSize: s.train.n };
  }
  return views;
}

function setAugmentParam(s: AugmentState, name: string, value: ParamValue): void {
  if ((AUGMENTATIONS as readonly string[]).includes(name) && typeof value === 'boolean')
    s.options[name as Augmentation] = value;
  const lr = liveLearningRate(augmentParams, name, value);
  if (lr !== null) for (const run of [s.runs.plain, s.runs.augmented]) run.optimizer.lr = lr;
}

export function createAugment(params: ParamValues, seed: number): Trainer<AugmentViews> {
  const s = buildAugmentState(params, seed);
  return {
    step: (n) => stepAugment(s, n),
    metrics: () => augmentMetrics(s),
    views: (wanted) => augmentViews(s, wanted),
    set: (name, value) => setAugmentParam(s, name, value),
    divergence: () => s.diverged,
  };
}

export const augmentExperiment: Experiment<AugmentViews> = {
  id: 'reg-augment',
  title: 'Data augmentation: a glyph classifier with and without',
  params: augmentParams,
  create: createAugment,
};
