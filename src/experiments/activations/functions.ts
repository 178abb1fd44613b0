/**
 * Scalar activation functions and their derivatives, for plots, read-outs and the single-neuron figure (the training
 * experiments use the core's tensor ops). Each is a `{ f, df }` pair, as in TensorFlow Playground's `nn.ts`.
 */

export const ACTIVATION_NAMES = ['step', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface ScalarActivation {
  /** Display name, e.g. 'leaky ReLU'. */
  label: string;
  /** TeX of f(x), e.g. '\\max(0, x)'. */
  tex: string;
  f(x: number): number;
  /** f′(x). Where f′ does not exist (step and ReLU at 0) we return the one-sided value frameworks use (0). */
  df(x: number): number;
}

/** Leaky ReLU slope on the negative side (the lesson's value: max(0.1x, x)). */
export const DEFAULT_LEAKY_ALPHA = 0.1;

import { sigmoid } from '../../core/scalar';

export { sigmoid };
export { softmax } from '../../core/scalar';

export function leaky(alpha: number): ScalarActivation {
  return {
    label: 'leaky ReLU',
    tex: `\\max(${alpha}x,\\, x)`,
    f: (x) => (x > 0 ? x : alpha * x),
    df: (x) => (x > 0 ? 1 : alpha),
  };
}

export const ACTIVATIONS: Readonly<Record<ActivationName, ScalarActivation>> = {
  step: { label: 'binary step', tex: '[x > 0]', f: (x) => (x > 0 ? 1 : 0), df: () => 0 },
  linear: { label: 'linear', tex: 'x', f: (x) => x, df: () => 1 },
  sigmoid: {
    label: 'sigmoid',
    tex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  },
  tanh: {
    label: 'tanh',
    tex: '\\tanh(x)',
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
  },
  relu: { label: 'ReLU', tex: '\\max(0, x)', f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
  leaky: leaky(DEFAULT_LEAKY_ALPHA),
};

export function isActivationName(s: string): s is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(s);
}

/** A maxout unit on a scalar input: max_i (w_i x + b_i), and which piece won. */
export function maxout(
  x: number,
  w: ArrayLike<number>,
  b: ArrayLike<number>,
): { value: number; piece: number } {
  let best = -Infinity;
  let piece = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i] * x + b[i];
    if (v > best) {
      best = v;
      piece = i;
    }
  }
  return { value: best, piece };
}
