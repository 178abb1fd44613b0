/** Linear (fully connected) layer and the MLP builder. */
import { linear } from '../ops/matmul';
import { activation, type ActivationName } from '../ops/activations';
import { toRng, type SeedOrRng } from '../random';
import type { InitKind, Tensor } from '../tensor';
import { Module, param } from './module';

export interface LinearConfig {
  inFeatures: number;
  outFeatures: number;
  /** Add a bias b (default true). */
  bias?: boolean;
  /** Weight init (default 'xavierUniform'; use 'heNormal' before ReLUs). Biases start at 0. */
  init?: InitKind;
}

/** y = x·Wᵀ + b with W [out, in] (row i = weights into output neuron i), b [out]. */
export class Linear extends Module {
  readonly weight: Tensor; // [out, in]
  readonly bias: Tensor | null; // [out]

  constructor(config: LinearConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const { inFeatures: nIn, outFeatures: nOut } = config;
    if (!(Number.isInteger(nIn) && nIn > 0 && Number.isInteger(nOut) && nOut > 0)) {
      throw new Error(`Linear: sizes must be positive integers, got ${nIn}→${nOut}`);
    }
    this.weight = param([nOut, nIn], config.init ?? 'xavierUniform', rng, 'weight');
    this.bias = config.bias === false ? null : param([nOut], 'zeros', rng, 'bias', { decay: false });
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias); // [..., in] → [..., out]
  }
}

export interface MLPConfig {
  /** Layer widths including input and output, e.g. [2, 8, 8, 1]. */
  sizes: readonly number[];
  /** Activation after each layer: one name for all hidden layers, or one per layer (length sizes.length − 1). */
  activation?: ActivationName | readonly ActivationName[];
  /** Activation of the last layer when `activation` is a single name (default 'identity': logits). */
  outputActivation?: ActivationName;
  /** Weight init (default: 'heNormal' if the hidden activation is ReLU-like, else 'xavierUniform'). */
  init?: InitKind;
  bias?: boolean;
}

/**
 * Multi-layer perceptron: a⁽ˡ⁾ = f⁽ˡ⁾(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾). Captures (when attached) 'layers.<l>.z' (pre-activation)
 * and 'layers.<l>.a' (activation) for every layer l.
 */
export class MLP extends Module {
  readonly layers: Linear[];
  readonly activations: ActivationName[];

  constructor(config: MLPConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const { sizes } = config;
    if (sizes.length < 2) throw new Error('MLP: sizes needs at least an input and an output width');
    const n = sizes.length - 1;
    const act = config.activation ?? 'tanh';
    this.activations =
      typeof act === 'string'
        ? Array.from({ length: n }, (_, i) => (i === n - 1 ? (config.outputActivation ?? 'identity') : act))
        : [...act];
    if (this.activations.length !== n)
      throw new Error(`MLP: need ${n} activations, got ${this.activations.length}`);
    const reluLike = this.activations[0] === 'relu' || this.activations[0] === 'leakyRelu';
    const init = config.init ?? (reluLike ? 'heNormal' : 'xavierUniform');
    this.layers = [];
    for (let i = 0; i < n; i++) {
      this.layers.push(
        new Linear({ inFeatures: sizes[i], outFeatures: sizes[i + 1], bias: config.bias, init }, rng),
      );
    }
  }

  forward(x: Tensor): Tensor {
    let a = x; // [B, sizes[0]]
    for (let l = 0; l < this.layers.length; l++) {
      const z = this.layers[l].forward(a); // [B, sizes[l+1]]
      a = activation(this.activations[l])(z);
      if (this.capture !== null) {
        this.record(`layers.${l}.z`, z);
        this.record(`layers.${l}.a`, a);
      }
    }
    return a;
  }
}
