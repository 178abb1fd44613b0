/**
 * The constructive picture behind the universal approximation theorem (1 input): a steep sigmoid is almost a step,
 * two steps make a bump, and a row of bumps whose heights follow f is a staircase that approaches f as the bumps
 * narrow. Every bump is two hidden units, so the network is ONE hidden layer of sigmoids plus a linear output:
 *
 *   ŷ(x) = Σ_b h_b · (σ(k(x − c_b)) − σ(k(x − c_{b+1}))),   c_b = b / B on [0, 1],  h_b = f(bump centre).
 *
 * Pure functions (no DOM): the figure draws them, tests check them.
 */

export { TARGETS, isTargetName, maxError, type TargetName } from '../../../experiments/neurons/targets';

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface BumpNetwork {
  /** Hidden units (2 per bump). */
  units: number;
  /** Input → hidden weights [units] (all equal to k) and biases [units]. */
  w1: Float64Array;
  b1: Float64Array;
  /** Hidden → output weights [units]. */
  w2: Float64Array;
  predict(x: number): number;
}

/** One hidden layer of `units` sigmoids (rounded down to an even number ≥ 2) with steepness `k`, fitted to f. */
export function bumpNetwork(f: (x: number) => number, units: number, k: number): BumpNetwork {
  const bumps = Math.max(1, Math.floor(units / 2));
  const n = 2 * bumps;
  const w1 = new Float64Array(n).fill(k);
  const b1 = new Float64Array(n);
  const w2 = new Float64Array(n);
  for (let b = 0; b < bumps; b++) {
    const left = b / bumps;
    const right = (b + 1) / bumps;
    const height = f((left + right) / 2);
    b1[2 * b] = -k * left; // switches on at the bump's left edge …
    b1[2 * b + 1] = -k * right; // … and the second unit cancels it from the right edge on
    w2[2 * b] = height;
    w2[2 * b + 1] = -height;
  }
  const predict = (x: number) => {
    let y = 0;
    for (let i = 0; i < n; i++) y += w2[i] * sigmoid(w1[i] * x + b1[i]);
    return y;
  };
  return { units: n, w1, b1, w2, predict };
}
