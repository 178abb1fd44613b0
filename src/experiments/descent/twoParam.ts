import { liveLearningRate } from '../params';
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import { PointRecorder, isDiverging, type RecorderState } from './recorder';
import {
  SURFACE_WINDOW,
  lineData,
  lineGradient,
  lineLoss,
  lineLossGrid,
  lineOptimum,
  type RegressionData,
} from './regression';
import type { TwoParamStateView, TwoParamViews } from './views';
import { learningRateParam } from '../paramSpecs';

/**
 * Backprop step 2: two parameters. Fit h(x) = wx + b by full-batch gradient descent on
 * J(w, b) = 1/(2m) Σ (yⁱ − wxⁱ − b)². Views: the loss grid over (w, b), the path, the current gradient.
 */
export const twoParamParams: ParamTable = [
  learningRateParam({ default: 0.3, min: 0.001, max: 2, step: 0.001 }),
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

/** What a snapshot keeps besides the path: the rate, the position, the step count and the divergence message. */
interface TwoParamScalars {
  alpha: number;
  w: number;
  b: number;
  step: number;
  loss: number;
  diverged: string | null;
}

/** Everything a two-parameter run mutates, plus the fixed data, its optimum and the (lazy) loss surface. */
interface TwoParamState extends TwoParamScalars {
  data: RegressionData;
  optimum: ReturnType<typeof lineOptimum>;
  initialLoss: number;
  path: PointRecorder;
  grid: ReturnType<typeof lineLossGrid> | null;
}

function buildTwoParamState(params: ParamValues, seed: number): TwoParamState {
  const data = lineData(params.samples as number, seed);
  const w = params.w0 as number;
  const b = params.b0 as number;
  const initialLoss = lineLoss(data, w, b);
  const path = new PointRecorder(1024);
  path.push(w, b);
  return {
    alpha: params.lr as number,
    w,
    b,
    step: 0,
    loss: initialLoss,
    diverged: null,
    data,
    optimum: lineOptimum(data),
    initialLoss,
    path,
    grid: null,
  };
}

function stepTwoParam(state: TwoParamState, n: number): void {
  const { data, alpha } = state;
  for (let k = 0; k < n && state.diverged === null; k++) {
    const [gw, gb] = lineGradient(data, state.w, state.b);
    const nw = state.w - alpha * gw;
    const nb = state.b - alpha * gb;
    const nextLoss = lineLoss(data, nw, nb);
    if (isDiverging(nextLoss, state.initialLoss)) {
      state.diverged = `The loss is exploding: α = ${alpha} is above 2/λ_max = ${(2 / state.optimum.lambdaMax).toFixed(3)}. Lower α and press Reset.`;
      return;
    }
    state.w = nw;
    state.b = nb;
    state.loss = nextLoss;
    state.step++;
    state.path.push(nw, nb);
  }
}

/** Where (w, b) is, the gradient there, and the optimum with the curvatures that bound a stable α. */
function positionView(state: TwoParamState): TwoParamStateView {
  const { data, optimum, w, b } = state;
  const [gw, gb] = lineGradient(data, w, b);
  return {
    w,
    b,
    loss: state.loss,
    gw,
    gb,
    alpha: state.alpha,
    wStar: optimum.w,
    bStar: optimum.b,
    lossStar: lineLoss(data, optimum.w, optimum.b),
    lambdaMax: optimum.lambdaMax,
    lambdaMin: optimum.lambdaMin,
  };
}

function twoParamViews(state: TwoParamState, wanted: readonly string[]): Partial<TwoParamViews> {
  const { data } = state;
  const views: Partial<TwoParamViews> = {};
  if (wanted.includes('grid')) {
    state.grid ??= lineLossGrid(data);
    // A fresh copy each time: the worker transfers typed arrays, which detaches them.
    views.grid = { ...state.grid, values: state.grid.values.slice() };
  }
  if (wanted.includes('path')) views.path = state.path.toInterleaved([state.w, state.b]);
  if (wanted.includes('state')) views.state = positionView(state);
  if (wanted.includes('data')) views.data = { x: Float32Array.from(data.x), y: Float32Array.from(data.y) };
  return views;
}

export function createTwoParam(params: ParamValues, seed: number): Trainer<TwoParamViews> {
  const state = buildTwoParamState(params, seed);
  return {
    step: (n) => stepTwoParam(state, n),
    metrics: (): Metrics => {
      const { step, loss, w, b } = state;
      return { step, epoch: step, loss, w, b };
    },
    views: (wanted) => twoParamViews(state, wanted),
    set(name: string, value: ParamValue) {
      state.alpha = liveLearningRate(twoParamParams, name, value) ?? state.alpha;
    },
    divergence: () => state.diverged,
    snapshot: () => {
      const { alpha, w, b, step, loss, diverged } = state;
      return { alpha, w, b, step, loss, diverged, path: state.path.snapshot() };
    },
    restore(snap) {
      const { alpha, w, b, step, loss, diverged } = snap as unknown as TwoParamScalars;
      Object.assign(state, { alpha, w, b, step, loss, diverged });
      state.path.restore(snap.path as RecorderState);
    },
  };
}

export const twoParamExperiment: Experiment<TwoParamViews> = {
  id: 'descent-surface',
  title: 'Gradient descent on a two-parameter loss surface',
  params: twoParamParams,
  create: createTwoParam,
};
