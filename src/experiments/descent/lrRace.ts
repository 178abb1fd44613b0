import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { LrRaceViews, OptimumView } from './views';
import { isDiverging, startTrail, type RaceTrail, type RecorderState } from './recorder';
import { lineData, lineGradient, lineLoss, lineLossGrid, lineOptimum } from './regression';
import { START } from './batchModes';

/**
 * Gradient-descent step 2: four learning rates race from the same start on the same (w, b) loss surface.
 * A run whose loss explodes is frozen and marked diverged; the others carry on (the trainer as a whole reports
 * divergence only when all four have diverged).
 */
const RATE_DEFAULTS = [0.02, 0.3, 0.9, 1.1] as const;
const RATE_LABELS = ['Too small α₁', 'About right α₂', 'Too large α₃', 'Divergent α₄'] as const;

export const lrRaceParams: ParamTable = RATE_DEFAULTS.map((d, i) => ({
  name: `lr${i + 1}`,
  label: RATE_LABELS[i],
  type: 'number' as const,
  default: d,
  min: 0.001,
  max: 3,
  step: 0.001,
  scale: 'log' as const,
  live: true,
}));

interface RateRun extends RaceTrail {
  alpha: number;
  w: number;
  b: number;
  loss: number;
  /** Iteration at which the run diverged, or -1. */
  divergedAt: number;
}

/** Everything the race mutates: the four runs and the step count; the data and its optimum are fixed. */
interface LrRaceState {
  data: ReturnType<typeof lineData>;
  optimum: ReturnType<typeof lineOptimum>;
  initialLoss: number;
  steps: number;
  runs: RateRun[];
  /** The loss surface, computed on first request. */
  grid: ReturnType<typeof lineLossGrid> | null;
}

type RaceSnapshot = {
  steps: number;
  runs: (Omit<RateRun, 'path' | 'curve'> & Record<'path' | 'curve', RecorderState>)[];
};

function buildLrRaceState(params: ParamValues, seed: number): LrRaceState {
  const data = lineData(50, seed);
  const initialLoss = lineLoss(data, START.w, START.b);
  const runs: RateRun[] = RATE_DEFAULTS.map((_, i) => ({
    alpha: params[`lr${i + 1}`] as number,
    w: START.w,
    b: START.b,
    loss: initialLoss,
    divergedAt: -1,
    ...startTrail(START.w, START.b, initialLoss),
  }));
  return { data, optimum: lineOptimum(data), initialLoss, steps: 0, runs, grid: null };
}

const allDiverged = (state: LrRaceState) => state.runs.every((r) => r.divergedAt >= 0);

/** One full-batch step of one run; a step that would explode the loss freezes the run instead. */
function stepRun(state: LrRaceState, run: RateRun): void {
  if (run.divergedAt >= 0) return;
  const [gw, gb] = lineGradient(state.data, run.w, run.b);
  const nw = run.w - run.alpha * gw;
  const nb = run.b - run.alpha * gb;
  const loss = lineLoss(state.data, nw, nb);
  if (isDiverging(loss, state.initialLoss)) {
    run.divergedAt = state.steps;
    return;
  }
  run.w = nw;
  run.b = nb;
  run.loss = loss;
  run.path.push(nw, nb);
  run.curve.push(state.steps, loss);
}

function stepLrRace(state: LrRaceState, n: number): void {
  for (let k = 0; k < n && !allDiverged(state); k++) {
    state.steps++;
    for (const run of state.runs) stepRun(state, run);
  }
}

function lrRaceMetrics(state: LrRaceState): Metrics {
  const { runs, steps } = state;
  const m: Metrics = { step: steps, epoch: steps, loss: Math.min(...runs.map((r) => r.loss)) };
  runs.forEach((r, i) => (m[`loss${i + 1}`] = r.loss));
  return m;
}

/** The optimum and the stability limit the figure marks (2/λ_max: above it, full-batch descent diverges). */
function optimumView(state: LrRaceState): OptimumView {
  const { optimum, data } = state;
  return {
    lambdaMax: optimum.lambdaMax,
    lambdaMin: optimum.lambdaMin,
    maxStableRate: 2 / optimum.lambdaMax,
    lossStar: lineLoss(data, optimum.w, optimum.b),
    wStar: optimum.w,
    bStar: optimum.b,
  };
}

function lrRaceViews(state: LrRaceState, wanted: readonly string[]): Partial<LrRaceViews> {
  const views: Partial<LrRaceViews> = {};
  if (wanted.includes('grid')) {
    state.grid ??= lineLossGrid(state.data);
    views.grid = { ...state.grid, values: state.grid.values.slice() };
  }
  if (wanted.includes('runs')) {
    views.runs = state.runs.map((r) => ({
      alpha: r.alpha,
      loss: r.loss,
      w: r.w,
      b: r.b,
      divergedAt: r.divergedAt,
      path: r.path.toInterleaved([r.w, r.b]),
      curve: r.curve.toInterleaved(),
    }));
  }
  if (wanted.includes('state')) views.state = optimumView(state);
  return views;
}

function restoreLrRace(state: LrRaceState, snap: unknown): void {
  const s = snap as RaceSnapshot;
  state.steps = s.steps;
  state.runs.forEach((run, i) => {
    const { path, curve, ...plain } = s.runs[i];
    Object.assign(run, plain);
    run.path.restore(path);
    run.curve.restore(curve);
  });
}

export function createLrRace(params: ParamValues, seed: number): Trainer<LrRaceViews> {
  const state = buildLrRaceState(params, seed);
  return {
    step: (n) => stepLrRace(state, n),
    metrics: () => lrRaceMetrics(state),
    views: (wanted) => lrRaceViews(state, wanted),
    set(name: string, value: ParamValue) {
      const i = ['lr1', 'lr2', 'lr3', 'lr4'].indexOf(name);
      if (i >= 0 && typeof value === 'number') state.runs[i].alpha = value;
    },
    divergence() {
      return allDiverged(state)
        ? 'All four runs diverged: every learning rate is above 2/λ_max. Lower them and press Reset.'
        : null;
    },
    snapshot: () => ({
      steps: state.steps,
      runs: state.runs.map((r) => ({ ...r, path: r.path.snapshot(), curve: r.curve.snapshot() })),
    }),
    restore: (snap) => restoreLrRace(state, snap),
  };
}

export const lrRaceExperiment: Experiment<LrRaceViews> = {
  id: 'descent-lr',
  title: 'Four learning rates on one surface',
  params: lrRaceParams,
  create: createLrRace,
};
