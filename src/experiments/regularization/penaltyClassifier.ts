/**
 * Regularisation step 3, second half: the same L2 / L1 penalty and the same λ on a 2-D classifier, so the boundary
 * can be seen getting smoother as λ grows.
 *
 * Model: logistic regression on every product of Legendre polynomials φ_a(u)·φ_b(v) with a + b ≤ DEGREE, where
 * (u, v) is the point scaled from the plane [−1.5, 1.5]² to [−1, 1]² (45 features at degree 8, φ_0·φ_0 = 1 the
 * unpenalised bias). That is plenty of capacity to wrap the boundary around single noisy points.
 *
 * Loss, m training points, p = σ(θᵀφ(x)):  J(θ) = 1/m Σᵢ CE(pᵢ, yᵢ) + λ/(2m) · penalty(θ),
 * i.e. the regression's penalty term unchanged, with cross-entropy in place of the squared error.
 *
 * Training: the cross-entropy's curvature is at most ¼ ΦᵀΦ, so at the current θ₀ the quadratic
 *   Σ CE(θ₀) + gᵀ(θ − θ₀) + ½ (θ − θ₀)ᵀ (¼ΦᵀΦ) (θ − θ₀),   g = Φᵀ(p − y),
 * lies above Σ CE and touches it at θ₀. Minimising that bound plus the penalty can only lower J — and it is exactly
 * the regression's problem with G = ¼ΦᵀΦ and r = Gθ₀ − g, so the same coordinate sweep (a soft threshold for L1)
 * does it. The loss is convex: the run reaches the penalised optimum from any start and follows it when λ moves.
 */
import { dataset2D, type Dataset2D } from '../../core/data/datasets2d';
import { coordinateSweep, legendreRow } from './polyfit';

export const CLASSIFIER_DEGREE = 8;
/** The input plane shown by the boundary chart (the same as the 2-D classifier experiment's). */
export const CLASSIFIER_PLANE: [number, number] = [-1.5, 1.5];
export const CLASSIFIER_GRID = 40;
/** Training points (circle set, noisy enough that the two classes overlap) and bound-minimisations per step. */
export const CLASSIFIER_POINTS = 80;
export const CLASSIFIER_NOISE = 0.2;
const UPDATES_PER_STEP = 4;

type Kind = 'l1' | 'l2';

/** Number of Legendre product features with a + b ≤ degree. */
export function featureCount(degree = CLASSIFIER_DEGREE): number {
  return ((degree + 1) * (degree + 2)) / 2;
}

/** φ(x₁, x₂): every φ_a(u)·φ_b(v) with a + b ≤ degree, the bias first. */
export function features2D(x1: number, x2: number, degree = CLASSIFIER_DEGREE, out?: Float64Array) {
  const row = out ?? new Float64Array(featureCount(degree));
  const half = CLASSIFIER_PLANE[1];
  const pu = legendreRow(x1 / half, degree);
  const pv = legendreRow(x2 / half, degree);
  let f = 0;
  for (let total = 0; total <= degree; total++)
    for (let a = total; a >= 0; a--)
      row[f++] = pu[a] * pv[total - a] * Math.sqrt((2 * a + 1) * (2 * (total - a) + 1));
  return row;
}

/** Feature matrix [n, k] of points stored row-major [n, 2]. */
function featureMatrix(xy: ArrayLike<number>, n: number): Float64Array {
  const k = featureCount();
  const phi = new Float64Array(n * k);
  for (let i = 0; i < n; i++) phi.set(features2D(xy[2 * i], xy[2 * i + 1]), i * k);
  return phi;
}

/** Centres of the boundary grid, row j = 0 at the bottom (Grid2D's layout), as points [n², 2]. */
function gridPoints(): Float64Array {
  const n = CLASSIFIER_GRID;
  const [lo, hi] = CLASSIFIER_PLANE;
  const xy = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      xy[2 * (j * n + i)] = lo + ((hi - lo) * i) / (n - 1);
      xy[2 * (j * n + i) + 1] = lo + ((hi - lo) * j) / (n - 1);
    }
  return xy;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logits Φθ for every row of phi [n, k]. */
function logits(phi: Float64Array, theta: Float64Array, n: number): Float64Array {
  const k = theta.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += phi[i * k + a] * theta[a];
    z[i] = s;
  }
  return z;
}

/**
 * Length of the 0.5 contour of a grid of probabilities (plane units), by marching squares: in every cell, join the
 * points where the field crosses 0.5 on its edges (linear interpolation). A wiggly boundary, or islands around
 * single points, is longer than a smooth one, so this is the figure's smoothness read-out.
 */
export function boundaryLength(values: ArrayLike<number>, n = CLASSIFIER_GRID, plane = CLASSIFIER_PLANE) {
  const h = (plane[1] - plane[0]) / (n - 1);
  let length = 0;
  const cut = (a: number, b: number) => (0.5 - a) / (b - a); // where 0.5 lies between two corner values
  for (let j = 0; j < n - 1; j++)
    for (let i = 0; i < n - 1; i++) {
      const v00 = values[j * n + i];
      const v10 = values[j * n + i + 1];
      const v01 = values[(j + 1) * n + i];
      const v11 = values[(j + 1) * n + i + 1];
      const crossings: [number, number][] = [];
      if (v00 > 0.5 !== v10 > 0.5) crossings.push([cut(v00, v10), 0]);
      if (v10 > 0.5 !== v11 > 0.5) crossings.push([1, cut(v10, v11)]);
      if (v01 > 0.5 !== v11 > 0.5) crossings.push([cut(v01, v11), 1]);
      if (v00 > 0.5 !== v01 > 0.5) crossings.push([0, cut(v00, v01)]);
      // Two crossings: one segment; four (a saddle): two segments, paired in edge order.
      for (let s = 0; s + 1 < crossings.length; s += 2) {
        const [a, b] = [crossings[s], crossings[s + 1]];
        length += h * Math.hypot(a[0] - b[0], a[1] - b[1]);
      }
    }
  return length;
}

export interface PenaltyClassifier {
  /** One training step: UPDATES_PER_STEP bound-minimisations of each run. */
  step(lambda: number): void;
  /** P(class 1) of the run over the grid (Grid2D layout) and the length of its 0.5 boundary. */
  boundary(kind: Kind): { values: Float32Array; length: number };
  /** Training accuracy of the run (share of points on the right side). */
  accuracy(kind: Kind): number;
  data: Dataset2D;
}

export function createPenaltyClassifier(seed: number): PenaltyClassifier {
  // A seed derived from the run's, so the classifier's points do not follow the regression's draws.
  const data = dataset2D(
    'circle',
    { n: CLASSIFIER_POINTS, noise: CLASSIFIER_NOISE },
    (seed ^ 0x5bd1e995) >>> 0,
  );
  const m = data.n;
  const k = featureCount();
  const phi = featureMatrix(data.x, m);
  const gridPhi = featureMatrix(gridPoints(), CLASSIFIER_GRID * CLASSIFIER_GRID);
  // G = ¼ ΦᵀΦ, the curvature bound of Σ CE (fixed: it does not depend on θ).
  const gram = new Float64Array(k * k);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) gram[a * k + b] += 0.25 * phi[i * k + a] * phi[i * k + b];
  const runs: Record<Kind, Float64Array> = { l2: new Float64Array(k), l1: new Float64Array(k) };

  const update = (theta: Float64Array, lambda: number, kind: Kind) => {
    const z = logits(phi, theta, m);
    // r = Gθ₀ − Φᵀ(p − y)
    const rhs = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += gram[a * k + b] * theta[b];
      rhs[a] = s;
    }
    for (let i = 0; i < m; i++) {
      const residual = data.y[i] - sigmoid(z[i]);
      for (let a = 0; a < k; a++) rhs[a] += phi[i * k + a] * residual;
    }
    coordinateSweep(theta, gram, rhs, lambda, kind);
  };

  return {
    data,
    step(lambda) {
      for (let u = 0; u < UPDATES_PER_STEP; u++) {
        update(runs.l2, lambda, 'l2');
        update(runs.l1, lambda, 'l1');
      }
    },
    boundary(kind) {
      const z = logits(gridPhi, runs[kind], CLASSIFIER_GRID * CLASSIFIER_GRID);
      const values = Float32Array.from(z, sigmoid);
      return { values, length: boundaryLength(values) };
    },
    accuracy(kind) {
      const z = logits(phi, runs[kind], m);
      let right = 0;
      for (let i = 0; i < m; i++) if (z[i] > 0 === data.y[i] > 0.5) right++;
      return right / m;
    },
  };
}
