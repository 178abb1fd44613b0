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
import { isNumberPair, isPlainObject, optional, type PlainObject } from '../viewShape';

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

/** Every key holds a number (NaN and ±∞ included: a diverging run reports them, and figures print them as '–'). */
function hasNumbers(r: PlainObject, keys: readonly string[]): boolean {
  return keys.every((k) => typeof r[k] === 'number');
}

function hasFloats(r: PlainObject, keys: readonly string[]): boolean {
  return keys.every((k) => r[k] instanceof Float32Array);
}

export function isPoints(v: unknown): v is Points {
  return v instanceof Float32Array && v.length % 2 === 0;
}

export function isLossCurveView(v: unknown): v is LossCurveView {
  return (
    isPlainObject(v) &&
    hasFloats(v, ['theta', 'loss']) &&
    (v.theta as Float32Array).length === (v.loss as Float32Array).length
  );
}

const REGIMES: readonly Regime[] = ['slow', 'smooth', 'oscillating', 'diverging'];

export function isOneParamStateView(v: unknown): v is OneParamStateView {
  return (
    isPlainObject(v) &&
    hasNumbers(v, ['theta', 'loss', 'grad', 'alpha', 'next', 'nextLoss', 'curvature', 'thetaStar']) &&
    REGIMES.includes(v.regime as Regime)
  );
}

export function isTwoParamStateView(v: unknown): v is TwoParamStateView {
  return (
    isPlainObject(v) &&
    hasNumbers(v, ['w', 'b', 'loss', 'gw', 'gb', 'alpha', 'lossStar', 'lambdaMax', 'lambdaMin'])
  );
}

export function isSliceView(v: unknown): v is SliceView {
  return (
    isPlainObject(v) &&
    v.values instanceof Float32Array &&
    hasNumbers(v, [
      'nx',
      'ny',
      'x0',
      'x1',
      'y0',
      'y1',
      'explained',
      'step',
      'ms',
      'min',
      'max',
      'centerLoss',
    ]) &&
    (v.plane === 'pca' || v.plane === 'random')
  );
}

export function isOptimumView(v: unknown): v is OptimumView {
  return (
    isPlainObject(v) &&
    hasNumbers(v, ['lambdaMax', 'lambdaMin', 'maxStableRate', 'lossStar', 'wStar', 'bStar'])
  );
}

function isRateRunView(v: unknown): v is RateRunView {
  return (
    isPlainObject(v) &&
    hasNumbers(v, ['alpha', 'loss', 'w', 'b', 'divergedAt']) &&
    hasFloats(v, ['path', 'curve'])
  );
}

export function isRateRuns(v: unknown): v is RateRunView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRateRunView);
}

/** The modes every batch view holds (batchModes.ts's MODE_IDS; not imported, so figures do not load the trainer). */
const MODE_IDS: readonly ModeId[] = ['batch', 'mini', 'sgd'];

function isModeRunView(v: unknown): v is ModeRunView {
  return (
    isPlainObject(v) &&
    hasNumbers(v, ['batchSize', 'itersPerEpoch', 'iterations', 'epochs', 'loss', 'w', 'b'])
  );
}

export function isBatchRunsView(v: unknown): v is BatchRunsView {
  return (
    isPlainObject(v) &&
    typeof v.samples === 'number' &&
    typeof v.pace === 'string' &&
    MODE_IDS.every((id) => isModeRunView(v[id]))
  );
}

export function isModePaths(v: unknown): v is Record<ModeId, Points> {
  return isPlainObject(v) && MODE_IDS.every((id) => isPoints(v[id]));
}

export function isModeCurves(v: unknown): v is Record<ModeId, ModeCurvesView> {
  return (
    isPlainObject(v) &&
    MODE_IDS.every((id) => isPlainObject(v[id]) && hasFloats(v[id], ['byIteration', 'byEpoch']))
  );
}

/** Momentum's and Adam's per-coordinate memory: absent, or one number per coordinate (x, y). */
const isPair = optional(isNumberPair);

function isRuleRunView(v: unknown): v is RuleRunView {
  return (
    isPlainObject(v) &&
    typeof v.rule === 'string' &&
    hasNumbers(v, ['alpha', 'x', 'y', 'loss', 'divergedAt']) &&
    hasFloats(v, ['path', 'curve']) &&
    isPair(v.v) &&
    isPair(v.mHat) &&
    isPair(v.sHat)
  );
}

export function isRuleRuns(v: unknown): v is RuleRunView[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRuleRunView);
}

export function isSurfaceInfoView(v: unknown): v is SurfaceInfoView {
  return (
    isPlainObject(v) &&
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    typeof v.tex === 'string' &&
    hasNumbers(v, ['floor', 'beta', 'beta1', 'beta2'])
  );
}
