import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { PointRecorder, isDiverging, type RecorderState } from './recorder';
import { slopeData, slopeGradient, slopeLoss } from './regression';

/**
 * Backprop step 1: one parameter. h(x) = θx, J(θ) = 1/(2m) Σ (yⁱ − θxⁱ)², θ_b = θ_a − α ∂J/∂θ.
 * The data is scaled so that ∂²J/∂θ² = 1: α < 1 creeps, α = 1 lands in one step, 1 < α < 2 oscillates, α ≥ 2
 * diverges (reported through `divergence()`, which the runtime shows calmly as status "diverged").
 */
export const oneParamParams: ParamTable = [
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.3,
    min: 0.001,
    max: 3,
    step: 0.001,
    scale: 'log',
    live: true,
    help: 'Step size. The curvature here is 1, so α = 1 jumps to the minimum and α > 2 diverges.',
  },
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

export function createOneParam(params: ParamValues, seed: number): Trainer {
  let alpha = Number(params.lr);
  const theta0 = Number(params.theta0);
  const data = slopeData(Number(params.samples), seed);
  const m = data.x.length;
  let curvature = 0;
  for (let i = 0; i < m; i++) curvature += (data.x[i] * data.x[i]) / m;
  // The best θ (closed form) centres the plotted window.
  let sxy = 0;
  for (let i = 0; i < m; i++) sxy += (data.x[i] * data.y[i]) / m;
  const thetaStar = sxy / curvature;

  let theta = theta0;
  let step = 0;
  const initialLoss = slopeLoss(data, theta0);
  let loss = initialLoss;
  let diverged: string | null = null;
  const path = new PointRecorder(512);
  path.push(theta, loss);

  const window = { lo: Math.min(thetaStar - 5, theta0 - 1), hi: Math.max(thetaStar + 5, theta0 + 1) };

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        const g = slopeGradient(data, theta);
        const next = theta - alpha * g;
        const nextLoss = slopeLoss(data, next);
        if (isDiverging(nextLoss, initialLoss) || !Number.isFinite(next)) {
          diverged = `Each step overshoots further than the last: α·∂²L/∂θ² = ${(alpha * curvature).toFixed(2)} ≥ 2. Lower α and press Reset.`;
          return;
        }
        theta = next;
        loss = nextLoss;
        step++;
        path.push(theta, loss);
      }
    },
    metrics(): Metrics {
      return { step, epoch: step, loss, theta, grad: slopeGradient(data, theta) };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('curve')) {
        const thetas = new Float32Array(CURVE_POINTS);
        const values = new Float32Array(CURVE_POINTS);
        for (let i = 0; i < CURVE_POINTS; i++) {
          thetas[i] = window.lo + ((window.hi - window.lo) * i) / (CURVE_POINTS - 1);
          values[i] = slopeLoss(data, thetas[i]);
        }
        views.curve = { theta: thetas, loss: values };
      }
      if (wanted.includes('state')) {
        const g = slopeGradient(data, theta);
        views.state = {
          theta,
          loss,
          grad: g,
          alpha,
          next: theta - alpha * g,
          nextLoss: slopeLoss(data, theta - alpha * g),
          curvature,
          thetaStar,
          regime: regimeOf(alpha, curvature),
        };
      }
      if (wanted.includes('path')) views.path = path.toInterleaved([theta, loss]);
      if (wanted.includes('data'))
        views.data = { x: Float32Array.from(data.x), y: Float32Array.from(data.y) };
      return views;
    },
    set(name: string, value: ParamValue) {
      if (name === 'lr' && typeof value === 'number') alpha = value;
    },
    divergence() {
      return diverged;
    },
    snapshot: () => ({ alpha, theta, step, loss, diverged, path: path.snapshot() }),
    restore(snap) {
      const s = snap as { alpha: number; theta: number; step: number; loss: number; diverged: string | null };
      ({ alpha, theta, step, loss, diverged } = s);
      path.restore(snap.path as RecorderState);
    },
  };
}

export const oneParamExperiment: Experiment = {
  id: 'descent-theta',
  title: 'Gradient descent on one parameter',
  params: oneParamParams,
  create: createOneParam,
};
