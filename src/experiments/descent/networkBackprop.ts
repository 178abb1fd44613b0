import { sigmoid } from '../../core/scalar';
import { scalarActivations, type ActivationName } from '../../core/ops/activations';

/**
 * Backpropagation through a small MLP for ONE sample, written out neuron by neuron, so a figure can show the
 * chain-rule product behind any weight's gradient. Hidden layers use activation g, the output is a logit with
 * binary cross-entropy, L = −y log σ(z) − (1 − y) log(1 − σ(z)), whose derivative is ∂L/∂z = σ(z) − y.
 *
 *   forward:  z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = g(z⁽ˡ⁾)  (identity on the output)
 *   backward: δ⁽ᴸ⁾ = σ(z⁽ᴸ⁾) − y;  δ⁽ˡ⁾ = g′(z⁽ˡ⁾) ⊙ (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾;  ∂L/∂w⁽ˡ⁾_jk = δ⁽ˡ⁾_j a⁽ˡ⁻¹⁾_k,  ∂L/∂b⁽ˡ⁾_j = δ⁽ˡ⁾_j
 */
export interface LayerWeights {
  /** [out, in] row-major: w[j * in + k] joins input k to neuron j. */
  w: ArrayLike<number>;
  b: ArrayLike<number>;
}

export interface SampleBackprop {
  /** a[0] = input, a[l] = activations of layer l (a[L] = the logit). */
  a: Float64Array[];
  /** z[l − 1] = pre-activations of layer l. */
  z: Float64Array[];
  /** delta[l − 1] = ∂L/∂z of layer l. */
  delta: Float64Array[];
  loss: number;
}

/** The classifier2d experiment's activation names → the core's. */
export const CLASSIFIER_ACTIVATIONS: Readonly<Record<string, ActivationName>> = {
  'leaky-relu': 'leakyRelu',
  relu: 'relu',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  linear: 'identity',
};

export function sampleBackprop(
  sizes: readonly number[],
  layers: readonly LayerWeights[],
  activation: ActivationName,
  x: ArrayLike<number>,
  y: number,
): SampleBackprop {
  const { f, df } = scalarActivations[activation];
  const L = sizes.length - 1;
  const a: Float64Array[] = [Float64Array.from({ length: sizes[0] }, (_, k) => x[k])];
  const z: Float64Array[] = [];
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const { w, b } = layers[l - 1];
    const zl = new Float64Array(nOut);
    const al = new Float64Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let s = b[j];
      for (let k = 0; k < nIn; k++) s += w[j * nIn + k] * a[l - 1][k];
      zl[j] = s;
      al[j] = l === L ? s : f(s);
    }
    z.push(zl);
    a.push(al);
  }
  const logit = a[L][0];
  const loss = Math.max(logit, 0) - logit * y + Math.log1p(Math.exp(-Math.abs(logit)));
  const delta: Float64Array[] = new Array(L);
  delta[L - 1] = Float64Array.of(sigmoid(logit) - y);
  for (let l = L - 1; l >= 1; l--) {
    const nOut = sizes[l];
    const nNext = sizes[l + 1];
    const wNext = layers[l].w;
    const d = new Float64Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let s = 0;
      for (let o = 0; o < nNext; o++) s += wNext[o * nOut + j] * delta[l][o];
      d[j] = df(z[l - 1][j]) * s;
    }
    delta[l - 1] = d;
  }
  return { a, z, delta, loss };
}
