/**
 * A headline topic classifier over word vectors: the mean of the vectors of the headline's known words → a linear
 * layer → softmax over the classes. Pure functions shared by the trainer (worker) and the page (typed headlines).
 *
 *   x = (1/n) Σ_t E[id(w_t)]          (only words in the table's vocabulary; n of them)   x [d]
 *   p = softmax(x Wᵀ + b)                                                              W [C, d], b [C]
 *
 * The mean is written as a matrix product so it is differentiable for the learned embedding: a "bag" row a with
 * a_v = (count of word v) / n gives x = a E ([N, V] · [V, d] → [N, d]).
 */
import { wordTokens } from '../../core';
import { softmaxValues } from '../../core/sampling';

/** What the page needs to classify a typed headline: one model's tables, plain arrays (they travel in frames). */
export interface BagModel {
  /** The embedding's vocabulary: row i of `vectors` belongs to words[i]. */
  words: readonly string[];
  dim: number;
  /** [V, dim] row-major. */
  vectors: Float32Array;
  /** [C, dim] row-major (row c scores class c). */
  weight: Float32Array;
  /** [C]. */
  bias: Float32Array;
}

/** Bag rows of N texts over a vocabulary: [N, V] row-major, each row the word shares of its known words. */
export function bagRows(texts: readonly string[], index: ReadonlyMap<string, number>): Float32Array {
  const V = index.size;
  const out = new Float32Array(texts.length * V);
  texts.forEach((text, r) => {
    const ids = knownIds(wordTokens(text), index);
    for (const id of ids) out[r * V + id] += 1 / ids.length;
  });
  return out;
}

/** Ids of the tokens that are in the vocabulary (unknown tokens are skipped, not mapped to an <unk> vector). */
export function knownIds(tokens: readonly string[], index: ReadonlyMap<string, number>): number[] {
  const ids: number[] = [];
  for (const t of tokens) {
    const id = index.get(t);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

export interface Prediction {
  /** [C] class probabilities. */
  probs: Float64Array;
  /** Index of the most probable class. */
  predicted: number;
  /** The words of the text the model has a vector for, and those it skipped. */
  known: string[];
  unknown: string[];
}

/** Classifies one text. A text with no known word is classified by the bias alone (x = 0), never an error. */
export function classifyText(model: BagModel, text: string, index?: ReadonlyMap<string, number>): Prediction {
  const lookup = index ?? new Map(model.words.map((w, i) => [w, i]));
  const tokens = wordTokens(text);
  const ids = knownIds(tokens, lookup);
  const { dim, vectors, weight, bias } = model;
  const x = new Float64Array(dim); // mean vector [d]
  for (const id of ids) for (let k = 0; k < dim; k++) x[k] += vectors[id * dim + k] / ids.length;
  const C = bias.length;
  const z = new Float64Array(C); // scores [C]
  for (let c = 0; c < C; c++) {
    let s = bias[c];
    for (let k = 0; k < dim; k++) s += weight[c * dim + k] * x[k];
    z[c] = s;
  }
  const probs = softmaxValues(z);
  let predicted = 0;
  for (let c = 1; c < C; c++) if (probs[c] > probs[predicted]) predicted = c;
  return {
    probs,
    predicted,
    known: tokens.filter((t) => lookup.has(t)),
    unknown: tokens.filter((t) => !lookup.has(t)),
  };
}

/**
 * Confusion counts [C × C] row-major: entry (true, predicted) counts texts of class `true` predicted as `predicted`.
 * Rows sum to the number of texts of each class; the diagonal holds the correct answers.
 */
export function confusionCounts(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  C: number,
): Int32Array {
  if (labels.length !== predicted.length)
    throw new Error('confusionCounts: labels and predictions differ in length');
  const out = new Int32Array(C * C);
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    const p = predicted[i];
    if (t >= 0 && t < C && p >= 0 && p < C) out[t * C + p]++;
  }
  return out;
}

/** Accuracy from confusion counts: the diagonal over the total (0 for no texts). */
export function accuracyOf(confusion: Int32Array, C: number): number {
  let right = 0;
  let all = 0;
  for (let t = 0; t < C; t++)
    for (let p = 0; p < C; p++) {
      all += confusion[t * C + p];
      if (t === p) right += confusion[t * C + p];
    }
  return all === 0 ? 0 : right / all;
}

/** Share of the tokens of `texts` that are in the vocabulary (how much of the text a model can see). */
export function coverage(texts: readonly string[], index: ReadonlyMap<string, number>): number {
  let known = 0;
  let all = 0;
  for (const text of texts)
    for (const t of wordTokens(text)) {
      all++;
      if (index.has(t)) known++;
    }
  return all === 0 ? 0 : known / all;
}
