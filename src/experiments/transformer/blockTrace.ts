/**
 * Step 4's figure data: the activations entering and leaving each layer norm of a small, untrained encoder–decoder
 * (the core's Seq2SeqTransformer, seeded), i.e. x + Sublayer(x) before normalisation and LayerNorm(x + Sublayer(x))
 * after. The sublayers are called one by one, exactly in the order of the block's equations.
 */
import { noGrad } from '../../core/autograd';
import { makeTask, parseSource, toBatch } from '../../core/data/seq2seq';
import { Seq2SeqTransformer } from '../../core/nn/transformer';
import { add, scale } from '../../core/ops/elementwise';
import { positionalEncoding } from '../../core/ops/nn';
import type { Tensor } from '../../core/tensor';

export type SublayerKey = 'enc-mha' | 'enc-ffn' | 'dec-self' | 'dec-cross' | 'dec-ffn';

export interface NormTrace {
  /** x + Sublayer(x), all values (flattened [n, d]). */
  before: Float32Array;
  /** LayerNorm(x + Sublayer(x)). */
  after: Float32Array;
}

export const TRACE_WIDTH = 32;

/** Runs the reverse task's example through a fresh model (d = 32) and returns before/after values per sublayer. */
export function traceLayerNorms(seed = 1, text = '31415926'): Record<SublayerKey, NormTrace> {
  const task = makeTask('reverse', { maxLen: 8 });
  const src = parseSource(task, text).ids;
  const b = toBatch([{ src, tgt: task.target(src) }]);
  const d = TRACE_WIDTH;
  const model = new Seq2SeqTransformer(
    {
      srcVocab: task.vocab.size,
      tgtVocab: task.vocab.size,
      dModel: d,
      heads: 2,
      ff: 2 * d,
      encoderLayers: 1,
      decoderLayers: 1,
      maxLen: 12,
      shareEmbeddings: true,
    },
    seed,
  );
  model.eval();
  return noGrad(() => {
    const embed = (ids: Int32Array, T: number): Tensor =>
      add(scale(model.srcEmbed.forward(ids, [1, T]), Math.sqrt(d)), positionalEncoding(T, d)); // [1, T, d]
    const out = {} as Record<SublayerKey, NormTrace>;
    const step = (key: SublayerKey, residual: Tensor, sub: Tensor, norm: { forward(x: Tensor): Tensor }) => {
      const before = add(residual, sub); // x + Sublayer(x)
      const after = norm.forward(before);
      out[key] = { before: before.data.slice(), after: after.data.slice() };
      return after;
    };
    const enc = model.encoder[0];
    const e = embed(b.src, b.srcLen); // E
    const e1 = step('enc-mha', e, enc.selfAttn.forward(e, e), enc.ln1); // E′
    const h = step('enc-ffn', e1, enc.ffn.forward(e1), enc.ln2); // E″ = H
    const dec = model.decoder[0];
    const dIn = embed(b.decoderInput, b.tgtLen); // D
    const d1 = step('dec-self', dIn, dec.selfAttn.forward(dIn, dIn, true), dec.ln1); // D′
    const d2 = step('dec-cross', d1, dec.crossAttn.forward(d1, h), dec.ln2); // D″
    step('dec-ffn', d2, dec.ffn.forward(d2), dec.ln3); // D‴
    return out;
  });
}

/** Equal-width histogram of values over [lo, hi] (values outside are clamped into the end bins). */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[b]++;
  }
  return counts;
}

export function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  const mean = values.length ? s / values.length : 0;
  let v = 0;
  for (let i = 0; i < values.length; i++) v += (values[i] - mean) ** 2;
  return { mean, std: values.length ? Math.sqrt(v / values.length) : 0 };
}
