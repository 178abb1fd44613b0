import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer, Views } from '../types';
import { PointRecorder, isDiverging, type RecorderState } from './recorder';
import { SURFACE_WINDOW, lineData, lineGradient, lineLoss, lineLossGrid, lineOptimum } from './regression';

/**
 * Backprop step 2: two parameters. Fit h(x) = wx + b by full-batch gradient descent on
 * J(w, b) = 1/(2m) Σ (yⁱ − wxⁱ − b)². Views: the loss grid over (w, b), the path, the current gradient.
 */
export const twoParamParams: ParamTable = [
  {
    name: 'lr',
    role: 'learningRate',
    label: 'Learning rate α',
    type: 'number',
    default: 0.3,
    min: 0.001,
    max: 2,
    step: 0.001,
    scale: 'log',
    live: true,
  },
  {
    name: 'w0',
    label: 'Start w₀',
    type: 'number',
    default: -2,
    min: SURFACE_WINDOW.w0,
    max: SURFACE_WINDOW.w1,
    step: 0.1,
    live: false,
    help: 'Click the contour map to choose the start.',
  },
  {
    name: 'b0',
    label: 'Start b₀',
    type: 'number',
    default: 2.5,
    min: SURFACE_WINDOW.b0,
    max: SURFACE_WINDOW.b1,
    step: 0.1,
    live: false,
  },
  { name: 'samples', label: 'Samples m', type: 'int', default: 50, min: 2, max: 500, live: false },
];

export function createTwoParam(params: ParamValues, seed: number): Trainer {
  let alpha = Number(params.lr);
  const data = lineData(Number(params.samples), seed);
  const optimum = lineOptimum(data);
  let w = Number(params.w0);
  let b = Number(params.b0);
  let step = 0;
  const initialLoss = lineLoss(data, w, b);
  let loss = initialLoss;
  let diverged: string | null = null;
  const path = new PointRecorder(1024);
  path.push(w, b);
  let grid: ReturnType<typeof lineLossGrid> | null = null;

  return {
    step(n) {
      for (let k = 0; k < n && diverged === null; k++) {
        const [gw, gb] = lineGradient(data, w, b);
        const nw = w - alpha * gw;
        const nb = b - alpha * gb;
        const nextLoss = lineLoss(data, nw, nb);
        if (isDiverging(nextLoss, initialLoss)) {
          diverged = `The loss is exploding: α = ${alpha} is above 2/λ_max = ${(2 / optimum.lambdaMax).toFixed(3)}. Lower α and press Reset.`;
          return;
        }
        w = nw;
        b = nb;
        loss = nextLoss;
        step++;
        path.push(w, b);
      }
    },
    metrics(): Metrics {
      return { step, epoch: step, loss, w, b };
    },
    views(wanted): Views {
      const views: Views = {};
      if (wanted.includes('grid')) {
        grid ??= lineLossGrid(data);
        // A fresh copy each time: the worker transfers typed arrays, which detaches them.
        views.grid = { ...grid, values: grid.values.slice() };
      }
      if (wanted.includes('path')) views.path = path.toInterleaved([w, b]);
      if (wanted.includes('state')) {
        const [gw, gb] = lineGradient(data, w, b);
        views.state = {
          w,
          b,
          loss,
          gw,
          gb,
          alpha,
          wStar: optimum.w,
          bStar: optimum.b,
          lossStar: lineLoss(data, optimum.w, optimum.b),
          lambdaMax: optimum.lambdaMax,
          lambdaMin: optimum.lambdaMin,
        };
      }
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
    snapshot: () => ({ alpha, w, b, step, loss, diverged, path: path.snapshot() }),
    restore(snap) {
      const s = snap as {
        alpha: number;
        w: number;
        b: number;
        step: number;
        loss: number;
        diverged: string | null;
      };
      ({ alpha, w, b, step, loss, diverged } = s);
      path.restore(snap.path as RecorderState);
    },
  };
}

export const twoParamExperiment: Experiment = {
  id: 'descent-surface',
  title: 'Gradient descent on a two-parameter loss surface',
  params: twoParamParams,
  create: createTwoParam,
};
