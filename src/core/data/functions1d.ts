/** 1-D regression targets for "fit a function" figures: y = f(x) on a range, optionally with Gaussian noise. */
import { toRng, type SeedOrRng } from '../random';

export type Function1DName = 'sine' | 'step' | 'abs';
export const FUNCTION_1D_NAMES: readonly Function1DName[] = ['sine', 'step', 'abs'];

export interface Dataset1D {
  /** Inputs [n] (sorted when evenly spaced). */
  x: Float32Array;
  /** Targets [n]. */
  y: Float32Array;
  n: number;
}

export const functions1D: Record<Function1DName, (x: number) => number> = {
  sine: (x) => Math.sin(Math.PI * x),
  step: (x) => (x > 0 ? 1 : 0),
  abs: (x) => Math.abs(x),
};

export interface Dataset1DOptions {
  n?: number; // default 100
  /** Input range (default [-1, 1]). */
  range?: readonly [number, number];
  noise?: number; // default 0
  /** Evenly spaced inputs (default) or uniform random ones. */
  spacing?: 'even' | 'random';
}

/** Sample a named function; unknown names fall back to 'sine'. */
export function function1D(name: string, options: Dataset1DOptions, seed: SeedOrRng): Dataset1D {
  const f = functions1D[name as Function1DName] ?? functions1D.sine;
  const rng = toRng(seed);
  const n = Number.isInteger(options.n) && options.n! > 0 ? options.n! : 100;
  const [lo, hi] = options.range ?? [-1, 1];
  const noise = Number.isFinite(options.noise) && options.noise! > 0 ? options.noise! : 0;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = options.spacing === 'random' ? rng.uniform(lo, hi) : n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
    y[i] = f(x[i]) + (noise > 0 ? rng.normal(0, noise) : 0);
  }
  return { x, y, n };
}
