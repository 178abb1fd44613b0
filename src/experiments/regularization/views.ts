/**
 * The views the regularisation chapter's experiments send, declared once: each trainer is a Trainer<…Views> of its
 * map below, and the chapter's figures import the types and the shape checks for `useView`'s `accept` (a frame of the
 * step before may carry a view of the same name and another shape: `fit` and `curves` are sent by several steps).
 * Type literals (not interfaces), so each is a ViewValue.
 */
import {
  isFloat32,
  isFloat64,
  isNumber,
  isNumberArray,
  isUint8,
  optional,
  shapeOf,
  type FieldCheck,
} from '../viewShape';
import { isBoundaryView, type BoundaryView } from '../classifierViews';

// ── Steps 1–3: the 1-D regression ────────────────────────────────────────────────────────────────────────────────

/** The data part of every fit view (shared.ts dataView): trainX, trainY [m]; valX, valY [60]; curveX, truthY [161]. */
export type FitDataView = {
  trainX: Float32Array;
  trainY: Float32Array;
  valX: Float32Array;
  valY: Float32Array;
  curveX: Float32Array;
  truthY: Float32Array;
};

const fitDataFields = {
  trainX: isFloat32,
  trainY: isFloat32,
  valX: isFloat32,
  valY: isFloat32,
  curveX: isFloat32,
  truthY: isFloat32,
} as const satisfies { readonly [K in keyof FitDataView]: FieldCheck };

/** The points pair up, and there is a curve to draw. */
const fitDataConsistent = (f: FitDataView) =>
  f.trainX.length === f.trainY.length &&
  f.valX.length === f.valY.length &&
  f.curveX.length > 0 &&
  f.truthY.length === f.curveX.length;

/** reg-poly (polynomial.ts). */
export type PolynomialViews = { fit: PolynomialFitView; sweep: DegreeSweepView };

/** The least-squares polynomial of the chosen degree, sampled at curveX, and its errors. */
export type PolynomialFitView = FitDataView & {
  fitY: Float32Array;
  degree: number;
  trainError: number;
  valError: number;
};

export const isPolynomialFitView = shapeOf<PolynomialFitView>(
  { ...fitDataFields, fitY: isFloat32, degree: isNumber, trainError: isNumber, valError: isNumber },
  fitDataConsistent,
);

/** The degrees revealed so far (1…k), their training and validation errors, and the best degree (0: none yet). */
export type DegreeSweepView = {
  degrees: Float64Array;
  train: Float64Array;
  val: Float64Array;
  bestDegree: number;
};

export const isDegreeSweepView = shapeOf<DegreeSweepView>(
  { degrees: isFloat64, train: isFloat64, val: isFloat64, bestDegree: isNumber },
  (s) => s.train.length === s.degrees.length && s.val.length === s.degrees.length,
);

/** reg-capacity (capacity.ts). */
export type CapacityViews = { fit: NetworkFitView; curves: CapacityCurvesView };

/** The network's h(x) at curveX. */
export type NetworkFitView = FitDataView & { fitY: Float32Array };

export const isNetworkFitView = shapeOf<NetworkFitView>(
  { ...fitDataFields, fitY: isFloat32 },
  fitDataConsistent,
);

/** Training and validation error, each interleaved [step, error, …]; the lowest validation error and its step. */
export type CapacityCurvesView = {
  train: Float32Array;
  val: Float32Array;
  bestStep: number;
  bestVal: number;
  parameters: number;
};

export const isCapacityCurvesView = shapeOf<CapacityCurvesView>({
  train: isFloat32,
  val: isFloat32,
  bestStep: isNumber,
  bestVal: isNumber,
  parameters: isNumber,
});

/** reg-penalty (penalty.ts). */
export type PenaltyViews = {
  fit: PenaltyFitView;
  weights: PenaltyWeightsView;
  classifier: PenaltyClassifierView;
  runs: PenaltyRunsView;
  paths: CoefficientPathsView;
};

export type PenaltyFitView = FitDataView & { fitL2: Float32Array; fitL1: Float32Array };

export const isPenaltyFitView = shapeOf<PenaltyFitView>(
  { ...fitDataFields, fitL2: isFloat32, fitL1: isFloat32 },
  fitDataConsistent,
);

/** θ₁…θ_d of each run (the unpenalised bias left out). */
export type PenaltyWeightsView = { l2: Float64Array; l1: Float64Array };

export const isPenaltyWeightsView = shapeOf<PenaltyWeightsView>({ l2: isFloat64, l1: isFloat64 });

/** A Grid2D of the L2 classifier's P(class 1) (values[j·nx + i], row 0 at the bottom) and its training points. */
export type PenaltyClassifierView = {
  grid: ProbabilityGridView;
  /** [n, 2] row-major. */
  x: Float32Array;
  /** [n] labels 0/1. */
  y: Float32Array;
};

/** The same P(class 1) grid the 2-D classifier sends as its `boundary`. */
export type ProbabilityGridView = BoundaryView;

export const isPenaltyClassifierView = shapeOf<PenaltyClassifierView>(
  { grid: isBoundaryView, x: isFloat32, y: isFloat32 },
  (c) => c.x.length === 2 * c.y.length,
);

/** One run at the current λ: penalised loss, errors, zero weights and its classifier's boundary length. */
export type PenaltyRunView = { loss: number; train: number; val: number; zeros: number; boundary: number };

const isPenaltyRunView = shapeOf<PenaltyRunView>({
  loss: isNumber,
  train: isNumber,
  val: isNumber,
  zeros: isNumber,
  boundary: isNumber,
});

export type PenaltyRunsView = { lambda: number; l2: PenaltyRunView; l1: PenaltyRunView };

export const isPenaltyRunsView = shapeOf<PenaltyRunsView>({
  lambda: isNumber,
  l2: isPenaltyRunView,
  l1: isPenaltyRunView,
});

/** The optimum's θ₁…θ_d for every λ of a log grid: l2, l1 [lambdas × degree], row per λ; zero counts per λ. */
export type CoefficientPathsView = {
  lambdas: Float64Array;
  l2: Float64Array;
  l1: Float64Array;
  zerosL1: Float64Array;
  zerosL2: Float64Array;
  degree: number;
};

export const isCoefficientPathsView = shapeOf<CoefficientPathsView>(
  {
    lambdas: isFloat64,
    l2: isFloat64,
    l1: isFloat64,
    zerosL1: isFloat64,
    zerosL2: isFloat64,
    degree: isNumber,
  },
  (p) => p.l2.length === p.lambdas.length * p.degree && p.l1.length === p.l2.length,
);

// ── Steps 4–7: networks side by side, and the search ─────────────────────────────────────────────────────────────

/** reg-dropout (dropout.ts). */
export type DropoutViews = {
  curves: DropoutCurvesView;
  masks: DropoutMasksView;
  scaling: DropoutScalingView;
};

/** One run's training and validation error, interleaved [step, error, …], and both now. */
export type DropoutRunCurves = { train: Float32Array; val: Float32Array; trainNow: number; valNow: number };

const isDropoutRunCurves = shapeOf<DropoutRunCurves>({
  train: isFloat32,
  val: isFloat32,
  trainNow: isNumber,
  valNow: isNumber,
});

export type DropoutCurvesView = { plain: DropoutRunCurves; dropout: DropoutRunCurves };

export const isDropoutCurvesView = shapeOf<DropoutCurvesView>({
  plain: isDropoutRunCurves,
  dropout: isDropoutRunCurves,
});

/** Which units of training sample 1 were kept (1) or dropped (0) at the last step, per hidden layer [width]. */
export type DropoutMasksView = { layer1: Uint8Array; layer2: Uint8Array; p: number; width: number };

export const isDropoutMasksView = shapeOf<DropoutMasksView>({
  layer1: isUint8,
  layer2: isUint8,
  p: isNumber,
  width: isNumber,
});

/** Mean activation of hidden layer 1 under random masks (training) and at inference, for one scaling rule. */
export type ScalingCheckView = { trainingMean: number; inferenceMean: number };

const isScalingCheckView = shapeOf<ScalingCheckView>({ trainingMean: isNumber, inferenceMean: isNumber });

export type DropoutScalingView = { p: number; classic: ScalingCheckView; inverted: ScalingCheckView };

export const isDropoutScalingView = shapeOf<DropoutScalingView>({
  p: isNumber,
  classic: isScalingCheckView,
  inverted: isScalingCheckView,
});

/** reg-augment (augment.ts). */
export type AugmentViews = { gallery: AugmentGalleryView; curves: AugmentCurvesView };

/** The transform last drawn for the augmented run's first sample (glyphs.ts draws it: its AugmentDraw). */
export type AugmentDrawView = {
  angle: number;
  dx: number;
  dy: number;
  zoom: number;
  /** Crop window: side in pixels and its centre's offset from the image centre. */
  cropSide: number;
  cropX: number;
  cropY: number;
  brightness: number;
  noise: number;
};

const isAugmentDrawView = shapeOf<AugmentDrawView>({
  angle: isNumber,
  dx: isNumber,
  dy: isNumber,
  zoom: isNumber,
  cropSide: isNumber,
  cropX: isNumber,
  cropY: isNumber,
  brightness: isNumber,
  noise: isNumber,
});

/** The first glyph of every digit as drawn and as the augmented run last saw it: [count · size²] each. */
export type AugmentGalleryView = {
  size: number;
  count: number;
  original: Float32Array;
  augmented: Float32Array;
  /** Absent before the first step. */
  draw?: AugmentDrawView;
};

export const isAugmentGalleryView = shapeOf<AugmentGalleryView>(
  {
    size: isNumber,
    count: isNumber,
    original: isFloat32,
    augmented: isFloat32,
    draw: optional(isAugmentDrawView),
  },
  (g) => g.original.length === g.count * g.size ** 2 && g.augmented.length === g.original.length,
);

/** One run's validation accuracy, interleaved [step, accuracy, …], and its accuracies now. */
export type AugmentRunCurve = { val: Float32Array; valAcc: number; trainAcc: number };

const isAugmentRunCurve = shapeOf<AugmentRunCurve>({ val: isFloat32, valAcc: isNumber, trainAcc: isNumber });

export type AugmentCurvesView = { plain: AugmentRunCurve; augmented: AugmentRunCurve; trainSize: number };

export const isAugmentCurvesView = shapeOf<AugmentCurvesView>({
  plain: isAugmentRunCurve,
  augmented: isAugmentRunCurve,
  trainSize: isNumber,
});

/** reg-batchnorm (batchnorm.ts). */
export type BatchnormViews = { curves: BatchnormCurvesView; layers: BatchnormLayersView };

/** Both runs' loss at the recorded steps x, and both now. */
export type BatchnormCurvesView = {
  x: Float64Array;
  plain: Float64Array;
  bn: Float64Array;
  lossPlain: number;
  lossBn: number;
};

export const isBatchnormCurvesView = shapeOf<BatchnormCurvesView>(
  { x: isFloat64, plain: isFloat64, bn: isFloat64, lossPlain: isNumber, lossBn: isNumber },
  (c) => c.plain.length === c.x.length && c.bn.length === c.x.length,
);

/**
 * Per hidden layer l = 1…depth: activation histograms [depth · bins] and spreads (std) [depth] of both runs, gradient
 * norms [depth + 1] (the output layer last), and the batch-norm run's mean γ and β [depth].
 */
export type BatchnormLayersView = {
  depth: number;
  bins: number;
  histPlain: Float32Array;
  histBn: Float32Array;
  spreadPlain: Float64Array;
  spreadBn: Float64Array;
  gradPlain: Float64Array;
  gradBn: Float64Array;
  gamma: Float64Array;
  beta: Float64Array;
};

export const isBatchnormLayersView = shapeOf<BatchnormLayersView>(
  {
    depth: isNumber,
    bins: isNumber,
    histPlain: isFloat32,
    histBn: isFloat32,
    spreadPlain: isFloat64,
    spreadBn: isFloat64,
    gradPlain: isFloat64,
    gradBn: isFloat64,
    gamma: isFloat64,
    beta: isFloat64,
  },
  (l) => l.histPlain.length === l.depth * l.bins && l.histBn.length === l.histPlain.length,
);

/** reg-search (search.ts). */
export type SearchViews = { search: SearchView };

/** One search's trials in order: α, λ, validation error (∞ when it blew up), and its best trial (−1: none yet). */
export type SearchRunView = { lr: Float64Array; lambda: Float64Array; val: Float64Array; best: number };

const isSearchRunView = shapeOf<SearchRunView>(
  { lr: isFloat64, lambda: isFloat64, val: isFloat64, best: isNumber },
  (s) => s.lambda.length === s.lr.length && s.val.length <= s.lr.length,
);

export type SearchView = {
  /** The budget asked for, and the trials per search it allows (a gridLrs × gridLambdas grid). */
  requested: number;
  trials: number;
  gridLrs: number;
  gridLambdas: number;
  done: number;
  grid: SearchRunView;
  random: SearchRunView;
  /** [lr lo, lr hi, λ lo, λ hi]. */
  space: number[];
  /** [seeds done, random wins, grid wins, ties, seeds planned]. */
  tally: number[];
  /** [grid, random] test errors once both searches are done, else empty. */
  tests: number[];
};

export const isSearchView = shapeOf<SearchView>(
  {
    requested: isNumber,
    trials: isNumber,
    gridLrs: isNumber,
    gridLambdas: isNumber,
    done: isNumber,
    grid: isSearchRunView,
    random: isSearchRunView,
    space: isNumberArray,
    tally: isNumberArray,
    tests: isNumberArray,
  },
  (s) => s.space.length === 4 && s.tally.length === 5 && (s.tests.length === 0 || s.tests.length === 2),
);
