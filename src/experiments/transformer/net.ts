/**
 * What the trainer needs from an encoder–decoder Transformer, independent of how the core spells it. The adapter
 * `createNet` (bottom of this file) builds the core's model; everything else in the experiment talks to this.
 *
 * Shapes: src [B, S] ids, decoder input [B, T] ids, logits [B, T, V].
 * Attention maps are per layer, row-major [B, H, Tq, Tk] (softmax weights; rows sum to 1).
 */
import type { Tensor } from '../../core/tensor';

export interface NetConfig {
  vocabSize: number;
  dModel: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  /** Hidden width of the position-wise feed-forward network. */
  dFF: number;
  /** Output projection tied to the input embedding (logits = Z·W_Eᵀ + b). */
  tied: boolean;
  /** Longest sequence the positional encoding must cover. */
  maxLen: number;
}

export interface NetInput {
  batch: number;
  srcLen: number;
  tgtLen: number;
  /** [B, S] */
  src: Int32Array;
  /** [B, T] */
  decoderInput: Int32Array;
}

export interface AttentionMaps {
  /** Per encoder layer: [B, H, S, S]. */
  encoderSelf: Float32Array[];
  /** Per decoder layer: [B, H, T, T] (causal: upper triangle 0). */
  decoderSelf: Float32Array[];
  /** Per decoder layer: [B, H, T, S]. */
  cross: Float32Array[];
}

export interface Seq2SeqNet {
  readonly config: NetConfig;
  parameters(): Tensor[];
  parameterCount(): number;
  /** Training forward (recorded for backward): logits [B, T, V]. */
  forward(input: NetInput): Tensor;
  /** Evaluation forward under noGrad, optionally with the attention weights of every layer and head. */
  evaluate(
    input: NetInput,
    withAttention: boolean,
  ): { logits: Float32Array; attention: AttentionMaps | null };
  /** The input embedding table W_E [V, d] (a copy). */
  embeddingTable(): Float32Array;
}
