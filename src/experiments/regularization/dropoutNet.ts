/**
 * The dropout step's network: 1 → width → width → 1 with ReLU hidden layers, each followed by dropout with drop
 * probability p (in training mode only). Built from the core's Linear and Dropout modules.
 */
import { Dropout, Linear, Module, Rng, Tensor, activation, dropout, noGrad } from '../../core';

const relu = activation('relu');

export type DropoutMode = 'classic' | 'inverted';

export class DropoutNet extends Module {
  readonly hidden1: Linear;
  readonly drop1: Dropout;
  readonly hidden2: Linear;
  readonly drop2: Dropout;
  readonly out: Linear;
  /** Dropout masks of the last training forward pass, per hidden layer: [B, width] (0 = dropped). */
  readonly lastMasks: [Float32Array, Float32Array];

  constructor(width: number, p: number, mode: DropoutMode, initSeed: number, maskSeed: number) {
    super();
    const rng = new Rng(initSeed);
    this.hidden1 = new Linear({ inFeatures: 1, outFeatures: width, init: 'heNormal' }, rng);
    this.hidden2 = new Linear({ inFeatures: width, outFeatures: width, init: 'heNormal' }, rng);
    this.out = new Linear({ inFeatures: width, outFeatures: 1 }, rng);
    const masks = new Rng(maskSeed);
    this.drop1 = new Dropout(p, masks.nextU32(), mode);
    this.drop2 = new Dropout(p, masks.nextU32(), mode);
    this.lastMasks = [new Float32Array(0), new Float32Array(0)];
  }

  set p(value: number) {
    this.drop1.p = value;
    this.drop2.p = value;
  }

  /** The first hidden layer's activations a⁽¹⁾ before dropout. x [B, 1] → [B, width]. */
  firstActivations(x: Tensor): Tensor {
    return relu(this.hidden1.forward(x));
  }

  forward(x: Tensor): Tensor {
    const d1 = this.drop1.forward(this.firstActivations(x)); // [B, width]
    this.keepMask(0, d1);
    const d2 = this.drop2.forward(relu(this.hidden2.forward(d1))); // [B, width]
    this.keepMask(1, d2);
    return this.out.forward(d2); // [B, 1]
  }

  /** Copies which units were dropped (the core keeps the mask as the output's aux while it is alive). */
  private keepMask(layer: 0 | 1, output: Tensor) {
    if (!this.training || output.aux === null) return;
    if (this.lastMasks[layer].length !== output.aux.length)
      this.lastMasks[layer] = new Float32Array(output.aux.length);
    this.lastMasks[layer].set(output.aux);
  }
}

export interface ScalingCheck {
  /** Mean of a⁽¹⁾ ⊙ mask · scale over `draws` random masks (training mode): the expectation during training. */
  trainingMean: number;
  /** Mean of the inference-mode output of the same layer (classic: a·(1 − p); inverted: a). */
  inferenceMean: number;
}

/**
 * Checks the scaling rule of one dropout mode on activations a [n, width]: the mean activation at inference must
 * equal the mean the next layer sees during training, averaged over many masks. Uses the core's dropout op.
 */
export function scalingCheck(
  a: Tensor,
  p: number,
  mode: DropoutMode,
  seed: number,
  draws = 200,
): ScalingCheck {
  return noGrad(() => {
    const rng = new Rng(seed);
    let sum = 0;
    for (let k = 0; k < draws; k++) {
      const y = dropout(a, p, rng, { training: true, mode }).data; // [n, width]
      for (let i = 0; i < y.length; i++) sum += y[i];
    }
    const trainingMean = sum / (draws * a.size);
    const inf = dropout(a, p, rng, { training: false, mode }).data;
    let s = 0;
    for (let i = 0; i < inf.length; i++) s += inf[i];
    return { trainingMean, inferenceMean: s / a.size };
  });
}
