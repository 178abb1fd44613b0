/**
 * Messages between the page and the GloVe loader worker (glove.worker.ts). The file is read, decoded and parsed
 * in the worker; the vectors stay there and the page asks questions about them (neighbours, analogies, look-ups,
 * a 2-D projection). Every request carries an `id`; the answer repeats it.
 */

export interface GloveLimits {
  /** Bytes read at most; the rest of a bigger file is ignored (its first lines are its most frequent words). */
  maxBytes: number;
  maxWords: number;
  /** words × dim at most. */
  maxValues: number;
}

export const DEFAULT_GLOVE_LIMITS: GloveLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxWords: 100_000,
  maxValues: 10_000_000,
};

export type GloveRequest =
  | { type: 'load'; id: number; file: Blob; name: string; limits?: Partial<GloveLimits> }
  | { type: 'neighbours'; id: number; word: string; k: number }
  | { type: 'analogy'; id: number; a: string; b: string; c: string; k: number }
  | { type: 'lookup'; id: number; word?: string; index?: number }
  | { type: 'projection'; id: number; n: number };

export interface GloveSummary {
  name: string;
  words: number;
  dim: number;
  lines: number;
  bytesRead: number;
  totalBytes: number;
  /** Why loading stopped early (a cap), or null. */
  truncated: string | null;
  problems: { line: number; message: string }[];
  problemCount: number;
  /** The first words of the file (its most frequent ones). */
  first: string[];
  milliseconds: number;
}

export interface ScoredWord {
  word: string;
  similarity: number;
}

export type GloveResponse =
  | { type: 'progress'; id: number; bytesRead: number; totalBytes: number; words: number }
  | { type: 'loaded'; id: number; summary: GloveSummary }
  | { type: 'failed'; id: number; message: string; summary?: GloveSummary }
  | { type: 'scored'; id: number; items: ScoredWord[]; missing: string[] }
  | { type: 'lookup'; id: number; word: string | null; index: number | null; vector: number[] | null }
  | { type: 'projection'; id: number; words: string[]; coords: Float32Array };
