/**
 * The encoder–decoder Transformer for the experiment, built from the core's ops and modules (autodiff, matmul,
 * softmax, gather, Linear). Post-LN as in Vaswani et al. 2017:
 *   encoder  E′ = LN(E + MHA(E)),            E″ = LN(E′ + FFN(E′))
 *   decoder  D′ = LN(D + MHA_masked(D)),     D″ = LN(D′ + MHA_cross(D′, H)),   D‴ = LN(D″ + FFN(D″))
 *   output   logits = Z·W_Eᵀ + b (tied) or Z·W_outᵀ + b
 * Inputs are √d·embedding + sinusoidal positional encoding.
 */
import { noGrad } from '../../core/autograd';
import { add, addScalar, mul, pow, scale, sub } from '../../core/ops/elementwise';
import { matmul, linear } from '../../core/ops/matmul';
import { relu, softmax } from '../../core/ops/activations';
import { mean } from '../../core/ops/reduce';
import { gather, reshape, transpose } from '../../core/ops/shape';
import { Linear } from '../../core/nn/linear';
import { Module, param } from '../../core/nn/module';
import { Rng } from '../../core/random';
import { tensor, type Tensor } from '../../core/tensor';
import { sinusoidalEncoding } from './illustrations';
import type { AttentionMaps, NetConfig, NetInput, Seq2SeqNet } from './net';

/** Where attention weights go when a figure asks for them (null while training: zero cost). */
type AttentionSink = Float32Array[] | null;

class LayerNorm extends Module {
  readonly gain: Tensor; // [d]
  readonly bias: Tensor; // [d]
  constructor(d: number, rng: Rng) {
    super();
    this.gain = param([d], 'zeros', rng, 'gain', { decay: false });
    this.gain.data.fill(1);
    this.bias = param([d], 'zeros', rng, 'bias', { decay: false });
  }
  forward(x: Tensor): Tensor {
    const mu = mean(x, -1, true); // [..., 1]
    const centred = sub(x, mu); // [..., d]
    const variance = mean(mul(centred, centred), -1, true); // [..., 1]
    const inv = pow(addScalar(variance, 1e-5), -0.5); // [..., 1]
    const out = add(mul(mul(centred, inv), this.gain), this.bias); // [..., d]
    // For the "before / after layer norm" figure; free when no capture is attached.
    this.record('input', x);
    this.record('output', out);
    return out;
  }
}

class MultiHeadAttention extends Module {
  readonly q: Linear;
  readonly k: Linear;
  readonly v: Linear;
  readonly o: Linear;
  constructor(
    readonly d: number,
    readonly heads: number,
    rng: Rng,
  ) {
    super();
    this.q = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.k = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.v = new Linear({ inFeatures: d, outFeatures: d }, rng);
    this.o = new Linear({ inFeatures: d, outFeatures: d }, rng);
  }

  /** [B, T, d] → [B, H, T, dk] */
  private split(x: Tensor): Tensor {
    const [B, T] = x.shape;
    return transpose(reshape(x, [B, T, this.heads, this.d / this.heads]), [0, 2, 1, 3]);
  }

  /** queries from x [B, Tq, d], keys/values from kv [B, Tk, d]; mask [Tq, Tk] of 0 / −∞. */
  forward(x: Tensor, kv: Tensor, mask: Tensor | null, sink: AttentionSink): Tensor {
    const [B, Tq, d] = x.shape;
    const dk = d / this.heads;
    const q = this.split(this.q.forward(x)); // [B, H, Tq, dk]
    const k = this.split(this.k.forward(kv)); // [B, H, Tk, dk]
    const v = this.split(this.v.forward(kv)); // [B, H, Tk, dk]
    let scores = scale(matmul(q, k, { transB: true }), 1 / Math.sqrt(dk)); // [B, H, Tq, Tk]
    if (mask) scores = add(scores, mask);
    const weights = softmax(scores); // [B, H, Tq, Tk]
    if (sink) sink.push(weights.data.slice());
    const mixed = matmul(weights, v); // [B, H, Tq, dk]
    const merged = reshape(transpose(mixed, [0, 2, 1, 3]), [B, Tq, d]); // [B, Tq, d]
    return this.o.forward(merged);
  }
}

class FeedForward extends Module {
  readonly up: Linear;
  readonly down: Linear;
  constructor(d: number, dFF: number, rng: Rng) {
    super();
    this.up = new Linear({ inFeatures: d, outFeatures: dFF, init: 'heNormal' }, rng);
    this.down = new Linear({ inFeatures: dFF, outFeatures: d }, rng);
  }
  forward(x: Tensor): Tensor {
    return this.down.forward(relu(this.up.forward(x)));
  }
}

class EncoderLayer extends Module {
  readonly attn: MultiHeadAttention;
  readonly norm1: LayerNorm;
  readonly ffn: FeedForward;
  readonly norm2: LayerNorm;
  constructor(c: NetConfig, rng: Rng) {
    super();
    this.attn = new MultiHeadAttention(c.dModel, c.heads, rng);
    this.norm1 = new LayerNorm(c.dModel, rng);
    this.ffn = new FeedForward(c.dModel, c.dFF, rng);
    this.norm2 = new LayerNorm(c.dModel, rng);
  }
  forward(e: Tensor, sink: AttentionSink): Tensor {
    const e1 = this.norm1.forward(add(e, this.attn.forward(e, e, null, sink))); // E′ [B, S, d]
    return this.norm2.forward(add(e1, this.ffn.forward(e1))); // E″ [B, S, d]
  }
}

class DecoderLayer extends Module {
  readonly selfAttn: MultiHeadAttention;
  readonly norm1: LayerNorm;
  readonly crossAttn: MultiHeadAttention;
  readonly norm2: LayerNorm;
  readonly ffn: FeedForward;
  readonly norm3: LayerNorm;
  constructor(c: NetConfig, rng: Rng) {
    super();
    this.selfAttn = new MultiHeadAttention(c.dModel, c.heads, rng);
    this.norm1 = new LayerNorm(c.dModel, rng);
    this.crossAttn = new MultiHeadAttention(c.dModel, c.heads, rng);
    this.norm2 = new LayerNorm(c.dModel, rng);
    this.ffn = new FeedForward(c.dModel, c.dFF, rng);
    this.norm3 = new LayerNorm(c.dModel, rng);
  }
  forward(d: Tensor, h: Tensor, causal: Tensor, selfSink: AttentionSink, crossSink: AttentionSink): Tensor {
    const d1 = this.norm1.forward(add(d, this.selfAttn.forward(d, d, causal, selfSink))); // D′ [B, T, d]
    const d2 = this.norm2.forward(add(d1, this.crossAttn.forward(d1, h, null, crossSink))); // D″ [B, T, d]
    return this.norm3.forward(add(d2, this.ffn.forward(d2))); // D‴ [B, T, d]
  }
}

/** [T, T] additive mask: 0 on and below the diagonal, −∞ above (a query never sees later keys). */
function causalMask(T: number): Tensor {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) m[i * T + j] = -Infinity;
  return tensor(m, [T, T]);
}

export class CoreSeq2Seq extends Module implements Seq2SeqNet {
  readonly config: NetConfig;
  readonly embedding: Tensor; // W_E [V, d]
  readonly outBias: Tensor; // b [V]
  readonly outWeight: Tensor | null; // [V, d] when untied
  readonly encoder: EncoderLayer[];
  readonly decoder: DecoderLayer[];
  private readonly pe: Float32Array; // [maxLen, d]
  private readonly masks = new Map<number, Tensor>();

  constructor(config: NetConfig, seed: number) {
    super();
    const c = config;
    if (c.dModel % c.heads !== 0)
      throw new Error(`d_model ${c.dModel} is not a multiple of ${c.heads} heads`);
    this.config = c;
    const rng = new Rng(seed);
    // std 1/√d: after the √d scale, token vectors have entries of order 1, like the positional encoding.
    this.embedding = param([c.vocabSize, c.dModel], 'normal', rng, 'embedding', {
      std: 1 / Math.sqrt(c.dModel),
    });
    this.outWeight = c.tied
      ? null
      : param([c.vocabSize, c.dModel], 'normal', rng, 'outWeight', { std: 1 / Math.sqrt(c.dModel) });
    this.outBias = param([c.vocabSize], 'zeros', rng, 'outBias', { decay: false });
    this.encoder = Array.from({ length: c.encoderLayers }, () => new EncoderLayer(c, rng));
    this.decoder = Array.from({ length: c.decoderLayers }, () => new DecoderLayer(c, rng));
    this.pe = sinusoidalEncoding(c.maxLen, c.dModel).data;
  }

  /** √d · W_E[ids] + PE  → [B, T, d] */
  private embed(ids: Int32Array, B: number, T: number): Tensor {
    const d = this.config.dModel;
    if (T > this.config.maxLen)
      throw new Error(`sequence of ${T} tokens is longer than ${this.config.maxLen}`);
    const x = scale(gather(this.embedding, ids, [B, T]), Math.sqrt(d)); // [B, T, d]
    return add(x, tensor(this.pe.subarray(0, T * d), [T, d])); // broadcast over B
  }

  private mask(T: number): Tensor {
    let m = this.masks.get(T);
    if (!m) {
      m = causalMask(T);
      this.masks.set(T, m);
    }
    return m;
  }

  private run(input: NetInput, maps: AttentionMaps | null): Tensor {
    const { batch: B, srcLen: S, tgtLen: T } = input;
    let h = this.embed(input.src, B, S); // [B, S, d]
    for (const layer of this.encoder) {
      const sink = maps ? [] : null;
      h = layer.forward(h, sink); // [B, S, d]
      if (maps && sink) maps.encoderSelf.push(sink[0]);
    }
    let z = this.embed(input.decoderInput, B, T); // [B, T, d]
    const causal = this.mask(T);
    for (const layer of this.decoder) {
      const selfSink = maps ? [] : null;
      const crossSink = maps ? [] : null;
      z = layer.forward(z, h, causal, selfSink, crossSink); // [B, T, d]
      if (maps && selfSink && crossSink) {
        maps.decoderSelf.push(selfSink[0]);
        maps.cross.push(crossSink[0]);
      }
    }
    return linear(z, this.outWeight ?? this.embedding, this.outBias); // [B, T, V]
  }

  forward(input: NetInput): Tensor {
    return this.run(input, null);
  }

  evaluate(
    input: NetInput,
    withAttention: boolean,
  ): { logits: Float32Array; attention: AttentionMaps | null } {
    return noGrad(() => {
      const maps: AttentionMaps | null = withAttention
        ? { encoderSelf: [], decoderSelf: [], cross: [] }
        : null;
      const logits = this.run(input, maps);
      return { logits: logits.data, attention: maps };
    });
  }

  embeddingTable(): Float32Array {
    return this.embedding.data.slice();
  }
}

export function createCoreNet(config: NetConfig, seed: number): Seq2SeqNet {
  return new CoreSeq2Seq(config, seed);
}
