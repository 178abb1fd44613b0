/**
 * Held-out evaluation of the encoder–decoder (all on sequences the model never trains on):
 * - teacher-forced token accuracy and validation loss — each target token predicted from the CORRECT previous tokens;
 * - where the last decoder layer's cross-attention goes (anti-diagonal = reverse, diagonal = copy, other lines);
 * - greedy sequence accuracy — the model decodes on its own; a sequence counts only if every token and the final
 *   </s> are right.
 */
import { BOS, EOS, PAD, toBatch, type Seq2SeqBatch, type Seq2SeqExample } from '../../core/data/seq2seq';
import { antiDiagonalMass, diagonalMass, largestOtherLineMass } from './attentionMetrics';
import { argmax } from '../../core/sampling';
import type { NetInput, Seq2SeqNet } from './net';

export interface EvalResult {
  step: number;
  accuracy: number;
  valLoss: number;
  antiDiagonalMass: number;
  diagonalMass: number;
  otherLineMass: number;
}

export const asInput = (b: Seq2SeqBatch): NetInput => ({
  batch: b.size,
  srcLen: b.srcLen,
  tgtLen: b.tgtLen,
  src: b.src,
  decoderInput: b.decoderInput,
});

/** Teacher-forced token accuracy, validation loss and cross-attention line masses on held-out batch `b`. */
export function evaluateHeldOut(net: Seq2SeqNet, b: Seq2SeqBatch, step: number): EvalResult {
  const V = net.config.vocabSize;
  const { logits, attention } = net.evaluate(asInput(b), true); // [B, T, V] + maps
  let correct = 0;
  let counted = 0;
  let lossSum = 0;
  for (let r = 0; r < b.size * b.tgtLen; r++) {
    if (b.targetMask[r] === 0) continue;
    const off = r * V;
    const target = b.target[r];
    if (argmax(logits, off, V) === target) correct++;
    let m = -Infinity;
    for (let j = 0; j < V; j++) m = Math.max(m, logits[off + j]);
    let sum = 0;
    for (let j = 0; j < V; j++) sum += Math.exp(logits[off + j] - m);
    lossSum += m + Math.log(sum) - logits[off + target];
    counted++;
  }
  return {
    step,
    accuracy: counted > 0 ? correct / counted : 0,
    valLoss: counted > 0 ? lossSum / counted : 0,
    ...lineMasses(b, attention?.cross[attention.cross.length - 1]),
  };
}

/**
 * Cross-attention of the LAST decoder layer, averaged over its heads, summarised over held-out examples: the share
 * of mass on the anti-diagonal (reverse), the diagonal (copy) and the best other straight line.
 */
function lineMasses(
  b: Seq2SeqBatch,
  cross: Float32Array | undefined,
): { antiDiagonalMass: number; diagonalMass: number; otherLineMass: number } {
  if (!cross) return { antiDiagonalMass: 0, diagonalMass: 0, otherLineMass: 0 };
  const T = b.tgtLen;
  const S = b.srcLen;
  const H = cross.length / (b.size * T * S);
  const mean = new Float32Array(T * S);
  let anti = 0;
  let diag = 0;
  let other = 0;
  for (let e = 0; e < b.size; e++) {
    mean.fill(0);
    for (let h = 0; h < H; h++) {
      const base = (e * H + h) * T * S;
      for (let i = 0; i < T * S; i++) mean[i] += cross[base + i] / H;
    }
    let n = 0;
    for (let i = 0; i < S; i++) n += b.srcMask[e * S + i];
    anti += antiDiagonalMass(mean, S, n);
    diag += diagonalMass(mean, S, n);
    other += largestOtherLineMass(mean, S, n);
  }
  return { antiDiagonalMass: anti / b.size, diagonalMass: diag / b.size, otherLineMass: other / b.size };
}

/** Greedy decoding of held-out sources, batched: the share of sequences reproduced exactly (with </s>). */
export function greedySequenceAccuracy(net: Seq2SeqNet, examples: readonly Seq2SeqExample[]): number {
  if (examples.length === 0) return 0;
  const batch = toBatch(examples);
  const output = greedyDecodeBatch(net, batch);
  const B = batch.size;
  const T = batch.tgtLen;
  let right = 0;
  for (let e = 0; e < B; e++) {
    let ok = true;
    for (let t = 0; t < T && ok; t++) {
      if (batch.targetMask[e * T + t] === 0) break;
      ok = output[e * T + t] === batch.target[e * T + t];
    }
    if (ok) right++;
  }
  return right / B;
}

/** The tokens the model writes for each source of `batch` when it feeds back its own choices, [B, T]. */
function greedyDecodeBatch(net: Seq2SeqNet, batch: Seq2SeqBatch): Int32Array {
  const V = net.config.vocabSize;
  const B = batch.size;
  const T = batch.tgtLen;
  const generated = new Int32Array(B * T).fill(PAD);
  for (let e = 0; e < B; e++) generated[e * T] = BOS;
  const output = new Int32Array(B * T).fill(PAD);
  for (let t = 0; t < T; t++) {
    // Decoder input so far: [B, t + 1]
    const decoderInput = new Int32Array(B * (t + 1));
    for (let e = 0; e < B; e++) decoderInput.set(generated.subarray(e * T, e * T + t + 1), e * (t + 1));
    const { logits } = net.evaluate(
      { batch: B, srcLen: batch.srcLen, tgtLen: t + 1, src: batch.src, decoderInput },
      false,
    );
    for (let e = 0; e < B; e++) {
      const off = (e * (t + 1) + t) * V;
      // Choose among </s> and the symbols (never <pad> or <s>).
      const token = EOS + argmax(logits, off + EOS, V - EOS);
      output[e * T + t] = token;
      if (t + 1 < T) generated[e * T + t + 1] = token;
    }
  }
  return output;
}
