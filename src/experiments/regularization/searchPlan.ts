/**
 * The search scheduler of step 7: which hyperparameter settings a grid search and a random search try with the same
 * budget of trials. Pure functions, no training — unit-tested on their own.
 *
 * Both axes are searched on a log scale (a learning rate of 0.001 is as far from 0.01 as 0.01 is from 0.1).
 */
import { Rng } from '../../core';

/** One hyperparameter axis, searched log-uniformly between lo and hi (both > 0). */
export interface LogAxis {
  lo: number;
  hi: number;
}

/** The two hyperparameters searched: the learning rate (matters) and the L2 strength λ (barely matters here). */
export interface SearchSpace {
  lr: LogAxis;
  lambda: LogAxis;
}

/** One setting to try. */
export interface SearchPoint {
  lr: number;
  lambda: number;
}

/** Grid shape for a budget: `lrs` learning rates × `lambdas` strengths, as square as the budget allows. */
export interface GridShape {
  lrs: number;
  lambdas: number;
  /** lrs × lambdas: the trials either search gets (a grid cannot use a remainder). */
  trials: number;
}

/**
 * The largest grid that fits `budget` trials: ⌊√budget⌋ λ values × ⌊budget / ⌊√budget⌋⌋ learning rates (9 → 3 × 3,
 * 16 → 4 × 4, 12 → 4 × 3, 10 → 3 × 3 with one trial unused). Both searches get the same number of trials.
 */
export function gridShape(budget: number): GridShape {
  const n = Math.max(1, Math.floor(budget));
  const lambdas = Math.max(1, Math.floor(Math.sqrt(n)));
  const lrs = Math.floor(n / lambdas);
  return { lrs, lambdas, trials: lrs * lambdas };
}

/** `count` values evenly spaced in log scale from lo to hi, both ends included (one value: the geometric middle). */
export function logSpaced(axis: LogAxis, count: number): number[] {
  const a = Math.log(axis.lo);
  const b = Math.log(axis.hi);
  if (count <= 1) return [Math.exp((a + b) / 2)];
  return Array.from({ length: count }, (_, i) => Math.exp(a + ((b - a) * i) / (count - 1)));
}

/**
 * Grid search: every combination of the grid's learning rates and strengths, in reading order (λ outer, lr inner),
 * so the first trials already span the whole learning-rate axis.
 */
export function gridPoints(space: SearchSpace, budget: number): SearchPoint[] {
  const shape = gridShape(budget);
  const lrs = logSpaced(space.lr, shape.lrs);
  const lambdas = logSpaced(space.lambda, shape.lambdas);
  return lambdas.flatMap((lambda) => lrs.map((lr) => ({ lr, lambda })));
}

/** A value drawn log-uniformly from the axis. */
function logUniform(axis: LogAxis, rng: Rng): number {
  return Math.exp(rng.uniform(Math.log(axis.lo), Math.log(axis.hi)));
}

/** Random search: as many points as the grid has, each axis drawn log-uniformly and independently from `seed`. */
export function randomPoints(space: SearchSpace, budget: number, seed: number): SearchPoint[] {
  const rng = new Rng(seed);
  return Array.from({ length: gridShape(budget).trials }, () => {
    const lr = logUniform(space.lr, rng);
    return { lr, lambda: logUniform(space.lambda, rng) };
  });
}

/** Number of distinct learning rates among the points (a grid tries few, a random search as many as it has trials). */
export function distinctLearningRates(points: readonly SearchPoint[]): number {
  return new Set(points.map((p) => p.lr)).size;
}
