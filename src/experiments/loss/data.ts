/**
 * The chapter's small datasets and grid helpers. Three-class sets for softmax + cross-entropy (the core's 2-D sets
 * have two classes), seeded like every random thing.
 */
import { Rng } from '../../core/random';
import { gaussians } from '../../core/data/datasets2d';

export interface LabelledPoints {
  /** Points, row-major [n, 2]. */
  x: Float32Array;
  /** Class indices 0…k−1, [n]. */
  y: Float32Array;
  n: number;
}

/** The plane every figure of the chapter shows. */
export const PLANE: [number, number] = [-1.5, 1.5];
export const GRID_SIZE = 40;

/** Three Gaussian blobs (std 0.25) centred 0.75 from the origin, 120° apart; classes alternate. */
export function threeBlobs(n: number, seed: number): LabelledPoints {
  const rng = new Rng(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const angle = Math.PI / 2 + (2 * Math.PI * c) / 3;
    x[2 * i] = 0.75 * Math.cos(angle) + rng.normal(0, 0.25);
    x[2 * i + 1] = 0.75 * Math.sin(angle) + rng.normal(0, 0.25);
    y[i] = c;
  }
  return { x, y, n };
}

/** Three interleaved spiral arms (radius up to 1, jitter 0.04): not separable by straight lines. */
export function threeSpirals(n: number, seed: number): LabelledPoints {
  const rng = new Rng(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  const perArm = Math.max(1, Math.floor(n / 3));
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const r = 0.1 + (0.9 * Math.floor(i / 3)) / perArm;
    const t = 1.6 * r * Math.PI + (2 * Math.PI * c) / 3;
    x[2 * i] = r * Math.cos(t) + rng.normal(0, 0.04);
    x[2 * i + 1] = r * Math.sin(t) + rng.normal(0, 0.04);
    y[i] = c;
  }
  return { x, y, n };
}

/** Two blobs for the yes/no steps: the core's Gaussian blobs around (0.5, 0.5) (y = 1) and (−0.5, −0.5) (y = 0). */
export function twoBlobs(n: number, seed: number): LabelledPoints {
  return gaussians({ n }, seed);
}

/** The centres of a GRID_SIZE² grid over PLANE², row-major [GRID_SIZE², 2]; row j = 0 is the bottom (smallest y). */
export function planeGridPoints(): Float32Array {
  const n = GRID_SIZE;
  const [lo, hi] = PLANE;
  const xy = new Float32Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      xy[2 * k] = lo + ((hi - lo) * i) / (n - 1);
      xy[2 * k + 1] = lo + ((hi - lo) * j) / (n - 1);
    }
  }
  return xy;
}

export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
