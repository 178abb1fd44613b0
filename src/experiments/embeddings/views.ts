/**
 * The views the embeddings chapter's experiments send, declared once: embeddings-glove (trainer.ts) is a
 * Trainer<GloveViews> and embeddings-classifier (classifierTrainer.ts) a Trainer<HeadlineClassifierViews>; the
 * chapter's figures import the types and the shape checks for `useView`'s `accept` (a frame of another experiment
 * may still be the newest when a step changes). Type literals (not interfaces), so each is a ViewValue.
 */
import { exactShapeOf, isFloat32, isFloat64, isNumber, isString } from '../viewShape';
import { HEADLINE_CLASSES } from './headlines';

const C = HEADLINE_CLASSES.length;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isInt32 = (v: unknown): v is Int32Array => v instanceof Int32Array;

// ── embeddings-glove (trainer.ts) ────────────────────────────────────────────────────────────────────────────────

export type GloveViews = {
  vectors: WordVectorsView;
  projection: ProjectionView;
  cooc: CoocView;
  accuracyHistory: AccuracyHistoryView;
};

/** w + w̃ for every vocabulary word: data [words.length, dim] row-major. */
export type WordVectorsView = { dim: number; data: Float32Array; words: readonly string[] };

/** 2-D PCA coordinates [x0, y0, x1, y1, …] of the shown words and each word's topic group. */
export type ProjectionView = { coords: Float32Array; words: string[]; groups: Int32Array };

/** An n × n matrix of co-occurrence counts over `words`, row-major. */
export type CoocView = { n: number; values: Float32Array; words: string[] };

/** Analogy accuracy y at the evaluated steps x. */
export type AccuracyHistoryView = { x: Float64Array; y: Float64Array };

export const isWordVectorsView = exactShapeOf<WordVectorsView>(
  { dim: isNumber, data: isFloat32, words: isStrings },
  (v) => v.data.length === v.words.length * v.dim,
);

export const isProjectionView = exactShapeOf<ProjectionView>(
  { coords: isFloat32, words: isStrings, groups: isInt32 },
  (p) => p.coords.length === 2 * p.words.length && p.groups.length === p.words.length,
);

export const isCoocView = exactShapeOf<CoocView>(
  { n: isNumber, values: isFloat32, words: isStrings },
  (c) => c.values.length === c.n * c.n && c.words.length === c.n,
);

export const isAccuracyHistoryView = exactShapeOf<AccuracyHistoryView>(
  { x: isFloat64, y: isFloat64 },
  (h) => h.x.length === h.y.length,
);

// ── embeddings-classifier (classifierTrainer.ts) ─────────────────────────────────────────────────────────────────

export type HeadlineClassifierViews = { confusion: ConfusionView; models: BagModelsView };

/** Each model's confusion counts on the held-out headlines, [C true, C predicted] row-major. */
export type ConfusionView = { classes: string[]; frozen: Int32Array; scratch: Int32Array };

/** A bag-of-vectors classifier (bagClassifier.ts BagModel): vectors [words.length, dim], weight [C, dim], bias [C]. */
export type BagModelView = {
  words: string[];
  dim: number;
  vectors: Float32Array;
  weight: Float32Array;
  bias: Float32Array;
};

export type BagModelsView = { frozen: BagModelView; scratch: BagModelView };

const isConfusionCounts = (v: unknown): v is Int32Array => isInt32(v) && v.length === C * C;

export const isConfusionView = exactShapeOf<ConfusionView>({
  classes: isStrings,
  frozen: isConfusionCounts,
  scratch: isConfusionCounts,
});

const isBagModelView = exactShapeOf<BagModelView>(
  { words: isStrings, dim: isNumber, vectors: isFloat32, weight: isFloat32, bias: isFloat32 },
  (m) => m.vectors.length === m.words.length * m.dim && m.weight.length === C * m.dim && m.bias.length === C,
);

export const isBagModelsView = exactShapeOf<BagModelsView>({
  frozen: isBagModelView,
  scratch: isBagModelView,
});
