/**
 * The three update rules of the optimiser lesson, written exactly as the lesson prints them, on plain arrays of
 * parameters. (The core's optimisers implement the same rules on tensors; rules.test.ts checks they agree.)
 *   SGD:      θ ← θ − α g
 *   Momentum: v ← β v + g;  θ ← θ − α v
 *   Adam:     m ← β₁ m + (1 − β₁) g;  s ← β₂ s + (1 − β₂) g²;  m̂ = m / (1 − β₁ᵗ);  ŝ = s / (1 − β₂ᵗ);
 *             θ ← θ − α m̂ / (√ŝ + ε)
 */
import type { OptimizerKind } from '../paramSpecs';

/** One rule per optimiser the course compares. */
export type RuleId = OptimizerKind;

export interface RuleSettings {
  lr: number;
  beta: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export interface RuleState {
  /** Momentum velocity, or Adam's first moment m. */
  first: Float64Array;
  /** Adam's second moment s. */
  second: Float64Array;
  /** Updates taken (Adam's t). */
  t: number;
}

export function newRuleState(size: number): RuleState {
  return { first: new Float64Array(size), second: new Float64Array(size), t: 0 };
}

/** Applies one update in place to theta, given its gradient g. */
export function applyRule(
  rule: RuleId,
  theta: Float64Array,
  g: ArrayLike<number>,
  state: RuleState,
  s: RuleSettings,
): void {
  state.t++;
  for (let i = 0; i < theta.length; i++) {
    if (rule === 'sgd') {
      theta[i] -= s.lr * g[i];
    } else if (rule === 'momentum') {
      state.first[i] = s.beta * state.first[i] + g[i];
      theta[i] -= s.lr * state.first[i];
    } else {
      state.first[i] = s.beta1 * state.first[i] + (1 - s.beta1) * g[i];
      state.second[i] = s.beta2 * state.second[i] + (1 - s.beta2) * g[i] * g[i];
      const mHat = state.first[i] / (1 - s.beta1 ** state.t);
      const sHat = state.second[i] / (1 - s.beta2 ** state.t);
      theta[i] -= (s.lr * mHat) / (Math.sqrt(sHat) + s.eps);
    }
  }
}
