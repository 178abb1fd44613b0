import type {
  Experiment,
  Metrics,
  ParamTable,
  ParamValue,
  ParamValues,
  Trainer,
  TrainerSnapshot,
} from '../types';
import { OPTIMIZER_KINDS } from '../paramSpecs';
import { isDiverging, startTrail, type RaceTrail, type RecorderState } from './recorder';
import { applyRule, newRuleState, type RuleId, type RuleSettings, type RuleState } from './rules';
import { SURFACES, makeValley, surfaceGrid, type Surface, type SurfaceId } from './surfaces';
import type { OptimizersViews, RuleRunView, SurfaceInfoView } from './views';

/**
 * Gradient-descent step 3: plain (full-batch) gradient descent, momentum and Adam race from the same start on an ill-conditioned valley or a
 * saddle. Learning rates and β, β₁, β₂ are live. A run that blows up is frozen and marked; the race goes on.
 */
export const optimizersParams: ParamTable = [
  {
    name: 'surface',
    label: 'Surface',
    type: 'enum',
    default: 'valley',
    options: [
      { value: 'valley', label: 'Ill-conditioned valley' },
      { value: 'saddle', label: 'Saddle' },
    ],
    live: false,
  },
  {
    name: 'angle',
    label: 'Valley angle (°)',
    type: 'number',
    default: 0,
    min: 0,
    max: 90,
    step: 1,
    live: false,
    help: 'Turns the valley away from the x and y axes (valley only).',
  },
  {
    name: 'condition',
    label: 'Condition number κ',
    type: 'number',
    default: 200,
    min: 1,
    max: 1000,
    step: 1,
    scale: 'log',
    live: false,
    help: 'Steep curvature ÷ shallow curvature (valley only): 1 is a round bowl.',
  },
  rate('lrsgd', 'Gradient descent α', 0.09),
  rate('lrmom', 'Momentum α', 0.03),
  rate('lradam', 'Adam α', 0.1),
  {
    name: 'beta',
    label: 'Momentum β',
    type: 'number',
    default: 0.9,
    min: 0,
    max: 0.999,
    step: 0.001,
    live: true,
  },
  {
    name: 'beta1',
    label: 'Adam β₁',
    type: 'number',
    default: 0.9,
    min: 0,
    max: 0.999,
    step: 0.001,
    live: true,
  },
  {
    name: 'beta2',
    label: 'Adam β₂',
    type: 'number',
    default: 0.999,
    min: 0.5,
    max: 0.9999,
    step: 0.0001,
    live: true,
  },
];

function rate(name: string, label: string, d: number): ParamTable[number] {
  return {
    name,
    label,
    type: 'number',
    default: d,
    min: 0.001,
    max: 1,
    step: 0.001,
    scale: 'log',
    live: true,
  };
}

/** The racers, one per optimiser, in the order the lesson introduces them. */
export const RULES: readonly RuleId[] = OPTIMIZER_KINDS;
const RATE_PARAM: Record<RuleId, string> = { sgd: 'lrsgd', momentum: 'lrmom', adam: 'lradam' };

interface RuleRun extends RaceTrail {
  rule: RuleId;
  theta: Float64Array;
  state: RuleState;
  loss: number;
  divergedAt: number;
}

export function createOptimizers(params: ParamValues, _seed: number): Trainer<OptimizersViews> {
  const surfaceId = params.surface as SurfaceId;
  const surface =
    surfaceId === 'valley'
      ? makeValley(params.angle as number, params.condition as number)
      : SURFACES[surfaceId];
  const rates: Record<RuleId, number> = {
    sgd: params.lrsgd as number,
    momentum: params.lrmom as number,
    adam: params.lradam as number,
  };
  const shared = {
    beta: params.beta as number,
    beta1: params.beta1 as number,
    beta2: params.beta2 as number,
    eps: 1e-8,
  };
  const initialLoss = lossOn(surface, surface.start.x, surface.start.y);
  let steps = 0;

  const runs: RuleRun[] = RULES.map((rule) => newRun(rule, surface.start, initialLoss));
  const allDiverged = () => runs.every((r) => r.divergedAt >= 0);
  let grid: ReturnType<typeof surfaceGrid> | null = null;

  return {
    step(n) {
      for (let k = 0; k < n && !allDiverged(); k++) {
        steps++;
        for (const run of runs) {
          if (run.divergedAt < 0)
            stepRun(run, steps, { ...shared, lr: rates[run.rule] }, surface, initialLoss);
        }
      }
    },
    metrics(): Metrics {
      const m: Metrics = { step: steps, epoch: steps, loss: Math.min(...runs.map((r) => r.loss)) };
      for (const r of runs) m[`loss_${r.rule}`] = r.loss;
      return m;
    },
    views(wanted) {
      const views: Partial<OptimizersViews> = {};
      if (wanted.includes('grid')) {
        grid ??= surfaceGrid(surface);
        views.grid = { ...grid, values: grid.values.slice() };
      }
      if (wanted.includes('runs')) {
        views.runs = runs.map((r) => runView(r, rates[r.rule], shared));
      }
      if (wanted.includes('surface')) views.surface = { ...surfaceInfo(surface), ...shared };
      return views;
    },
    set(name: string, value: ParamValue) {
      if (typeof value !== 'number') return;
      for (const rule of RULES) if (RATE_PARAM[rule] === name) rates[rule] = value;
      if (name === 'beta' || name === 'beta1' || name === 'beta2') shared[name] = value;
    },
    divergence() {
      return allDiverged()
        ? 'All three optimisers diverged: lower the learning rates and press Reset.'
        : null;
    },
    snapshot(): TrainerSnapshot {
      return {
        steps,
        rates: { ...rates },
        shared: { ...shared },
        runs: runs.map(snapshotRun),
      };
    },
    restore(snap) {
      const s = snap as unknown as OptimizersSnapshot;
      steps = s.steps;
      Object.assign(rates, s.rates);
      Object.assign(shared, s.shared);
      runs.forEach((run, i) => restoreRun(run, s.runs[i]));
    },
  };
}

interface RunSnapshot {
  theta: Float64Array;
  state: RuleState;
  loss: number;
  divergedAt: number;
  path: RecorderState;
  curve: RecorderState;
}

interface OptimizersSnapshot {
  steps: number;
  rates: Record<RuleId, number>;
  shared: { beta: number; beta1: number; beta2: number; eps: number };
  runs: RunSnapshot[];
}

/** Loss measured from the surface's floor, so every surface's minimum reads 0. */
function lossOn(surface: Surface, x: number, y: number): number {
  return surface.f(x, y) - surface.floor;
}

/** A racer at the surface's start, its path and loss curve holding that first point. */
function newRun(rule: RuleId, start: { x: number; y: number }, initialLoss: number): RuleRun {
  return {
    rule,
    theta: Float64Array.of(start.x, start.y),
    state: newRuleState(2),
    loss: initialLoss,
    divergedAt: -1,
    ...startTrail(start.x, start.y, initialLoss),
  };
}

/** One update of a racer still in the race; a blow-up freezes it at `step` (its last finite point is kept). */
function stepRun(run: RuleRun, step: number, settings: RuleSettings, surface: Surface, initialLoss: number) {
  const g = surface.grad(run.theta[0], run.theta[1]);
  applyRule(run.rule, run.theta, g, run.state, settings);
  const loss = lossOn(surface, run.theta[0], run.theta[1]);
  if (isDiverging(loss, initialLoss) || !Number.isFinite(run.theta[0]) || !Number.isFinite(run.theta[1])) {
    run.divergedAt = step;
    return;
  }
  run.loss = loss;
  run.path.push(run.theta[0], run.theta[1]);
  run.curve.push(step, loss);
}

/** The `surface` view's description of the surface (the race's shared β settings are added to it). */
function surfaceInfo(surface: Surface): Omit<SurfaceInfoView, 'beta' | 'beta1' | 'beta2'> {
  return {
    id: surface.id,
    title: surface.title,
    tex: surface.tex,
    minima: surface.minima.map((p) => [p[0], p[1]]),
    floor: surface.floor,
  };
}

/** One racer in the `runs` view. */
function runView(r: RuleRun, alpha: number, shared: { beta1: number; beta2: number }): RuleRunView {
  return {
    rule: r.rule,
    alpha,
    x: r.theta[0],
    y: r.theta[1],
    loss: r.loss,
    divergedAt: r.divergedAt,
    // The optimiser's memory, per coordinate (x, y): momentum's velocity v; Adam's bias-corrected m̂ and ŝ.
    ...ruleMemory(r, shared),
    path: r.path.toInterleaved([r.theta[0], r.theta[1]]),
    curve: r.curve.toInterleaved(),
  };
}

function snapshotRun(r: RuleRun): RunSnapshot {
  return {
    theta: r.theta.slice(),
    state: { first: r.state.first.slice(), second: r.state.second.slice(), t: r.state.t },
    loss: r.loss,
    divergedAt: r.divergedAt,
    path: r.path.snapshot(),
    curve: r.curve.snapshot(),
  };
}

function restoreRun(run: RuleRun, saved: RunSnapshot) {
  run.theta.set(saved.theta);
  run.state.first.set(saved.state.first);
  run.state.second.set(saved.state.second);
  run.state.t = saved.state.t;
  run.loss = saved.loss;
  run.divergedAt = saved.divergedAt;
  run.path.restore(saved.path);
  run.curve.restore(saved.curve);
}

/** What a rule remembers between steps, as the lesson names it (plain GD remembers nothing). */
function ruleMemory(
  run: RuleRun,
  s: { beta1: number; beta2: number },
): Pick<RuleRunView, 'v' | 'mHat' | 'sHat'> {
  const { first, second, t } = run.state;
  if (run.rule === 'momentum') return { v: [first[0], first[1]] };
  if (run.rule !== 'adam' || t === 0) return {};
  const c1 = 1 - s.beta1 ** t;
  const c2 = 1 - s.beta2 ** t;
  return { mHat: [first[0] / c1, first[1] / c1], sHat: [second[0] / c2, second[1] / c2] };
}

export const optimizersExperiment: Experiment<OptimizersViews> = {
  id: 'descent-optim',
  title: 'Gradient descent, momentum and Adam racing',
  params: optimizersParams,
  create: createOptimizers,
};
