/**
 * Two-class 2-D datasets in the spirit of TensorFlow Playground, scaled to about [-1, 1]². Labels are 0/1 (use a
 * sigmoid output with binary cross-entropy). `noise` is the standard deviation of Gaussian jitter in the same units.
 */
import { toRng, type Rng, type SeedOrRng } from '../random';

export interface Dataset2D {
  /** Points, row-major [n, 2]. */
  x: Float32Array;
  /** Labels 0/1, [n]. */
  y: Float32Array;
  n: number;
}

export type Dataset2DName = 'circle' | 'xor' | 'gaussians' | 'spiral';
export const DATASET_2D_NAMES: readonly Dataset2DName[] = ['circle', 'xor', 'gaussians', 'spiral'];

export interface Dataset2DOptions {
  n?: number; // default 200
  noise?: number; // default 0
}

function make(
  n: number,
  fill: (i: number, rng: Rng) => [number, number, number],
  seed: SeedOrRng,
): Dataset2D {
  const rng = toRng(seed);
  const count = Number.isInteger(n) && n > 0 ? n : 200;
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const [a, b, label] = fill(i, rng);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = label;
  }
  return { x, y, n: count };
}

const noiseOf = (o: Dataset2DOptions): number => (Number.isFinite(o.noise) && o.noise! > 0 ? o.noise! : 0);

/** Label 1 inside radius 0.5, label 0 on a ring 0.7…1.0. */
export function circle(options: Dataset2DOptions, seed: SeedOrRng): Dataset2D {
  const noise = noiseOf(options);
  return make(
    options.n ?? 200,
    (i, rng) => {
      const inside = i % 2 === 0;
      const r = inside ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1.0);
      const angle = rng.uniform(0, 2 * Math.PI);
      return [
        r * Math.sin(angle) + rng.normal(0, noise),
        r * Math.cos(angle) + rng.normal(0, noise),
        inside ? 1 : 0,
      ];
    },
    seed,
  );
}

/** Quadrants: label 1 where x·y > 0. Points keep a small margin from the axes before noise. */
export function xor(options: Dataset2DOptions, seed: SeedOrRng): Dataset2D {
  const noise = noiseOf(options);
  const pad = 0.05;
  return make(
    options.n ?? 200,
    (_i, rng) => {
      let a = rng.uniform(-1, 1);
      let b = rng.uniform(-1, 1);
      a += a > 0 ? pad : -pad;
      b += b > 0 ? pad : -pad;
      const label = a * b > 0 ? 1 : 0;
      return [a + rng.normal(0, noise), b + rng.normal(0, noise), label];
    },
    seed,
  );
}

/** Two Gaussian blobs centred at (0.5, 0.5) (label 1) and (−0.5, −0.5) (label 0), std 0.2. */
export function gaussians(options: Dataset2DOptions, seed: SeedOrRng): Dataset2D {
  const std = 0.2 + noiseOf(options);
  return make(
    options.n ?? 200,
    (i, rng) => {
      const pos = i % 2 === 0;
      const c = pos ? 0.5 : -0.5;
      return [rng.normal(c, std), rng.normal(c, std), pos ? 1 : 0];
    },
    seed,
  );
}

/** Two interleaved spiral arms (label 1 and 0), radius up to 1. */
export function spiral(options: Dataset2DOptions, seed: SeedOrRng): Dataset2D {
  const noise = noiseOf(options);
  const n = options.n ?? 200;
  const half = Math.max(1, Math.floor(n / 2));
  return make(
    n,
    (i, rng) => {
      const arm = i % 2;
      const k = Math.floor(i / 2);
      const r = k / half;
      const t = 1.75 * r * 2 * Math.PI + arm * Math.PI;
      return [
        r * Math.sin(t) + rng.normal(0, noise),
        r * Math.cos(t) + rng.normal(0, noise),
        arm === 0 ? 1 : 0,
      ];
    },
    seed,
  );
}

/** A dataset by name; unknown names fall back to 'circle'. */
export function dataset2D(name: string, options: Dataset2DOptions, seed: SeedOrRng): Dataset2D {
  switch (name) {
    case 'xor':
      return xor(options, seed);
    case 'gaussians':
      return gaussians(options, seed);
    case 'spiral':
      return spiral(options, seed);
    default:
      return circle(options, seed);
  }
}

/** Shuffle (seeded) and split off a test fraction (clamped to [0, 0.9]). */
export function trainTestSplit(
  data: Dataset2D,
  testFraction: number,
  seed: SeedOrRng,
): { train: Dataset2D; test: Dataset2D } {
  const frac = Number.isFinite(testFraction) ? Math.max(0, Math.min(0.9, testFraction)) : 0.2;
  const order = toRng(seed).permutation(data.n);
  const nTest = Math.round(data.n * frac);
  const pick = (idx: Int32Array): Dataset2D => {
    const x = new Float32Array(idx.length * 2);
    const y = new Float32Array(idx.length);
    idx.forEach((s, i) => {
      x[2 * i] = data.x[2 * s];
      x[2 * i + 1] = data.x[2 * s + 1];
      y[i] = data.y[s];
    });
    return { x, y, n: idx.length };
  };
  return { test: pick(order.subarray(0, nTest)), train: pick(order.subarray(nTest)) };
}
