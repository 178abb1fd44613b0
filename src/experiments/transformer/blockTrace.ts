/**
 * Step 4's figure data: the activations entering and leaving each layer norm of a small, untrained encoder–decoder
 * (seeded), i.e. x + Sublayer(x) before normalisation and LayerNorm(x + Sublayer(x)) after.
 */
import { Capture } from '../../core/nn/capture';
import { makeTask, parseSource, toBatch } from '../../core/data/seq2seq';
import { CoreSeq2Seq } from './coreNet';

export type SublayerKey = 'enc-mha' | 'enc-ffn' | 'dec-self' | 'dec-cross' | 'dec-ffn';

const NORM_OF: Record<SublayerKey, string> = {
  'enc-mha': 'encoder.0.norm1',
  'enc-ffn': 'encoder.0.norm2',
  'dec-self': 'decoder.0.norm1',
  'dec-cross': 'decoder.0.norm2',
  'dec-ffn': 'decoder.0.norm3',
};

export interface NormTrace {
  /** x + Sublayer(x), all values (flattened [n, d]). */
  before: Float32Array;
  /** LayerNorm(x + Sublayer(x)). */
  after: Float32Array;
}

/** Runs the reverse task's example through a fresh model (d = 32) and returns before/after values per sublayer. */
export function traceLayerNorms(seed = 1, text = '31415926'): Record<SublayerKey, NormTrace> {
  const task = makeTask('reverse', { maxLen: 8 });
  const src = parseSource(task, text).ids;
  const batch = toBatch([{ src, tgt: task.target(src) }]);
  const net = new CoreSeq2Seq(
    {
      vocabSize: task.vocab.size,
      dModel: 32,
      heads: 2,
      encoderLayers: 1,
      decoderLayers: 1,
      dFF: 64,
      tied: true,
      maxLen: 12,
    },
    seed,
  );
  const capture = new Capture();
  net.setCapture(capture);
  net.evaluate(
    {
      batch: 1,
      srcLen: batch.srcLen,
      tgtLen: batch.tgtLen,
      src: batch.src,
      decoderInput: batch.decoderInput,
    },
    false,
  );
  net.setCapture(null);
  const snap = capture.snapshot();
  const out = {} as Record<SublayerKey, NormTrace>;
  for (const key of Object.keys(NORM_OF) as SublayerKey[]) {
    const before = snap[`${NORM_OF[key]}.input`]?.[0]?.value ?? new Float32Array(0);
    const after = snap[`${NORM_OF[key]}.output`]?.[0]?.value ?? new Float32Array(0);
    out[key] = { before, after };
  }
  return out;
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
