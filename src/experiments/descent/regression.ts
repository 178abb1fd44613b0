import { Rng } from '../../core/random';
import { sampleGrid, type GridView } from '../gridView';

/**
 * 1D regression data and the squared-error loss of the lesson, J = 1/(2m) Σ (yⁱ − hⁱ)², for the two models the
 * chapters use: h(x) = θx (one parameter) and h(x) = wx + b (two parameters). Plain float64 loops: the figures need
 * exact, cheap losses and gradients, and the formulas here are the ones the lesson prints.
 */
export interface RegressionData {
  x: Float64Array;
  y: Float64Array;
}

/** The line the two-parameter data scatter around (the minimum of J sits near it). */
export const TRUE_W = 1.5;
export const TRUE_B = -0.5;

/**
 * m points x ~ U(0, 2), y = 1.5 x − 0.5 + N(0, noise²). x is not centred on purpose: w and b are then correlated
 * and the bowl is a tilted, elongated valley (condition number ≈ 14), so zig-zags are visible.
 */
export function lineData(m: number, seed: number, noise = 0.3): RegressionData {
  const rng = new Rng(seed);
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = rng.uniform(0, 2);
    y[i] = TRUE_W * x[i] + TRUE_B + rng.normal(0, noise);
  }
  return { x, y };
}

/**
 * m points for h(x) = θx, rescaled so that (1/m) Σ xⁱ² = 1 exactly: then ∂²J/∂θ² = 1 and the learning-rate regimes
 * sit at round numbers (α = 1 lands in one step, α = 2 is the edge of divergence).
 */
export function slopeData(m: number, seed: number, slope = 2, noise = 0.4): RegressionData {
  const rng = new Rng(seed);
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = rng.uniform(-2, 2);
  let sq = 0;
  for (let i = 0; i < m; i++) sq += x[i] * x[i];
  const scale = sq > 0 ? 1 / Math.sqrt(sq / m) : 1;
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] *= scale;
    y[i] = slope * x[i] + rng.normal(0, noise);
  }
  return { x, y };
}

/** J(w, b) over the samples idx (all samples when idx is omitted). */
export function lineLoss(d: RegressionData, w: number, b: number, idx?: ArrayLike<number>): number {
  const n = idx ? idx.length : d.x.length;
  if (n === 0) return 0;
  let s = 0;
  for (let k = 0; k < n; k++) {
    const i = idx ? idx[k] : k;
    const r = d.y[i] - (w * d.x[i] + b);
    s += r * r;
  }
  return s / (2 * n);
}

/** (∂J/∂w, ∂J/∂b) = −1/n Σ (yⁱ − w xⁱ − b)(xⁱ, 1) over the samples idx (all when omitted). */
export function lineGradient(
  d: RegressionData,
  w: number,
  b: number,
  idx?: ArrayLike<number>,
  from = 0,
  to?: number,
): [number, number] {
  const end = to ?? (idx ? idx.length : d.x.length);
  const n = end - from;
  if (n <= 0) return [0, 0];
  let gw = 0;
  let gb = 0;
  for (let k = from; k < end; k++) {
    const i = idx ? idx[k] : k;
    const r = d.y[i] - (w * d.x[i] + b);
    gw -= r * d.x[i];
    gb -= r;
  }
  return [gw / n, gb / n];
}

/** Least-squares optimum and the eigenvalues of the Hessian [[E x², E x], [E x, 1]] (λ_max decides divergence). */
export function lineOptimum(d: RegressionData): {
  w: number;
  b: number;
  lambdaMax: number;
  lambdaMin: number;
} {
  const m = d.x.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sx += d.x[i];
    sy += d.y[i];
    sxx += d.x[i] * d.x[i];
    sxy += d.x[i] * d.y[i];
  }
  const ex = sx / m;
  const exx = sxx / m;
  const varX = exx - ex * ex;
  const w = varX > 0 ? (sxy / m - ex * (sy / m)) / varX : 0;
  const b = sy / m - w * ex;
  const tr = exx + 1;
  const det = exx - ex * ex;
  const disc = Math.sqrt(Math.max(0, tr * tr - 4 * det));
  return { w, b, lambdaMax: (tr + disc) / 2, lambdaMin: (tr - disc) / 2 };
}

/** The (w, b) window every two-parameter figure shows: the optimum ± 4 in both directions. */
export const SURFACE_WINDOW = { w0: TRUE_W - 4, w1: TRUE_W + 4, b0: TRUE_B - 4, b1: TRUE_B + 4 } as const;

/** J over the standard window, as a grid (x = w, y = b). */
export function lineLossGrid(d: RegressionData, n = 61): GridView {
  const { w0, w1, b0, b1 } = SURFACE_WINDOW;
  return sampleGrid((w, b) => lineLoss(d, w, b), n, n, w0, w1, b0, b1);
}

/** J(θ) = 1/(2m) Σ (yⁱ − θ xⁱ)² and its derivative. */
export function slopeLoss(d: RegressionData, theta: number): number {
  return lineLoss(d, theta, 0);
}

export function slopeGradient(d: RegressionData, theta: number): number {
  return lineGradient(d, theta, 0)[0];
}
