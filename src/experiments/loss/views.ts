/**
 * The views the loss chapter's experiments send, declared once: the trainers build them (Trainer<…Views>), the
 * chapter's figures import the types and the shape checks for `useView`'s `accept` (a frame of the step before may
 * carry a view of the same name and another shape, e.g. `points`).
 * Type literals (not interfaces), so each is a ViewValue.
 */
import type { GridFields, GridView } from '../gridView';
import { CLASSES } from './softmaxClassifier';
import { isFloat32, isNumber, shapeOf } from '../viewShape';

/** Labelled training points: x [n, 2] row-major, y [n] labels (0/1, or 0…CLASSES−1 for softmax). */
export type PointsView = { x: Float32Array; y: Float32Array };

export const isPointsView = shapeOf<PointsView>(
  { x: isFloat32, y: isFloat32 },
  (p) => p.x.length === 2 * p.y.length,
);

/** loss-logistic (logistic.ts). */
export type LogisticViews = {
  /** The mean BCE over a grid of (θ₁, θ₂): values[j·nx + i]. */
  surface: GridView;
  /** θ after every recorded step, interleaved [θ₁, θ₂, …]. */
  path: Float32Array;
  state: LogisticStateView;
  points: PointsView;
};

/** θ, ∂L/∂θ and L now. */
export type LogisticStateView = { th1: number; th2: number; g1: number; g2: number; loss: number };

export const isLogisticStateView = shapeOf<LogisticStateView>({
  th1: isNumber,
  th2: isNumber,
  g1: isNumber,
  g2: isNumber,
  loss: isNumber,
});

/** loss-softmax (softmaxClassifier.ts). */
export type SoftmaxViews = {
  probs: ClassProbsGridView;
  points: PointsView;
  /** h(xᵢ) for the training points, [n, CLASSES] row-major. */
  pointProbs: Float32Array;
};

/** The CLASSES probabilities per cell of a grid over [x0, x1] × [y0, y1]: values [ny·nx, CLASSES], row 0 at the bottom. */
export type ClassProbsGridView = GridFields;

export const isClassProbsGridView = shapeOf<ClassProbsGridView>(
  { values: isFloat32, nx: isNumber, ny: isNumber, x0: isNumber, x1: isNumber, y0: isNumber, y1: isNumber },
  (g) => g.values.length === g.nx * g.ny * CLASSES,
);

/** loss-saturation (saturation.ts). */
export type SaturationViews = { history: SaturationHistoryView };

/** Per run (trained with MSE or BCE) its accuracy and mean (h − y)², each interleaved [step, value, …]. */
export type SaturationHistoryView = {
  accMse: Float32Array;
  accBce: Float32Array;
  sqMse: Float32Array;
  sqBce: Float32Array;
};

export const isSaturationHistoryView = shapeOf<SaturationHistoryView>({
  accMse: isFloat32,
  accBce: isFloat32,
  sqMse: isFloat32,
  sqBce: isFloat32,
});
