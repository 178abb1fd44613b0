/**
 * Regularisation step 3: L2 and L1 penalties on the same degree-d polynomial, side by side at the same λ.
 *
 * Each run minimises its penalised loss 1/(2m)(Σ(h − y)² + λ·penalty) by cyclic coordinate descent: one training
 * step is one sweep that sets every θ_j in turn to the exact minimiser with the others held fixed (for L1 a soft
 * threshold, which is what makes coefficients exactly zero). Both start from θ = 0; the losses are convex, so the
 * runs end at the unique penalised optimum whatever the start, and follow it when λ moves.
 * The coefficient paths (the optimum for a grid of λ) are computed once, exactly.
 * Beside the fits, a 2-D classifier (penaltyClassifier.ts) trains with the same two penalties at the same λ, so the
 * figure can show its decision boundary getting smoother as λ grows.
 */
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { PenaltyViews } from './views';
import { regressionData, type RegressionData } from './data';
import {
  countZeros,
  designMatrix,
  fitLasso,
  fitRidge,
  halfMse,
  normalEquations,
  penalisedLoss,
  predict,
  coordinateSweep,
} from './polyfit';
import {
  CLASSIFIER_GRID,
  CLASSIFIER_PLANE,
  createPenaltyClassifier,
  type PenaltyClassifier,
} from './penaltyClassifier';
import { MAX_DEGREE, NOISE_PARAM, POINTS_PARAM, dataView, sampleCurve } from './shared';

export const LAMBDA_MIN = 1e-4;
export const LAMBDA_MAX = 100;

export const penaltyParams: ParamTable = [
  {
    name: 'lambda',
    label: 'Strength λ',
    type: 'number',
    default: 0.1,
    min: LAMBDA_MIN,
    max: LAMBDA_MAX,
    step: 0.0001,
    scale: 'log',
    live: true,
    help: 'How hard large coefficients are penalised; the bias θ₀ never is.',
  },
  {
    name: 'degree',
    label: 'Polynomial degree d',
    type: 'int',
    default: MAX_DEGREE,
    min: 2,
    max: MAX_DEGREE,
    live: false,
  },
  POINTS_PARAM,
  NOISE_PARAM,
];

/** λ values of the coefficient-path figure, log-spaced over the slider's range. */
export function pathLambdas(count = 25): Float64Array {
  const lo = Math.log10(LAMBDA_MIN);
  const hi = Math.log10(LAMBDA_MAX);
  return Float64Array.from({ length: count }, (_, i) => 10 ** (lo + ((hi - lo) * i) / (count - 1)));
}

/** Optimal θ₁…θ_d for every λ of the grid: l2 and l1 [count × d], row per λ, and the zero counts. */
export function coefficientPaths(xs: ArrayLike<number>, ys: ArrayLike<number>, degree: number) {
  const lambdas = pathLambdas();
  const l2 = new Float64Array(lambdas.length * degree);
  const l1 = new Float64Array(lambdas.length * degree);
  const zerosL1 = new Float64Array(lambdas.length);
  const zerosL2 = new Float64Array(lambdas.length);
  let warm: Float64Array | undefined;
  lambdas.forEach((lambda, i) => {
    const ridge = fitRidge(xs, ys, degree, lambda);
    warm = fitLasso(xs, ys, degree, lambda, 5000, warm);
    l2.set(ridge.subarray(1), i * degree);
    l1.set(warm.subarray(1), i * degree);
    zerosL1[i] = countZeros(warm);
    zerosL2[i] = countZeros(ridge);
  });
  return { lambdas, l2, l1, zerosL1, zerosL2, degree };
}

/** Everything one penalty experiment changes as it runs; the module functions below read and update it. */
interface PenaltyState {
  data: RegressionData;
  degree: number;
  /** ΦᵀΦ and Φᵀy of the training design matrix Φ: all a coordinate sweep needs. */
  gram: Float64Array;
  rhs: Float64Array;
  lambda: number;
  /** θ₀…θ_d of each run. */
  runs: { l2: Float64Array; l1: Float64Array };
  steps: number;
  /** Computed on the first request of the `paths` view (they do not depend on λ or the steps). */
  paths: ReturnType<typeof coefficientPaths> | null;
  classifier: PenaltyClassifier;
}

function buildPenaltyState(params: ParamValues, seed: number): PenaltyState {
  const data = regressionData(params.points as number, params.noise as number, seed);
  const degree = params.degree as number;
  const k = degree + 1;
  const { gram, rhs } = normalEquations(designMatrix(data.train.x, degree), data.train.y, k);
  return {
    data,
    degree,
    gram,
    rhs,
    lambda: params.lambda as number,
    runs: { l2: new Float64Array(k), l1: new Float64Array(k) },
    steps: 0,
    paths: null,
    classifier: createPenaltyClassifier(seed),
  };
}

function stepPenalty(s: PenaltyState, n: number): void {
  for (let i = 0; i < n; i++) {
    coordinateSweep(s.runs.l2, s.gram, s.rhs, s.lambda, 'l2');
    coordinateSweep(s.runs.l1, s.gram, s.rhs, s.lambda, 'l1');
    s.classifier.step(s.lambda);
    s.steps++;
  }
}

/** One run's penalised loss, errors, zero coefficients and the size of its classifier's boundary. */
function runSummary(s: PenaltyState, kind: 'l1' | 'l2') {
  const { x, y } = s.data.train;
  return {
    loss: penalisedLoss(s.runs[kind], x, y, s.lambda, kind),
    train: halfMse(s.runs[kind], x, y),
    val: halfMse(s.runs[kind], s.data.val.x, s.data.val.y),
    zeros: countZeros(s.runs[kind]),
    boundary: s.classifier.boundary(kind).length,
  };
}

function penaltyMetrics(s: PenaltyState): Metrics {
  const l2 = runSummary(s, 'l2');
  const l1 = runSummary(s, 'l1');
  // The read-out bar reports the L2 run; the figure's table lists both.
  return {
    step: s.steps,
    epoch: 0, // coordinate-descent sweeps, not passes of a gradient method: no epoch read-out
    loss: l2.loss,
    valLoss: l2.val,
    lossL1: l1.loss,
    zerosL1: l1.zeros,
    zerosL2: l2.zeros,
  };
}

/**
 * The L2 classifier's P(class 1) on a CLASSIFIER_GRID² grid over CLASSIFIER_PLANE² (a Grid2D: values[j·n + i], row
 * 0 at the bottom) and the training points: x [n, 2] row-major, y [n] labels 0/1.
 */
function classifierView(classifier: PenaltyClassifier) {
  return {
    grid: {
      values: classifier.boundary('l2').values,
      nx: CLASSIFIER_GRID,
      ny: CLASSIFIER_GRID,
      xDomain: CLASSIFIER_PLANE,
      yDomain: CLASSIFIER_PLANE,
    },
    x: classifier.data.x.slice(),
    y: classifier.data.y.slice(),
  };
}

/** The coefficient paths (computed once), copied: a view must share no array with the experiment. */
function pathsView(s: PenaltyState) {
  s.paths ??= coefficientPaths(s.data.train.x, s.data.train.y, s.degree);
  const paths = s.paths;
  return { ...paths, lambdas: paths.lambdas.slice(), l2: paths.l2.slice(), l1: paths.l1.slice() };
}

function penaltyViews(s: PenaltyState, wanted: readonly string[]): Partial<PenaltyViews> {
  const views: Partial<PenaltyViews> = {};
  const { runs } = s;
  if (wanted.includes('fit')) {
    views.fit = {
      ...dataView(s.data),
      fitL2: sampleCurve((t) => predict(runs.l2, t)),
      fitL1: sampleCurve((t) => predict(runs.l1, t)),
    };
  }
  // θ₁…θ_d of each run (the bias is not a penalised weight, so it is left out of the histogram).
  if (wanted.includes('weights')) views.weights = { l2: runs.l2.slice(1), l1: runs.l1.slice(1) };
  if (wanted.includes('classifier')) views.classifier = classifierView(s.classifier);
  if (wanted.includes('runs'))
    views.runs = { lambda: s.lambda, l2: runSummary(s, 'l2'), l1: runSummary(s, 'l1') };
  if (wanted.includes('paths')) views.paths = pathsView(s);
  return views;
}

export function createPenalty(params: ParamValues, seed: number): Trainer<PenaltyViews> {
  const s = buildPenaltyState(params, seed);
  return {
    step: (n) => stepPenalty(s, n),
    metrics: () => penaltyMetrics(s),
    views: (wanted) => penaltyViews(s, wanted),
    set(name: string, value: ParamValue) {
      if (name === 'lambda' && typeof value === 'number') s.lambda = value;
    },
    divergence: () => null,
  };
}

export const penaltyExperiment: Experiment<PenaltyViews> = {
  id: 'reg-penalty',
  title: 'L2 and L1 penalties on a polynomial fit',
  params: penaltyParams,
  create: createPenalty,
};
