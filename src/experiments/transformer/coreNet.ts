/**
 * The experiment's model is the core's encoder–decoder (`Seq2SeqTransformer`, post-LN as in Vaswani et al. 2017):
 *   encoder  E′ = LN(E + MHA(E)),            E″ = LN(E′ + FFN(E′))
 *   decoder  D′ = LN(D + MHA_masked(D)),     D″ = LN(D′ + MHA_cross(D′, H)),   D‴ = LN(D″ + FFN(D″))
 *   output   logits = Z·W_Eᵀ + b (tied) or Z·W_outᵀ + b
 * Source and target share one vocabulary and one embedding table W_E. This adapter gives the trainer the
 * `Seq2SeqNet` interface and reads the attention weights through the core's Capture (only when a figure asks).
 */
import { noGrad } from '../../core/autograd';
import { Capture } from '../../core/nn/capture';
import { Seq2SeqTransformer } from '../../core/nn/transformer';
import type { Tensor } from '../../core/tensor';
import type { AttentionMaps, NetConfig, NetInput, Seq2SeqNet } from './net';

const isWeights = (name: string) => name.endsWith('.weights');

export class CoreSeq2SeqNet implements Seq2SeqNet {
  readonly config: NetConfig;
  readonly model: Seq2SeqTransformer;
  private readonly capture = new Capture();

  constructor(config: NetConfig, seed: number) {
    this.config = config;
    this.model = new Seq2SeqTransformer(
      {
        srcVocab: config.vocabSize,
        tgtVocab: config.vocabSize,
        dModel: config.dModel,
        heads: config.heads,
        ff: config.dFF,
        encoderLayers: config.encoderLayers,
        decoderLayers: config.decoderLayers,
        maxLen: config.maxLen,
        dropout: 0,
        norm: 'post',
        tieOutput: config.tied,
        shareEmbeddings: true,
      },
      seed,
    );
    this.capture.filter = isWeights;
  }

  parameters(): Tensor[] {
    return this.model.parameters();
  }

  parameterCount(): number {
    return this.model.parameterCount();
  }

  forward(input: NetInput): Tensor {
    return this.model.forward(input.src, input.decoderInput, input.batch, input.srcLen, input.tgtLen); // [B, T, V]
  }

  evaluate(
    input: NetInput,
    withAttention: boolean,
  ): { logits: Float32Array; attention: AttentionMaps | null } {
    return noGrad(() => {
      if (!withAttention) return { logits: this.forward(input).data, attention: null };
      this.capture.clear();
      this.model.setCapture(this.capture);
      try {
        const logits = this.forward(input).data;
        const pick = (prefix: string, layers: number, which: string) =>
          Array.from(
            { length: layers },
            (_, l) =>
              this.capture.tensors(`${prefix}.${l}.${which}.weights`)[0]?.data.slice() ?? new Float32Array(0),
          );
        const attention: AttentionMaps = {
          encoderSelf: pick('encoder', this.config.encoderLayers, 'selfAttn'), // [B, H, S, S] each
          decoderSelf: pick('decoder', this.config.decoderLayers, 'selfAttn'), // [B, H, T, T]
          cross: pick('decoder', this.config.decoderLayers, 'crossAttn'), // [B, H, T, S]
        };
        return { logits, attention };
      } finally {
        this.model.setCapture(null);
        this.capture.clear();
      }
    });
  }

  embeddingTable(): Float32Array {
    return this.model.srcEmbed.weight.data.slice();
  }
}

export function createCoreNet(config: NetConfig, seed: number): Seq2SeqNet {
  return new CoreSeq2SeqNet(config, seed);
}
