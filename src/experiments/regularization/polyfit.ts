/**
 * Polynomial regression for the regularisation chapter, in float64 (the fits are tiny: ≤ 16 coefficients).
 *
 * Features are Legendre polynomials φ_j(x) = P_j(x) on [−1, 1] instead of the monomials x^j: they span exactly the
 * same polynomials (so an unpenalised fit is the same curve), but their Gram matrix is far better conditioned, so a
 * degree-15 fit is still computed accurately. φ_0 = 1 is the bias θ₀, never penalised.
 *
 * Loss (the chapter's notation, m samples):
 *   J(θ)    = 1/(2m) Σᵢ (h(xᵢ) − yᵢ)²,               h(x) = Σ_j θ_j φ_j(x)
 *   J_L2(θ) = 1/(2m) ( Σᵢ (h(xᵢ) − yᵢ)² + λ Σ_{j≥1} θ_j² )
 *   J_L1(θ) = 1/(2m) ( Σᵢ (h(xᵢ) − yᵢ)² + λ Σ_{j≥1} |θ_j| )
 */

export type Penalty = 'none' | 'l2' | 'l1';

/** φ_0(x) … φ_degree(x) into `out` (length degree + 1), by Bonnet's recursion. */
export function legendreRow(x: number, degree: number, out: Float64Array = new Float64Array(degree + 1)) {
  out[0] = 1;
  if (degree >= 1) out[1] = x;
  for (let j = 1; j < degree; j++) out[j + 1] = ((2 * j + 1) * x * out[j] - j * out[j - 1]) / (j + 1);
  return out;
}

/** Design matrix Φ [m, degree + 1], row-major. */
export function designMatrix(xs: ArrayLike<number>, degree: number): Float64Array {
  const k = degree + 1;
  const phi = new Float64Array(xs.length * k);
  const row = new Float64Array(k);
  for (let i = 0; i < xs.length; i++) phi.set(legendreRow(xs[i], degree, row), i * k);
  return phi;
}

/** h(x) = Σ_j θ_j φ_j(x). */
export function predict(theta: ArrayLike<number>, x: number): number {
  const row = legendreRow(x, theta.length - 1);
  let h = 0;
  for (let j = 0; j < theta.length; j++) h += theta[j] * row[j];
  return h;
}

/** J(θ) = 1/(2m) Σ (h − y)², the plain squared error (no penalty): what "training / validation error" means here. */
export function halfMse(theta: ArrayLike<number>, xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = predict(theta, xs[i]) - ys[i];
    s += r * r;
  }
  return s / (2 * xs.length);
}

/** The penalty term λ Σ_{j≥1} θ_j² (L2) or λ Σ_{j≥1} |θ_j| (L1): the bias θ₀ is skipped. */
export function penaltyTerm(theta: ArrayLike<number>, lambda: number, kind: Penalty): number {
  if (kind === 'none') return 0;
  let s = 0;
  for (let j = 1; j < theta.length; j++) s += kind === 'l2' ? theta[j] * theta[j] : Math.abs(theta[j]);
  return lambda * s;
}

/** The penalised loss 1/(2m)(Σ(h − y)² + penalty). */
export function penalisedLoss(
  theta: ArrayLike<number>,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  lambda: number,
  kind: Penalty,
): number {
  return halfMse(theta, xs, ys) + penaltyTerm(theta, lambda, kind) / (2 * xs.length);
}

/** Solves the symmetric positive-definite system A x = b (A [n, n] row-major) by Cholesky; A is not modified. */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(s, 1e-300));
      else l[i * n + j] = s / l[j * n + j];
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * z[k];
    z[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** ΦᵀΦ [k, k] and Φᵀy [k] for Φ [m, k]. */
export function normalEquations(phi: Float64Array, ys: ArrayLike<number>, k: number) {
  const m = ys.length;
  const gram = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < k; a++) {
      const pa = phi[i * k + a];
      rhs[a] += pa * ys[i];
      for (let b = 0; b <= a; b++) gram[a * k + b] += pa * phi[i * k + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) gram[a * k + b] = gram[b * k + a];
  return { gram, rhs };
}

/**
 * Ridge / least-squares fit: minimises J_L2 exactly, (ΦᵀΦ + λ D) θ = Φᵀy with D = diag(0, 1, …, 1).
 * `jitter` (added to every diagonal entry, the bias too) only keeps the solve defined when there are more
 * coefficients than samples (degree 15 through 15 points); at 1e-9 it does not change the fitted curve visibly.
 */
export function fitRidge(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  degree: number,
  lambda: number,
  jitter = 1e-9,
): Float64Array {
  const k = degree + 1;
  const { gram, rhs } = normalEquations(designMatrix(xs, degree), ys, k);
  for (let j = 0; j < k; j++) gram[j * k + j] += jitter + (j >= 1 ? lambda : 0);
  return solveSpd(gram, rhs, k);
}

/** Soft thresholding, the proximal step of t·|θ|: shrink towards 0 by t, and land exactly on 0 inside [−t, t]. */
export function softThreshold(v: number, t: number): number {
  return v > t ? v - t : v < -t ? v + t : 0;
}

/** One cyclic coordinate-descent sweep on 1/(2m)(Σ(h − y)² + λ·penalty), in place. G = ΦᵀΦ [k, k], r = Φᵀy [k]. */
export function coordinateSweep(
  theta: Float64Array,
  gram: Float64Array,
  rhs: Float64Array,
  lambda: number,
  kind: Exclude<Penalty, 'none'>,
): number {
  const k = theta.length;
  let moved = 0;
  for (let j = 0; j < k; j++) {
    const gjj = gram[j * k + j];
    if (gjj <= 0) continue;
    let rho = rhs[j];
    for (let c = 0; c < k; c++) if (c !== j) rho -= gram[j * k + c] * theta[c];
    // Times m, the loss along θ_j is ½gjj θ² − ρθ + ½λ·penalty(θ); the bias (j = 0) is unpenalised.
    let next: number;
    if (j === 0) next = rho / gjj;
    else if (kind === 'l2') next = rho / (gjj + lambda);
    else next = softThreshold(rho, lambda / 2) / gjj;
    moved = Math.max(moved, Math.abs(next - theta[j]));
    theta[j] = next;
  }
  return moved;
}

/**
 * Lasso fit by cyclic coordinate descent: minimises J_L1 (bias unpenalised). Each coordinate update is the exact
 * minimiser along that axis, a soft threshold, so coefficients become exactly 0 once λ is large enough.
 */
export function fitLasso(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  degree: number,
  lambda: number,
  sweeps = 500,
  warm?: Float64Array,
): Float64Array {
  const k = degree + 1;
  const { gram, rhs } = normalEquations(designMatrix(xs, degree), ys, k);
  const theta = warm ? Float64Array.from(warm) : new Float64Array(k);
  for (let sweep = 0; sweep < sweeps; sweep++)
    if (coordinateSweep(theta, gram, rhs, lambda, 'l1') < 1e-10) break;
  return theta;
}

/** How many of θ₁ … θ_d are exactly zero (the bias is not counted: it is never penalised). */
export function countZeros(theta: ArrayLike<number>): number {
  let zeros = 0;
  for (let j = 1; j < theta.length; j++) if (theta[j] === 0) zeros++;
  return zeros;
}
