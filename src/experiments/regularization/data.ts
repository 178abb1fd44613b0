/**
 * The chapter's one dataset: a few noisy samples of a smooth 1-D function for training, and a separate, larger
 * sample of the same function for validation. Steps 1–3 all use it, so "the same data" means the same points.
 */
import { function1D, type Dataset1D } from '../../core';

export interface RegressionData {
  train: Dataset1D;
  val: Dataset1D;
  /** The smooth function the samples come from (for drawing). */
  truth: (x: number) => number;
}

/** Validation samples: enough that the validation error is a steady estimate of the error on new data. */
export const VAL_POINTS = 60;

/** Sort a dataset by x so that curves through it draw left to right. */
function sortByX(d: Dataset1D): Dataset1D {
  const order = Array.from({ length: d.n }, (_, i) => i).sort((a, b) => d.x[a] - d.x[b]);
  return { n: d.n, x: Float32Array.from(order, (i) => d.x[i]), y: Float32Array.from(order, (i) => d.y[i]) };
}

/** `points` noisy training samples of sin(πx) on [−1, 1] (evenly spaced x), and VAL_POINTS validation samples at random x. */
export function regressionData(points: number, noise: number, seed: number): RegressionData {
  // Different seeds for the two sets, both derived from the run's seed, so neither overlaps the other.
  const train = function1D('sine', { n: points, noise, spacing: 'even' }, seed);
  const val = function1D('sine', { n: VAL_POINTS, noise, spacing: 'random' }, (seed ^ 0x9e3779b9) >>> 0);
  return { train: sortByX(train), val: sortByX(val), truth: (x) => Math.sin(Math.PI * x) };
}
