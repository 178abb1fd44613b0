/**
 * Picking tokens from logits (generation in the RNN, LSTM and Transformer chapters). Plain numbers in, an index out;
 * nothing here is differentiable or recorded.
 */
import type { Rng } from './random';

/** Index of the largest value in values[offset, offset + length) (relative to offset; first one on ties). */
export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[offset + i] > values[offset + best]) best = i;
  return best;
}

/**
 * softmax(logits / temperature) as plain probabilities (max-subtracted, so large logits are safe). A temperature
 * that is not a positive finite number is treated as 1.
 */
export function softmaxValues(
  logits: ArrayLike<number>,
  temperature = 1,
  offset = 0,
  length = logits.length - offset,
): Float64Array {
  const t = Number.isFinite(temperature) && temperature > 0 ? temperature : 1;
  const p = new Float64Array(length);
  let m = -Infinity;
  for (let i = 0; i < length; i++) m = Math.max(m, logits[offset + i] / t);
  let s = 0;
  for (let i = 0; i < length; i++) {
    p[i] = Math.exp(logits[offset + i] / t - m);
    s += p[i];
  }
  for (let i = 0; i < length; i++) p[i] = s > 0 && Number.isFinite(s) ? p[i] / s : 1 / length;
  return p;
}

/**
 * Sample an index from softmax(logits / temperature) with a seeded generator. temperature → 0 approaches greedy
 * (argmax); 0 itself means greedy.
 */
export function sampleLogits(
  logits: ArrayLike<number>,
  rng: Rng,
  temperature = 1,
  offset = 0,
  length = logits.length - offset,
): number {
  if (temperature === 0) return argmax(logits, offset, length);
  return rng.categorical(softmaxValues(logits, temperature, offset, length));
}
