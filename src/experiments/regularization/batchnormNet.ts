/**
 * Step 6's network: the activations chapter's deep sigmoid MLP (Xavier init, 2 → width × depth → 1 logit), optionally
 * with batch normalisation between every hidden layer's linear map and its sigmoid: a = σ(γ · ẑ + β), ẑ = (z − μ_B)/σ_B.
 * Built from the core's Linear and BatchNorm. Two instances made from the same seed have the same Linear weights.
 */
import { BatchNorm, Linear, Module, Rng, sigmoid, type Tensor } from '../../core';

export class SigmoidNet extends Module {
  readonly layers: Linear[];
  readonly norms: BatchNorm[];

  constructor(width: number, depth: number, batchNorm: boolean, initSeed: number) {
    super();
    const rng = new Rng(initSeed);
    const sizes = [2, ...Array.from({ length: depth }, () => width), 1];
    this.layers = [];
    for (let i = 0; i + 1 < sizes.length; i++)
      this.layers.push(
        new Linear({ inFeatures: sizes[i], outFeatures: sizes[i + 1], init: 'xavierUniform' }, rng),
      );
    this.norms = batchNorm ? Array.from({ length: depth }, () => new BatchNorm(width)) : [];
  }

  /** x [B, 2] → logits [B, 1]. When `acts` is given, each hidden activation a⁽ˡ⁾ [B, width] is pushed to it. */
  forward(x: Tensor, acts?: Tensor[]): Tensor {
    let a = x;
    const last = this.layers.length - 1;
    for (let l = 0; l < last; l++) {
      const z = this.layers[l].forward(a); // [B, width]
      a = sigmoid(this.norms.length ? this.norms[l].forward(z) : z); // [B, width]
      acts?.push(a);
    }
    return this.layers[last].forward(a); // [B, 1]
  }

  /** ‖∂L/∂W⁽ˡ⁾‖₂ per layer (hidden layers then output), valid after backward. */
  weightGradNorms(): number[] {
    return this.layers.map((layer) => {
      const g = layer.weight.grad;
      let s = 0;
      if (g) for (let i = 0; i < g.length; i++) s += g[i] * g[i];
      return Math.sqrt(s);
    });
  }
}
