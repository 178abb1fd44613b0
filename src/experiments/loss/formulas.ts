/**
 * The loss-functions chapter's formulas as plain float64 functions, exactly as the lesson prints them. The figures
 * that need no training (sliders, painted pixels, dragged points) compute with these on the main thread; the
 * trained steps use the core's fused losses (src/core/losses.ts), and the unit tests check both agree.
 *
 * Notation: prediction h (or ŷ), target y, logit z with h = σ(z), loss L.
 */
import { sigmoid } from '../../core/scalar';

/** The core's scalar sigmoid, re-exported so the figures take every formula from one place. */
export { sigmoid };

/** Probabilities that go into a log are kept strictly inside (0, 1): log(0) is −∞, never a number on the page. */
export const PROB_EPS = 1e-6;

export function clampProb(p: number): number {
  if (!Number.isFinite(p)) return 0.5;
  return Math.min(1 - PROB_EPS, Math.max(PROB_EPS, p));
}

/** Mean of the squared differences, 1/N Σ (yᵢ − hᵢ)². */
export function meanSquaredError(h: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(h.length, y.length);
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (y[i] - h[i]) ** 2;
  return s / n;
}

/** Mean of the absolute differences, 1/N Σ |yᵢ − hᵢ|. */
export function meanAbsoluteError(h: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(h.length, y.length);
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(y[i] - h[i]);
  return s / n;
}

/** Cross-entropy of one example with a one-hot target: −Σⱼ yⱼ log hⱼ = −log h_true (h clamped into (0, 1)). */
export function crossEntropyOfProbs(h: ArrayLike<number>, trueClass: number): number {
  return -Math.log(clampProb(h[trueClass]));
}

/** Binary cross-entropy of one example: −y log h − (1 − y) log(1 − h), with h clamped into (0, 1). */
export function binaryCrossEntropyOfProb(h: number, y: number): number {
  const p = clampProb(h);
  return -y * Math.log(p) - (1 - y) * Math.log(1 - p);
}

/** BCE straight from the logit z (h = σ(z)), stable for any z: max(z, 0) − zy + log(1 + e^{−|z|}). */
export function binaryCrossEntropyOfLogit(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Squared error of a sigmoid output against y, as a function of the logit: (σ(z) − y)². */
export function squaredErrorOfLogit(z: number, y: number): number {
  return (sigmoid(z) - y) ** 2;
}

/** ∂/∂z (σ(z) − y)² = 2(σ(z) − y)·σ(z)(1 − σ(z)): the σ′ factor vanishes when the output saturates. */
export function squaredErrorLogitGradient(z: number, y: number): number {
  const h = sigmoid(z);
  return 2 * (h - y) * h * (1 - h);
}

/** ∂BCE/∂z = σ(z) − y: the σ′ of the sigmoid cancels against the log, so a confident mistake gets a full push. */
export function binaryCrossEntropyLogitGradient(z: number, y: number): number {
  return sigmoid(z) - y;
}

export interface Line {
  /** h(x) = w·x + b */
  w: number;
  b: number;
}

/** The line that minimises the mean squared error (ordinary least squares, closed form). */
export function leastSquaresLine(x: ArrayLike<number>, y: ArrayLike<number>): Line {
  const n = Math.min(x.length, y.length);
  if (n === 0) return { w: 0, b: 0 };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const w = sxx > 1e-12 ? sxy / sxx : 0;
  return { w, b: my - w * mx };
}

/**
 * The line that minimises the mean absolute error. Some best L1 line always passes through two of the data points,
 * so for the handful of points in the figure trying every pair is exact (n ≤ 20 → at most 190 candidates).
 */
export function leastAbsoluteLine(x: ArrayLike<number>, y: ArrayLike<number>): Line {
  const n = Math.min(x.length, y.length, 20);
  let best: Line = leastSquaresLine(x, y);
  let bestErr = Infinity;
  const err = (l: Line) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(y[i] - (l.w * x[i] + l.b));
    return s;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(x[j] - x[i]) < 1e-9) continue;
      const w = (y[j] - y[i]) / (x[j] - x[i]);
      const line = { w, b: y[i] - w * x[i] };
      const e = err(line);
      if (e < bestErr - 1e-12) {
        bestErr = e;
        best = line;
      }
    }
  }
  return best;
}
