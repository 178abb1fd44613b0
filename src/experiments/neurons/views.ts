/**
 * The views neurons-fit (fit.ts) sends, declared once: the trainer is a Trainer<FitViews>, the chapter's figures
 * import the types and the shape checks for `useView`'s `accept`. The chapter's other trained steps run classifier2d
 * (its views in ../classifierViews.ts, none of the same name); other chapters send `fit` and `curves` of other shapes
 * (activations-maxout, the regularisation steps), so a check accepts only the fields its type declares.
 * Type literals (not interfaces), so each is a ViewValue.
 */
import { exactShapeOf, isFloat32, isFloat64, isNumber } from '../viewShape';

export type FitViews = { fit: FitCurveView; curves: FitLossCurveView };

/** The trained network's prediction y at the plotted points x of [0, 1], its largest error and its width. */
export type FitCurveView = { x: Float32Array; y: Float64Array; maxError: number; units: number };

/** Training loss at the recorded steps `x`. */
export type FitLossCurveView = { x: Float64Array; loss: Float64Array };

export const isFitCurveView = exactShapeOf<FitCurveView>(
  { x: isFloat32, y: isFloat64, maxError: isNumber, units: isNumber },
  (f) => f.x.length === f.y.length,
);

export const isFitLossCurveView = exactShapeOf<FitLossCurveView>(
  { x: isFloat64, loss: isFloat64 },
  (c) => c.x.length === c.loss.length,
);
