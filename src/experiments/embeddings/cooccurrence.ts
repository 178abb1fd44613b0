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

/** X restricted to the given words (rows and columns in that order), row-major [n, n]; unknown words give zeros. */
export function subBlock(c: Cooccurrence, words: readonly string[]): Float32Array {
  const n = words.length;
  const position = new Map<number, number>();
  words.forEach((w, k) => {
    const id = c.vocab.stoi.get(w);
    if (id !== undefined) position.set(id, k);
  });
  const out = new Float32Array(n * n);
  for (let k = 0; k < c.rows.length; k++) {
    const r = position.get(c.rows[k]);
    const col = position.get(c.cols[k]);
    if (r !== undefined && col !== undefined) out[r * n + col] = c.values[k];
  }
  return out;
}
