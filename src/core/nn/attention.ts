/**
 * Multi-head attention (Vaswani et al. 2017):
 *   headᵢ = softmax(Q Wqᵢ (K Wkᵢ)ᵀ / √d_k) V Wvᵢ,   MHA(Q, K, V) = [head₁; …; head_h] Wo,   d_k = d_model / h.
 * Captures (when attached): 'weights' [B, h, Tq, Tk] — the attention of every head.
 */
import { multiHeadAttentionCore } from '../ops/attention';
import { linear } from '../ops/matmul';
import { scaledDotProductAttention } from '../ops/nn';
import { reshape, transpose } from '../ops/shape';
import { toRng, type SeedOrRng } from '../random';
import type { Tensor } from '../tensor';
import { Linear } from './linear';
import { Module } from './module';

export interface MultiHeadAttentionConfig {
  dModel: number; // model width d
  heads: number; // h; must divide dModel
}

export class MultiHeadAttention extends Module {
  readonly q: Linear;
  readonly k: Linear;
  readonly v: Linear;
  readonly out: Linear;
  readonly heads: number;
  readonly dModel: number;
  /** Weights of the last forward [B, h, Tq, Tk] (valid until the next backward; see autograd.ts). */
  lastWeights: Tensor | null = null;

  constructor(config: MultiHeadAttentionConfig, seed: SeedOrRng) {
    super();
    const { dModel: d, heads: h } = config;
    if (!(Number.isInteger(h) && h > 0 && d % h === 0))
      throw new Error(`MultiHeadAttention: ${h} heads do not divide ${d}`);
    const rng = toRng(seed);
    this.heads = h;
    this.dModel = d;
    this.q = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.k = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.v = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.out = new Linear({ inFeatures: d, outFeatures: d }, rng);
  }

  /** [B, T, d] → [B, h, T, d_k] */
  private splitHeads(x: Tensor): Tensor {
    const [B, T] = x.shape;
    return transpose(reshape(x, [B, T, this.heads, this.dModel / this.heads]), [0, 2, 1, 3]);
  }

  /**
   * query [B, Tq, d] attends to keyValue [B, Tk, d] (self-attention: the same tensor; cross-attention: the
   * encoder's output). `causal` hides future positions; `keyMask` ([B, Tk], 0 = padding) hides padded keys.
   */
  forward(query: Tensor, keyValue: Tensor, causal = false, keyMask?: ArrayLike<number>): Tensor {
    if (this.capture === null) {
      // The fused op: bit-identical to the composite below, a fraction of its time — but its weights carry no
      // gradient, which a capture may ask for.
      const q = linear(query, this.q.weight, this.q.bias); // [B, Tq, d]
      const k = linear(keyValue, this.k.weight, this.k.bias); // [B, Tk, d]
      const v = linear(keyValue, this.v.weight, this.v.bias); // [B, Tk, d]
      const { output, weights } = multiHeadAttentionCore(q, k, v, this.heads, { causal, keyMask }); // [B, Tq, d]
      this.lastWeights = weights; // [B, h, Tq, Tk]
      return this.out.forward(output); // [B, Tq, d]
    }
    return this.composite(query, keyValue, causal, keyMask);
  }

  /** The same attention from primitive ops: split heads, scaledDotProductAttention, merge heads. */
  private composite(query: Tensor, keyValue: Tensor, causal: boolean, keyMask?: ArrayLike<number>): Tensor {
    const [B, Tq, d] = query.shape;
    const q = this.splitHeads(linear(query, this.q.weight, this.q.bias)); // [B, h, Tq, d_k]
    const k = this.splitHeads(linear(keyValue, this.k.weight, this.k.bias)); // [B, h, Tk, d_k]
    const v = this.splitHeads(linear(keyValue, this.v.weight, this.v.bias)); // [B, h, Tk, d_k]
    const mask = keyMask === undefined ? undefined : { mask: keyMask, matricesPerRow: this.heads };
    const { output, weights } = scaledDotProductAttention(q, k, v, { causal, keyMask: mask }); // [B,h,Tq,d_k], [B,h,Tq,Tk]
    this.lastWeights = weights;
    this.record('weights', weights);
    const merged = reshape(transpose(output, [0, 2, 1, 3]), [B, Tq, d]); // [B, Tq, d]
    return this.out.forward(merged); // [B, Tq, d]
  }
}
