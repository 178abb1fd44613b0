import { liveLearningRate } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import { PointRecorder, isDiverging, type RecorderState } from './recorder';
import { slopeData, slopeGradient, slopeLoss, type RegressionData } from './regression';
import type { LossCurveView, OneParamStateView, OneParamViews } from './views';
import { learningRateParam } from '../paramSpecs';

/**
 * Backprop step 1: one parameter. h(x) = θx, J(θ) = 1/(2m) Σ (yⁱ − θxⁱ)², θ_b = θ_a − α ∂J/∂θ.
 * The data is scaled so that ∂²J/∂θ² = 1: α < 1 creeps, α = 1 lands in one step, 1 < α < 2 oscillates, α ≥ 2
 * diverges (reported through `divergence()`, which the runtime shows calmly as status "diverged").
 */
export const oneParamParams: ParamTable = [
  learningRateParam({
    default: 0.3,
    min: 0.001,
    max: 3,
    step: 0.001,
    help: 'Step size. The curvature here is 1, so α = 1 jumps to the minimum and α > 2 diverges.',
  }),
  {
    name: 'theta0',
    label: 'Start θ₀',
    type: 'number',
    default: -1.5,
    min: -3,
    max: 7,
    step: 0.1,
    live: false,
    help: 'Where gradient descent starts.',
  },
  { name: 'samples', label: 'Samples m', type: 'int', default: 20, min: 2, max: 200, live: false },
];

export type Regime = 'slow' | 'smooth' | 'oscillating' | 'diverging';

/** How gradient descent behaves on a quadratic with curvature c for step size α (error factor 1 − αc per step). */
export function regimeOf(alpha: number, curvature: number): Regime {
  const r = alpha * curvature;
  const tol = 1e-9; // the curvature is 1 only up to rounding: α = 1 must read as "lands in one step"
  if (r >= 2 - tol) return 'diverging';
  if (r > 1 + tol) return 'oscillating';
  if (r < 0.3) return 'slow';
  return 'smooth';
}

const CURVE_POINTS = 201;

/** Everything a one-parameter run mutates (θ, its loss, the path) plus the fixed data and its curvature. */
interface OneParamState {
  alpha: number;
  theta0: number;
  data: RegressionData;
  /** ∂²J/∂θ² = mean xⁱ² (constant: J is quadratic in θ). */
  curvature: number;
  thetaStar: number;
  theta: number;
  step: number;
  initialLoss: number;
  loss: number;
  diverged: string | null;
  path: PointRecorder;
  /** The θ range the loss curve is drawn over. */
  window: { lo: number; hi: number };
}

function buildOneParamState(params: ParamValues, seed: number): OneParamState {
  const theta0 = params.theta0 as number;
  const data = slopeData(params.samples as number, seed);
  const m = data.x.length;
  let curvature = 0;
  for (let i = 0; i < m; i++) curvature += (data.x[i] * data.x[i]) / m;
  // The best θ (closed form) centres the plotted window.
  let sxy = 0;
  for (let i = 0; i < m; i++) sxy += (data.x[i] * data.y[i]) / m;
  const thetaStar = sxy / curvature;
  const initialLoss = slopeLoss(data, theta0);
  const path = new PointRecorder(512);
  path.push(theta0, initialLoss);
  return {
    alpha: params.lr as number,
    theta0,
    data,
    curvature,
    thetaStar,
    theta: theta0,
    step: 0,
    initialLoss,
    loss: initialLoss,
    diverged: null,
    path,
    window: { lo: Math.min(thetaStar - 5, theta0 - 1), hi: Math.max(thetaStar + 5, theta0 + 1) },
  };
}

function stepOneParam(state: OneParamState, n: number): void {
  const { data, alpha } = state;
  for (let k = 0; k < n && state.diverged === null; k++) {
    const g = slopeGradient(data, state.theta);
    const next = state.theta - alpha * g;
    const nextLoss = slopeLoss(data, next);
    if (isDiverging(nextLoss, state.initialLoss) || !Number.isFinite(next)) {
      state.diverged = `Each step overshoots further than the last: α·∂²L/∂θ² = ${(alpha * state.curvature).toFixed(2)} ≥ 2. Lower α and press Reset.`;
      return;
    }
    state.theta = next;
    state.loss = nextLoss;
    state.step++;
    state.path.push(state.theta, state.loss);
  }
}

/** J(θ) sampled at CURVE_POINTS evenly spaced θ across the window. */
function lossCurve(state: OneParamState): LossCurveView {
  const { lo, hi } = state.window;
  const thetas = new Float32Array(CURVE_POINTS);
  const values = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) {
    thetas[i] = lo + ((hi - lo) * i) / (CURVE_POINTS - 1);
    values[i] = slopeLoss(state.data, thetas[i]);
  }
  return { theta: thetas, loss: values };
}

/** Where θ is, the gradient there, and where the next step would land. */
function stepState(state: OneParamState): OneParamStateView {
  const { data, theta, alpha, curvature } = state;
  const g = slopeGradient(data, theta);
  return {
    theta,
    loss: state.loss,
    grad: g,
    alpha,
    next: theta - alpha * g,
    nextLoss: slopeLoss(data, theta - alpha * g),
    curvature,
    thetaStar: state.thetaStar,
    regime: regimeOf(alpha, curvature),
  };
}

function oneParamViews(state: OneParamState, wanted: readonly string[]): Partial<OneParamViews> {
  const { data } = state;
  const views: Partial<OneParamViews> = {};
  if (wanted.includes('curve')) views.curve = lossCurve(state);
  if (wanted.includes('state')) views.state = stepState(state);
  if (wanted.includes('path')) views.path = state.path.toInterleaved([state.theta, state.loss]);
  if (wanted.includes('data')) views.data = { x: Float32Array.from(data.x), y: Float32Array.from(data.y) };
  return views;
}

export function createOneParam(params: ParamValues, seed: number): Trainer<OneParamViews> {
  const state = buildOneParamState(params, seed);
  return {
    step: (n) => stepOneParam(state, n),
    metrics: (): Metrics => {
      const { step, loss, theta } = state;
      return { step, epoch: step, loss, theta, grad: slopeGradient(state.data, theta) };
    },
    views: (wanted) => oneParamViews(state, wanted),
    set(name: string, value: ParamValue) {
      state.alpha = liveLearningRate(oneParamParams, name, value) ?? state.alpha;
    },
    divergence: () => state.diverged,
    snapshot: () => {
      const { alpha, theta, step, loss, diverged } = state;
      return { alpha, theta, step, loss, diverged, path: state.path.snapshot() };
    },
    restore(snap) {
      const s = snap as { alpha: number; theta: number; step: number; loss: number; diverged: string | null };
      ({
        alpha: state.alpha,
        theta: state.theta,
        step: state.step,
        loss: state.loss,
        diverged: state.diverged,
      } = s);
      state.path.restore(snap.path as RecorderState);
    },
  };
}

export const oneParamExperiment: Experiment<OneParamViews> = {
  id: 'descent-theta',
  title: 'Gradient descent on one parameter',
  params: oneParamParams,
  create: createOneParam,
};
