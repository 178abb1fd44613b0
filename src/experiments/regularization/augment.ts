/**
 * Regularisation step 5: data augmentation. Two copies of one small image classifier (144 → hidden → 10, ReLU, Adam,
 * same initial weights) train side by side on the same few tidy glyphs: one on the images as they are, one on a
 * freshly augmented copy of them at every step. Both are scored on the same validation glyphs, drawn in varied poses.
 */
import { MLP, Rng, Tensor, adam, crossEntropy, noGrad, type Adam } from '../../core';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
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
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.003,
    min: 0.0001,
    max: 0.03,
    step: 0.0001,
    scale: 'log',
    live: true,
  },
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

export function createAugment(params: ParamValues, seed: number): Trainer {
  const root = new Rng(seed);
  const train = glyphSet(Number(params.perClass), tidyPose, 0, new Rng(root.nextU32()));
  const val = glyphSet(VAL_PER_CLASS, variedPose, VAL_NOISE, new Rng(root.nextU32()));
  const initSeed = root.nextU32();
  const augRng = new Rng(root.nextU32());
  const options: Record<Augmentation, boolean> = Object.fromEntries(
    AUGMENTATIONS.map((a) => [a, params[a] === true]),
  ) as Record<Augmentation, boolean>;
  const lr = Number(params.lr);
  const makeRun = (): Run => {
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
  };
  const runs = { plain: makeRun(), augmented: makeRun() };
  let steps = 0;
  let diverged: string | null = null;
  // The latest augmented batch (what the gallery shows) and its draws.
  let lastBatch: Float32Array = train.x;
  let lastDraws: AugmentDraw[] = [];

  const record = (run: Run) => {
    const t = score(run.net, train);
    const v = score(run.net, val);
    run.trainAcc = t.accuracy;
    run.valAcc = v.accuracy;
    run.valLoss = v.loss;
    run.valCurve.push(steps, v.accuracy);
  };
  record(runs.plain);
  record(runs.augmented);

  const trainStep = (run: Run, x: Float32Array) => {
    run.optimizer.zeroGrad();
    const loss = crossEntropy(run.net.forward(new Tensor(x, [train.n, PIXELS])), train.y); // [] mean over batch
    const value = loss.item();
    if (!Number.isFinite(value)) {
      diverged = `the training loss became ${value} at step ${steps + 1}. Lower the learning rate and press Reset.`;
      return;
    }
    run.trainLoss = value;
    loss.backward();
    run.optimizer.step();
  };

  return {
    step(n) {
      for (let i = 0; i < n && diverged === null; i++) {
        const batch = augmentBatch(train.x, train.n, options, augRng); // the whole training set, augmented afresh
        lastBatch = batch.x;
        lastDraws = batch.draws;
        trainStep(runs.plain, train.x);
        trainStep(runs.augmented, batch.x);
        if (diverged !== null) break;
        steps++;
        // Scoring 300 validation glyphs twice: every step early on, then every 5th.
        if (steps < 100 || steps % 5 === 0) {
          record(runs.plain);
          record(runs.augmented);
        }
      }
    },
    metrics(): Metrics {
      const a = runs.augmented;
      const p = runs.plain;
      return {
        step: steps,
        epoch: steps,
        loss: Number.isFinite(a.trainLoss) ? a.trainLoss : a.valLoss,
        valLoss: a.valLoss,
        valAccPlain: p.valAcc,
        valAccAugmented: a.valAcc,
        trainAccPlain: p.trainAcc,
        trainAccAugmented: a.trainAcc,
      };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('gallery')) {
        // The first glyph of every digit as drawn ([10·PIXELS]) and as the augmented run saw it at the last step.
        const pick = (x: Float32Array) => {
          const out = new Float32Array(CLASSES * PIXELS);
          for (let k = 0; k < CLASSES; k++) {
            const i = k * (train.n / CLASSES);
            out.set(x.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
          }
          return out;
        };
        const first = lastDraws[0];
        views.gallery = {
          size: Math.sqrt(PIXELS),
          count: CLASSES,
          original: pick(train.x),
          augmented: pick(lastBatch),
          ...(first ? { draw: { ...first } } : {}),
        };
      }
      if (wanted.includes('curves')) {
        const curve = (run: Run) => ({
          val: run.valCurve.toInterleaved([steps, run.valAcc]),
          valAcc: run.valAcc,
          trainAcc: run.trainAcc,
        });
        views.curves = { plain: curve(runs.plain), augmented: curve(runs.augmented), trainSize: train.n };
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if ((AUGMENTATIONS as readonly string[]).includes(name) && typeof value === 'boolean')
        options[name as Augmentation] = value;
      const lr = liveLearningRate(name, value);
      if (lr !== null) for (const run of [runs.plain, runs.augmented]) run.optimizer.lr = lr;
    },
    divergence: () => diverged,
  };
}

export const augmentExperiment: Experiment = {
  id: 'reg-augment',
  title: 'Data augmentation: a glyph classifier with and without',
  params: augmentParams,
  create: createAugment,
};
