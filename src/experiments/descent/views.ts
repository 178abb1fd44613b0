/**
 * The views the descent experiments send (the backprop and gradient-descent chapters draw them), declared once: the
 * trainers build them, figures import the types and the shape checks. Several experiments share view names
 * ('grid', 'state', 'runs', 'path'), so each check tells its own shape from the others' (a frame of the step before
 * may still carry one). Type literals, not interfaces, so each is a ViewValue.
 */
import type { GridFields, GridView } from '../gridView';
import type { ModeId } from './batchModes';
import type { Regime } from './oneParam';
import type { RuleId } from './rules';
import type { SurfaceId } from './surfaces';
import {
  isFloat32,
  isNumber,
  isNumberPair,
  isString,
  optional,
  shapeOf,
  type FieldCheck,
} from '../viewShape';

export { isGridView, type GridView } from '../gridView';
export type { ModeId, Regime };

/** Interleaved points [x0, y0, x1, y1, …]: a path in the plane or a loss curve (step, loss). */
export type Points = Float32Array;

/** The data points of a one-input regression. */
export type SamplesView = { x: Float32Array; y: Float32Array };

// ── descent-theta (backprop step 1) ──────────────────────────────────────────────────────────────────────────────

export type OneParamViews = {
  curve: LossCurveView;
  state: OneParamStateView;
  /** Visited (θ, L) pairs. */
  path: Points;
  data: SamplesView;
};

/** L(θ) sampled evenly across the plotted window. */
export type LossCurveView = { theta: Float32Array; loss: Float32Array };

/** Where θ is, the slope there, where the next step lands and how the learning rate behaves. */
export type OneParamStateView = {
  theta: number;
  loss: number;
  grad: number;
  alpha: number;
  next: number;
  nextLoss: number;
  curvature: number;
  thetaStar: number;
  regime: Regime;
};

// ── descent-surface (backprop step 2) ────────────────────────────────────────────────────────────────────────────

export type TwoParamViews = {
  grid: GridView;
  /** Visited (w, b) pairs. */
  path: Points;
  state: TwoParamStateView;
  data: SamplesView;
};

/** Where (w, b) is, the gradient there, and the optimum with the curvatures that bound a stable α. */
export type TwoParamStateView = {
  w: number;
  b: number;
  loss: number;
  gw: number;
  gb: number;
  alpha: number;
  wStar: number;
  bStar: number;
  lossStar: number;
  lambdaMax: number;
  lambdaMin: number;
};

// ── descent-landscape (backprop step 5) ──────────────────────────────────────────────────────────────────────────

export type LandscapeViews = {
  slice: SliceView;
  /** The training path projected onto the slice's plane. */
  path: Points;
};

/** A grid view (isGridView accepts it) plus how and when the slice was taken. */
export type SliceView = GridFields & {
  plane: 'pca' | 'random';
  /** Share of the path's movement the PCA plane captures; −1 on random directions. */
  explained: number;
  step: number;
  ms: number;
  min: number;
  max: number;
  centerLoss: number;
};

// ── descent-lr (gradient-descent step 2) ─────────────────────────────────────────────────────────────────────────

export type LrRaceViews = {
  grid: GridView;
  runs: RateRunView[];
  state: OptimumView;
};

/** One learning rate's run; `divergedAt` is −1 while it is healthy. */
export type RateRunView = {
  alpha: number;
  loss: number;
  w: number;
  b: number;
  divergedAt: number;
  path: Points;
  /** (step, loss) pairs. */
  curve: Points;
};

/** The optimum and the stability limit 2/λ_max. */
export type OptimumView = {
  lambdaMax: number;
  lambdaMin: number;
  maxStableRate: number;
  lossStar: number;
  wStar: number;
  bStar: number;
};

// ── descent-batch (gradient-descent step 1) ──────────────────────────────────────────────────────────────────────

export type BatchModesViews = {
  runs: BatchRunsView;
  paths: Record<ModeId, Points>;
  curves: Record<ModeId, ModeCurvesView>;
  grid: GridView;
};

/** Each mode's read-outs, the dataset size and the pace setting. */
export type BatchRunsView = Record<ModeId, ModeRunView> & { samples: number; pace: string };

export type ModeRunView = {
  batchSize: number;
  itersPerEpoch: number;
  iterations: number;
  epochs: number;
  loss: number;
  w: number;
  b: number;
};

/** (iteration, loss) and (epoch, loss) pairs. */
export type ModeCurvesView = { byIteration: Points; byEpoch: Points };

// ── descent-optim (gradient-descent step 3) ──────────────────────────────────────────────────────────────────────

export type OptimizersViews = {
  grid: GridView;
  runs: RuleRunView[];
  surface: SurfaceInfoView;
};

/**
 * One optimiser's run and its memory per coordinate (x, y): momentum's velocity `v`; Adam's bias-corrected `mHat`
 * and `sHat` (after its first step); plain gradient descent remembers nothing.
 */
export type RuleRunView = {
  rule: RuleId;
  alpha: number;
  x: number;
  y: number;
  loss: number;
  divergedAt: number;
  v?: readonly number[];
  mHat?: readonly number[];
  sHat?: readonly number[];
  path: Points;
  curve: Points;
};

/** The surface raced on, with the race's shared β settings. */
export type SurfaceInfoView = {
  id: SurfaceId;
  title: string;
  tex: string;
  minima: number[][];
  floor: number;
  beta: number;
  beta1: number;
  beta2: number;
};

// ── shape checks ─────────────────────────────────────────────────────────────────────────────────────────────────
// A number field may hold NaN or ±∞ (a diverging run reports them, and figures print them as '–').

export function isPoints(v: unknown): v is Points {
  return v instanceof Float32Array && v.length % 2 === 0;
}

export const isLossCurveView = shapeOf<LossCurveView>(
  { theta: isFloat32, loss: isFloat32 },
  (c) => c.theta.length === c.loss.length,
);

const REGIMES: readonly Regime[] = ['slow', 'smooth', 'oscillating', 'diverging'];

export const isOneParamStateView = shapeOf<OneParamStateView>({
  theta: isNumber,
  loss: isNumber,
  grad: isNumber,
  alpha: isNumber,
  next: isNumber,
  nextLoss: isNumber,
  curvature: isNumber,
  thetaStar: isNumber,
  regime: (v) => REGIMES.includes(v as Regime),
});

/** wStar and bStar are not checked: the figure does not read them. */
const isTwoParamState = shapeOf<Omit<TwoParamStateView, 'wStar' | 'bStar'>>({
  w: isNumber,
  b: isNumber,
  loss: isNumber,
  gw: isNumber,
  gb: isNumber,
  alpha: isNumber,
  lossStar: isNumber,
  lambdaMax: isNumber,
  lambdaMin: isNumber,
});

export function isTwoParamStateView(v: unknown): v is TwoParamStateView {
  return isTwoParamState(v);
}

export const isSliceView = shapeOf<SliceView>({
  values: isFloat32,
  nx: isNumber,
  ny: isNumber,
  x0: isNumber,
  x1: isNumber,
  y0: isNumber,
  y1: isNumber,
  plane: (v) => v === 'pca' || v === 'random',
  explained: isNumber,
  step: isNumber,
  ms: isNumber,
  min: isNumber,
  max: isNumber,
  centerLoss: isNumber,
});

export const isOptimumView = shapeOf<OptimumView>({
  lambdaMax: isNumber,
  lambdaMin: isNumber,
  maxStableRate: isNumber,
  lossStar: isNumber,
  wStar: isNumber,
  bStar: isNumber,
});

const isRateRunView = shapeOf<RateRunView>({
  alpha: isNumber,
  loss: isNumber,
  w: isNumber,
  b: isNumber,
  divergedAt: isNumber,
  path: isFloat32,
  curve: isFloat32,
});

export function isRateRuns(v: unknown): v is RateRunView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRateRunView);
}

/**
 * One check per mode of every batch view (batchModes.ts's MODE_IDS; not imported, so figures do not load the
 * trainer): shapeOf's field list makes the compiler ask for each ModeId.
 */
const forEveryMode = (check: FieldCheck): Record<ModeId, FieldCheck> => ({
  batch: check,
  mini: check,
  sgd: check,
});

const isModeRunView = shapeOf<ModeRunView>({
  batchSize: isNumber,
  itersPerEpoch: isNumber,
  iterations: isNumber,
  epochs: isNumber,
  loss: isNumber,
  w: isNumber,
  b: isNumber,
});

export const isBatchRunsView = shapeOf<BatchRunsView>({
  ...forEveryMode(isModeRunView),
  samples: isNumber,
  pace: isString,
});

export const isModePaths = shapeOf<Record<ModeId, Points>>(forEveryMode(isPoints));

const isModeCurvesView = shapeOf<ModeCurvesView>({ byIteration: isFloat32, byEpoch: isFloat32 });

export const isModeCurves = shapeOf<Record<ModeId, ModeCurvesView>>(forEveryMode(isModeCurvesView));

/** Momentum's and Adam's per-coordinate memory: absent, or one number per coordinate (x, y). */
const isPair = optional(isNumberPair);

const isRuleRunView = shapeOf<RuleRunView>({
  rule: isString,
  alpha: isNumber,
  x: isNumber,
  y: isNumber,
  loss: isNumber,
  divergedAt: isNumber,
  v: isPair,
  mHat: isPair,
  sHat: isPair,
  path: isFloat32,
  curve: isFloat32,
});

export function isRuleRuns(v: unknown): v is RuleRunView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRuleRunView);
}

/** minima is not checked: the figure does not read it. */
const isSurfaceInfo = shapeOf<Omit<SurfaceInfoView, 'minima'>>({
  id: isString,
  title: isString,
  tex: isString,
  floor: isNumber,
  beta: isNumber,
  beta1: isNumber,
  beta2: isNumber,
});

export function isSurfaceInfoView(v: unknown): v is SurfaceInfoView {
  return isSurfaceInfo(v);
}
