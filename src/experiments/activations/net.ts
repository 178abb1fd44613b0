/**
 * The small network every activations experiment trains: Linear layers from the core with a chosen activation after
 * each hidden layer (the lesson's names: step, linear, sigmoid, tanh, relu, leaky) and a linear output layer
 * (logits for classification, the prediction for regression). Unlike the core's MLP it takes the leaky slope α as a
 * live setting and can hand back every hidden pre-activation z⁽ˡ⁾ (for the dead-unit count).
 */
import {
  Linear,
  Module,
  binaryStep,
  identity,
  leakyRelu,
  relu,
  sigmoid,
  tanh,
  toRng,
  type InitKind,
  type SeedOrRng,
  type Tensor,
} from '../../core';
import { DEFAULT_LEAKY_ALPHA, type ActivationName } from './functions';

export function applyActivation(name: ActivationName, z: Tensor, alpha = DEFAULT_LEAKY_ALPHA): Tensor {
  switch (name) {
    case 'step':
      return binaryStep(z);
    case 'linear':
      return identity(z);
    case 'sigmoid':
      return sigmoid(z);
    case 'tanh':
      return tanh(z);
    case 'relu':
      return relu(z);
    case 'leaky':
      return leakyRelu(z, alpha);
  }
}

/** He init for the ReLU family, Xavier for the rest (what each activation is usually paired with). */
export function usualInit(name: ActivationName): InitKind {
  return name === 'relu' || name === 'leaky' ? 'heNormal' : 'xavierUniform';
}

export interface NetConfig {
  /** Widths including input and output, e.g. [2, 6, 6, 1]. */
  sizes: readonly number[];
  /** One activation per hidden layer (length sizes.length − 2). */
  activations: readonly ActivationName[];
  init: InitKind;
  /** Leaky ReLU slope α. */
  alpha?: number;
}

export class ActivationNet extends Module {
  readonly layers: Linear[];
  readonly activations: readonly ActivationName[];
  alpha: number;

  constructor(config: NetConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const { sizes } = config;
    if (config.activations.length !== sizes.length - 2) {
      throw new Error(`ActivationNet: ${sizes.length - 2} hidden layers need as many activations`);
    }
    this.activations = [...config.activations];
    this.alpha = config.alpha ?? DEFAULT_LEAKY_ALPHA;
    this.layers = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      this.layers.push(
        new Linear({ inFeatures: sizes[i], outFeatures: sizes[i + 1], init: config.init }, rng),
      );
    }
  }

  /** x [B, in] → output [B, out]. When `zs` is given, each hidden pre-activation z⁽ˡ⁾ [B, width] is pushed to it. */
  forward(x: Tensor, zs?: Tensor[]): Tensor {
    let a = x; // [B, sizes[0]]
    const last = this.layers.length - 1;
    for (let l = 0; l < last; l++) {
      const z = this.layers[l].forward(a); // [B, sizes[l+1]]
      zs?.push(z);
      a = applyActivation(this.activations[l], z, this.alpha);
    }
    return this.layers[last].forward(a); // [B, out]: logits or prediction
  }

  /** ‖∂L/∂W⁽ˡ⁾‖₂ for every layer's weight matrix, input side first (valid after backward). */
  weightGradNorms(): number[] {
    return this.layers.map((layer) => {
      const g = layer.weight.grad;
      if (g === null) return 0;
      let s = 0;
      for (let i = 0; i < g.length; i++) s += g[i] * g[i];
      return Math.sqrt(s);
    });
  }

  /** Whether every weight and bias is finite. */
  allFinite(): boolean {
    for (const p of this.parameters()) {
      const d = p.data;
      for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return false;
    }
    return true;
  }

  /** Weights for the network diagram: per layer { rows: out, cols: in, w: [out·in] row-major, b: [out] }. */
  weightView(): { rows: number; cols: number; w: Float32Array; b: Float32Array }[] {
    return this.layers.map((layer) => ({
      rows: layer.weight.shape[0],
      cols: layer.weight.shape[1],
      w: layer.weight.data.slice(),
      b: layer.bias ? layer.bias.data.slice() : new Float32Array(layer.weight.shape[0]),
    }));
  }
}
