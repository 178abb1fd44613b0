/**
 * Autoregressive decoding, one token at a time, keeping everything a figure needs at every step: the logits and
 * softmax of the last position, the chosen token, and the new token's cross-attention over the source.
 *
 * Step t feeds <s> y₀ … y_{t−1} to the decoder; the prediction comes from the LAST position's logits only.
 * Greedy takes the argmax; sampling draws from softmax(logits / τ) with a seeded generator (same seed, same draw).
 */
import { BOS, EOS } from '../../core/data/seq2seq';
import { Rng } from '../../core/random';
import { argmax, softmaxValues } from '../../core/sampling';
import type { Seq2SeqNet } from './net';

export interface DecodeStep {
  /** Chosen token id. */
  token: number;
  /** Logits of the last position [V]. */
  logits: Float32Array;
  /** softmax(logits / τ) [V] (τ = 1 for greedy). */
  probs: Float32Array;
  /** Cross-attention of the new position, per decoder layer and head: [L, H, S]. */
  cross: Float32Array;
}

export interface DecodeOptions {
  mode: 'greedy' | 'sample';
  temperature: number;
  /** Stop after this many tokens even without </s>. */
  maxSteps: number;
  seed: number;
}

/** softmax(z / τ), stable; τ is clamped to ≥ 0.01 (the core's softmaxValues, as float32). */
export function softmaxWithTemperature(logits: ArrayLike<number>, temperature: number): Float32Array {
  const tau = Math.max(0.01, Number.isFinite(temperature) ? temperature : 1);
  return Float32Array.from(softmaxValues(logits, tau));
}

/** Decode one source sequence token by token. Special tokens other than </s> are never chosen. */
export function decodeSequence(
  net: Seq2SeqNet,
  src: readonly number[],
  options: DecodeOptions,
): DecodeStep[] {
  const V = net.config.vocabSize;
  const S = src.length;
  const steps: DecodeStep[] = [];
  if (S === 0) return steps;
  const rng = new Rng(options.seed);
  const generated: number[] = [BOS];
  const srcIds = Int32Array.from(src);
  for (let t = 0; t < options.maxSteps; t++) {
    const T = generated.length;
    const { logits, attention } = net.evaluate(
      { batch: 1, srcLen: S, tgtLen: T, src: srcIds, decoderInput: Int32Array.from(generated) },
      true,
    );
    const last = logits.slice((T - 1) * V, T * V); // [V]
    // <pad> and <s> are never valid outputs: mask them out of the choice (not out of the shown logits).
    const masked = Float32Array.from(last, (z, i) => (i === EOS || i > EOS ? z : -Infinity));
    const probs = softmaxWithTemperature(masked, options.mode === 'greedy' ? 1 : options.temperature);
    const token = options.mode === 'greedy' ? argmax(probs) : rng.categorical(probs);
    const cross = attention ? crossOfLastRow(attention.cross, T, S) : new Float32Array(0);
    steps.push({ token, logits: last, probs, cross });
    if (token === EOS) break;
    generated.push(token);
  }
  return steps;
}

/** The last query row of every layer's cross-attention [1, H, T, S] → [L, H, S]. */
function crossOfLastRow(cross: readonly Float32Array[], T: number, S: number): Float32Array {
  const L = cross.length;
  const H = L > 0 ? cross[0].length / (T * S) : 0;
  const out = new Float32Array(L * H * S);
  for (let l = 0; l < L; l++)
    for (let h = 0; h < H; h++)
      out.set(cross[l].subarray((h * T + T - 1) * S, (h * T + T) * S), (l * H + h) * S);
  return out;
}
