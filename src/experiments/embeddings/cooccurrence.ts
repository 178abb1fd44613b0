/**
 * Word–word co-occurrence counts, the statistics GloVe learns from. Within each sentence, every pair of words at
 * distance 1 … window adds 1/distance to X[i][j] and to X[j][i] (closer words count more; the GloVe paper's choice).
 * Sentences do not see each other. The result is sparse: only pairs that ever met are stored.
 */
import { Vocab, wordTokens } from '../../core';

export interface Cooccurrence {
  /** Vocabulary, most frequent word first (no <unk>: every corpus word is in it). */
  vocab: Vocab;
  /** How often each word occurs, by id. */
  frequency: Int32Array;
  /** The non-zero entries X[rows[k]][cols[k]] = values[k], in row-major order. */
  rows: Int32Array;
  cols: Int32Array;
  values: Float32Array;
}

/** Counts co-occurrences of the words of `sentences` within `window` words of each other. */
export function countCooccurrences(sentences: readonly string[], window: number): Cooccurrence {
  const tokenised = sentences.map((s) => wordTokens(s));
  const vocab = Vocab.fromTokens(tokenised.flat(), { specials: [] });
  const V = vocab.size;
  const frequency = new Int32Array(V);
  const cells = new Map<number, number>(); // key i·V + j → weighted count
  for (const tokens of tokenised) {
    const ids = vocab.encode(tokens);
    for (let p = 0; p < ids.length; p++) {
      frequency[ids[p]]++;
      for (let d = 1; d <= window && p + d < ids.length; d++) {
        const i = ids[p];
        const j = ids[p + d];
        cells.set(i * V + j, (cells.get(i * V + j) ?? 0) + 1 / d);
        cells.set(j * V + i, (cells.get(j * V + i) ?? 0) + 1 / d);
      }
    }
  }
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const rows = new Int32Array(keys.length);
  const cols = new Int32Array(keys.length);
  const values = new Float32Array(keys.length);
  keys.forEach((key, k) => {
    rows[k] = Math.floor(key / V);
    cols[k] = key % V;
    values[k] = cells.get(key)!;
  });
  return { vocab, frequency, rows, cols, values };
}

/** The dense top-left block X[0…n)[0…n) (the n most frequent words), row-major [n, n]. */
export function denseBlock(c: Cooccurrence, n: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let k = 0; k < c.rows.length; k++) {
    if (c.rows[k] < n && c.cols[k] < n) out[c.rows[k] * n + c.cols[k]] = c.values[k];
  }
  return out;
}
