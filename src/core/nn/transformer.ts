/**
 * Encoder–decoder Transformer (Vaswani et al. 2017), small enough to train live.
 *
 *   Encoder layer (post-LN, default):  E′ = LN(E + MHA(E)),  E″ = LN(E′ + FFN(E′))
 *   Decoder layer (post-LN):           D′ = LN(D + MHA_masked(D)),  D″ = LN(D′ + MHA_cross(D′, H)),
 *                                      D‴ = LN(D″ + FFN(D″))
 *   Pre-LN option:                     x = x + Sublayer(LN(x)) for each sublayer, and a final LN after each stack.
 *   FFN(x) = W₂ ReLU(W₁ x + b₁) + b₂
 *   Input: embedding·√d + sinusoidal positions.  Output: logits = Z W_Eᵀ + b (tied to the target embedding) or a
 *   separate Linear.
 *
 * Captures (when attached; names are prefixed by the path, e.g. 'encoder.0.selfAttn.weights'):
 *   encoder.<l>.selfAttn.weights, decoder.<l>.selfAttn.weights, decoder.<l>.crossAttn.weights  [B, h, Tq, Tk]
 *   encoder.<l>.out, decoder.<l>.out  [B, T, d] (each layer's output), memory [B, Ts, d], decoderOut [B, Tt, d]
 */
import { noGrad } from '../autograd';
import { add, scale } from '../ops/elementwise';
import { relu } from '../ops/activations';
import { linear } from '../ops/matmul';
import { dropout, positionalEncoding } from '../ops/nn';
import { toRng, type Rng, type SeedOrRng } from '../random';
import { asParameter, zeros, type Tensor } from '../tensor';
import { MultiHeadAttention } from './attention';
import { Embedding, LayerNorm } from './layers';
import { Linear } from './linear';
import { Module } from './module';

export type NormPlacement = 'post' | 'pre';

export interface TransformerLayerConfig {
  dModel: number; // d, default 64 in Seq2SeqConfig
  heads: number; // h
  ff: number; // hidden width of the feed-forward block
  dropout?: number; // default 0
  norm?: NormPlacement; // default 'post' (Vaswani 2017)
}

export class FeedForward extends Module {
  readonly fc1: Linear;
  readonly fc2: Linear;

  constructor(dModel: number, ff: number, rng: Rng) {
    super();
    this.fc1 = new Linear({ inFeatures: dModel, outFeatures: ff, init: 'heNormal' }, rng);
    this.fc2 = new Linear({ inFeatures: ff, outFeatures: dModel }, rng);
  }

  forward(x: Tensor): Tensor {
    const h = relu(this.fc1.forward(x)); // [B, T, ff]
    return this.fc2.forward(h); // [B, T, d]
  }
}

/** Shared plumbing: dropout on sublayer outputs, residual + norm in the configured order. */
abstract class ResidualLayer extends Module {
  readonly norm: NormPlacement;
  readonly p: number;
  protected readonly rng: Rng;

  constructor(config: TransformerLayerConfig, rng: Rng) {
    super();
    this.norm = config.norm ?? 'post';
    this.p = config.dropout ?? 0;
    this.rng = rng.fork();
  }

  /** post: LN(x + f(x));  pre: x + f(LN(x)). */
  protected sublayer(x: Tensor, ln: LayerNorm, f: (x: Tensor) => Tensor): Tensor {
    const drop = (t: Tensor): Tensor => dropout(t, this.p, this.rng, { training: this.training });
    if (this.norm === 'pre') return add(x, drop(f(ln.forward(x))));
    return ln.forwardSum(x, drop(f(x)));
  }
}

export class TransformerEncoderLayer extends ResidualLayer {
  readonly selfAttn: MultiHeadAttention;
  readonly ffn: FeedForward;
  readonly ln1: LayerNorm;
  readonly ln2: LayerNorm;

  constructor(config: TransformerLayerConfig, seed: SeedOrRng) {
    const rng = toRng(seed);
    super(config, rng);
    this.selfAttn = new MultiHeadAttention(config, rng);
    this.ffn = new FeedForward(config.dModel, config.ff, rng);
    this.ln1 = new LayerNorm(config.dModel);
    this.ln2 = new LayerNorm(config.dModel);
  }

  /** x [B, T, d]; srcMask [B, T] (0 = padding) hides padded positions from attention. */
  forward(x: Tensor, srcMask?: ArrayLike<number>): Tensor {
    const a = this.sublayer(x, this.ln1, (t) => this.selfAttn.forward(t, t, false, srcMask)); // [B, T, d]
    const out = this.sublayer(a, this.ln2, (t) => this.ffn.forward(t)); // [B, T, d]
    this.record('out', out);
    return out;
  }
}

export class TransformerDecoderLayer extends ResidualLayer {
  readonly selfAttn: MultiHeadAttention;
  readonly crossAttn: MultiHeadAttention;
  readonly ffn: FeedForward;
  readonly ln1: LayerNorm;
  readonly ln2: LayerNorm;
  readonly ln3: LayerNorm;

  constructor(config: TransformerLayerConfig, seed: SeedOrRng) {
    const rng = toRng(seed);
    super(config, rng);
    this.selfAttn = new MultiHeadAttention(config, rng);
    this.crossAttn = new MultiHeadAttention(config, rng);
    this.ffn = new FeedForward(config.dModel, config.ff, rng);
    this.ln1 = new LayerNorm(config.dModel);
    this.ln2 = new LayerNorm(config.dModel);
    this.ln3 = new LayerNorm(config.dModel);
  }

  /** x [B, Tt, d] (target so far), memory [B, Ts, d] (the encoder's output H), srcMask [B, Ts] (0 = padding). */
  forward(x: Tensor, memory: Tensor, srcMask?: ArrayLike<number>): Tensor {
    const a = this.sublayer(x, this.ln1, (t) => this.selfAttn.forward(t, t, true)); // [B, Tt, d]
    const b = this.sublayer(a, this.ln2, (t) => this.crossAttn.forward(t, memory, false, srcMask)); // [B, Tt, d]
    const out = this.sublayer(b, this.ln3, (t) => this.ffn.forward(t)); // [B, Tt, d]
    this.record('out', out);
    return out;
  }
}

export interface Seq2SeqConfig {
  srcVocab: number;
  tgtVocab: number;
  dModel?: number; // default 64
  heads?: number; // default 4
  ff?: number; // default 4·dModel
  encoderLayers?: number; // default 2
  decoderLayers?: number; // default 2
  maxLen?: number; // longest sequence, for positional encodings (default 64)
  dropout?: number; // default 0
  norm?: NormPlacement; // default 'post'
  /** Output projection = target embedding transposed (default true). */
  tieOutput?: boolean;
  /** One embedding for source and target (requires srcVocab === tgtVocab; default false). */
  shareEmbeddings?: boolean;
  /**
   * Source padding id: source positions holding it are hidden from encoder self-attention and decoder
   * cross-attention (default: none). Target padding needs no mask (the causal mask keeps real positions from
   * seeing later pads); leave it out of the loss with crossEntropy's ignoreIndex.
   */
  padId?: number | null;
}

export class Seq2SeqTransformer extends Module {
  readonly srcEmbed: Embedding;
  readonly tgtEmbed: Embedding;
  readonly encoder: TransformerEncoderLayer[];
  readonly decoder: TransformerDecoderLayer[];
  readonly encoderNorm: LayerNorm | null;
  readonly decoderNorm: LayerNorm | null;
  readonly outBias: Tensor | null; // [V] when tied
  readonly outProj: Linear | null; // when not tied
  readonly config: Required<Seq2SeqConfig>;
  private readonly pe: Tensor; // [maxLen, d] constant
  private readonly dropRng: Rng;

  constructor(config: Seq2SeqConfig, seed: SeedOrRng) {
    super();
    const rng = toRng(seed);
    const d = config.dModel ?? 64;
    const c: Required<Seq2SeqConfig> = {
      srcVocab: config.srcVocab,
      tgtVocab: config.tgtVocab,
      dModel: d,
      heads: config.heads ?? 4,
      ff: config.ff ?? 4 * d,
      encoderLayers: config.encoderLayers ?? 2,
      decoderLayers: config.decoderLayers ?? 2,
      maxLen: config.maxLen ?? 64,
      dropout: config.dropout ?? 0,
      norm: config.norm ?? 'post',
      tieOutput: config.tieOutput ?? true,
      shareEmbeddings: config.shareEmbeddings ?? false,
      padId: config.padId ?? null,
    };
    if (c.shareEmbeddings && c.srcVocab !== c.tgtVocab) {
      throw new Error('Seq2SeqTransformer: shareEmbeddings needs srcVocab === tgtVocab');
    }
    this.config = c;
    const layer: TransformerLayerConfig = {
      dModel: d,
      heads: c.heads,
      ff: c.ff,
      dropout: c.dropout,
      norm: c.norm,
    };
    this.srcEmbed = new Embedding({ vocabSize: c.srcVocab, dim: d }, rng);
    this.tgtEmbed = c.shareEmbeddings ? this.srcEmbed : new Embedding({ vocabSize: c.tgtVocab, dim: d }, rng);
    this.encoder = Array.from({ length: c.encoderLayers }, () => new TransformerEncoderLayer(layer, rng));
    this.decoder = Array.from({ length: c.decoderLayers }, () => new TransformerDecoderLayer(layer, rng));
    this.encoderNorm = c.norm === 'pre' ? new LayerNorm(d) : null;
    this.decoderNorm = c.norm === 'pre' ? new LayerNorm(d) : null;
    this.outBias = c.tieOutput ? asParameter(zeros([c.tgtVocab]), 'outBias', false) : null;
    this.outProj = c.tieOutput ? null : new Linear({ inFeatures: d, outFeatures: c.tgtVocab }, rng);
    this.pe = positionalEncoding(c.maxLen, d);
    this.dropRng = rng.fork();
  }

  /** ids [B, T] → embedding·√d + PE(t): [B, T, d]. */
  private embed(table: Embedding, ids: ArrayLike<number>, B: number, T: number): Tensor {
    if (T > this.config.maxLen)
      throw new Error(`Seq2SeqTransformer: length ${T} exceeds maxLen ${this.config.maxLen}`);
    const d = this.config.dModel;
    const x = scale(table.forward(ids, [B, T]), Math.sqrt(d)); // [B, T, d]
    const pe = T === this.config.maxLen ? this.pe : this.positions(T); // [T, d]
    return dropout(add(x, pe), this.config.dropout, this.dropRng, { training: this.training }); // [B, T, d]
  }

  private peCache = new Map<number, Tensor>();
  private positions(T: number): Tensor {
    let pe = this.peCache.get(T);
    if (pe === undefined) {
      pe = positionalEncoding(T, this.config.dModel);
      this.peCache.set(T, pe);
    }
    return pe;
  }

  /** [B, Ts] key mask (1 = real token, 0 = padding) for a source, or undefined without padId. */
  sourceMask(src: ArrayLike<number>): Uint8Array | undefined {
    const pad = this.config.padId;
    if (pad === null) return undefined;
    const mask = new Uint8Array(src.length);
    for (let i = 0; i < src.length; i++) mask[i] = src[i] === pad ? 0 : 1;
    return mask;
  }

  /** Source ids [B, Ts] (flat, row-major) → memory H [B, Ts, d]. */
  encode(src: ArrayLike<number>, B: number, Ts: number): Tensor {
    const mask = this.sourceMask(src);
    let x = this.embed(this.srcEmbed, src, B, Ts); // [B, Ts, d]
    for (const layer of this.encoder) x = layer.forward(x, mask);
    if (this.encoderNorm) x = this.encoderNorm.forward(x);
    this.record('memory', x);
    return x;
  }

  /**
   * Target-side input ids [B, Tt] and memory → logits [B, Tt, V]. Pass the source ids' mask (sourceMask(src)) when
   * the model has a padId, so cross-attention skips padded source positions.
   */
  decode(tgtIn: ArrayLike<number>, B: number, Tt: number, memory: Tensor, srcMask?: Uint8Array): Tensor {
    let x = this.embed(this.tgtEmbed, tgtIn, B, Tt); // [B, Tt, d]
    for (const layer of this.decoder) x = layer.forward(x, memory, srcMask);
    if (this.decoderNorm) x = this.decoderNorm.forward(x);
    this.record('decoderOut', x);
    if (this.outProj) return this.outProj.forward(x); // [B, Tt, V]
    return linear(x, this.tgtEmbed.weight, this.outBias); // Z·W_Eᵀ + b: [B, Tt, V]
  }

  /** Teacher-forced forward: logits [B, Tt, V] for src [B, Ts] and tgtIn [B, Tt] (flat row-major ids). */
  forward(src: ArrayLike<number>, tgtIn: ArrayLike<number>, B: number, Ts: number, Tt: number): Tensor {
    return this.decode(tgtIn, B, Tt, this.encode(src, B, Ts), this.sourceMask(src));
  }
}

export interface GreedyOptions {
  /** Start-of-sequence id fed first. */
  bos: number;
  /** Tokens to generate. */
  maxLen: number;
  /** Stop a row after this id (it is kept in the output; later positions are filled with it). */
  eos?: number;
}

/**
 * Greedy decoding under noGrad: repeatedly run the decoder on the tokens so far and append the arg-max of the last
 * position. src [B, Ts] → generated ids [B, maxLen] (without the BOS).
 */
export function greedyDecode(
  model: Seq2SeqTransformer,
  src: ArrayLike<number>,
  B: number,
  Ts: number,
  options: GreedyOptions,
): Int32Array {
  const { bos, maxLen, eos } = options;
  const V = model.config.tgtVocab;
  const out = new Int32Array(B * maxLen);
  const wasTraining = model.training;
  model.eval();
  try {
    noGrad(() => {
      const memory = model.encode(src, B, Ts); // [B, Ts, d]
      const srcMask = model.sourceMask(src);
      const done = new Uint8Array(B);
      for (let t = 0; t < maxLen; t++) {
        const T = t + 1;
        const tgtIn = new Int32Array(B * T);
        for (let b = 0; b < B; b++) {
          tgtIn[b * T] = bos;
          for (let j = 1; j < T; j++) tgtIn[b * T + j] = out[b * maxLen + j - 1];
        }
        const logits = model.decode(tgtIn, B, T, memory, srcMask); // [B, T, V]
        for (let b = 0; b < B; b++) {
          if (done[b]) {
            out[b * maxLen + t] = eos ?? 0;
            continue;
          }
          const off = (b * T + T - 1) * V;
          let best = 0;
          for (let v = 1; v < V; v++) if (logits.data[off + v] > logits.data[off + best]) best = v;
          out[b * maxLen + t] = best;
          if (eos !== undefined && best === eos) done[b] = 1;
        }
      }
    });
  } finally {
    model.train(wasTraining);
  }
  return out;
}
