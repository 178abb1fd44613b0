/**
 * GloVe text format: one word per line followed by its vector, space-separated ("king 0.50451 0.68607 …").
 * Parsed incrementally (feed chunks as they are read), size-capped, never trusting the file: a bad line is skipped
 * and reported with its line number, the rest still loads.
 *
 *   const parser = new GloveParser({ maxWords: 50_000 });
 *   for (const chunk of chunks) parser.push(chunk);
 *   const { words, vectors, dim, problems, truncated } = parser.finish();   // vectors [words.length, dim]
 */

export interface GloveOptions {
  /** Stop after this many words (default 100,000). */
  maxWords?: number;
  /** Stop after this many characters of input (default 64 MB). */
  maxChars?: number;
  /** Expected dimension; default: taken from the first valid line. */
  dim?: number;
  /** Keep at most this many problem reports (default 100); the count is still exact. */
  maxProblems?: number;
  /** Stop once words × dim reaches this many numbers (default 10,000,000 = 40 MB of float32). */
  maxValues?: number;
  /** Skip (and report) lines longer than this many characters (default 65,536; a 300-d line is ~3,000). */
  maxLineChars?: number;
}

export interface GloveProblem {
  line: number;
  message: string;
}

export interface GloveResult {
  words: string[];
  /** Row-major [words.length, dim]. */
  vectors: Float32Array;
  dim: number;
  problems: GloveProblem[];
  problemCount: number;
  /** True if a size cap stopped parsing early. */
  truncated: boolean;
  /** Lines read (including bad and blank ones). */
  lines: number;
}

export class GloveParser {
  private readonly maxWords: number;
  private readonly maxChars: number;
  private readonly maxProblems: number;
  private readonly maxValues: number;
  private readonly maxLineChars: number;
  /** Inside an over-long line: drop input until its end. */
  private skipping = false;
  private dim: number;
  private readonly words: string[] = [];
  private readonly seen = new Set<string>();
  private values: Float32Array = new Float32Array(0);
  private rest = '';
  private line = 0;
  private chars = 0;
  private stopped = false;
  private truncated = false;
  private readonly problems: GloveProblem[] = [];
  private problemCount = 0;

  constructor(options: GloveOptions = {}) {
    this.maxWords = options.maxWords ?? 100_000;
    this.maxChars = options.maxChars ?? 64 * 1024 * 1024;
    this.maxProblems = options.maxProblems ?? 100;
    this.maxValues = options.maxValues ?? 10_000_000;
    this.maxLineChars = options.maxLineChars ?? 65_536;
    this.dim = options.dim ?? 0;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    this.chars += chunk.length;
    if (this.chars > this.maxChars) {
      chunk = chunk.slice(0, Math.max(0, chunk.length - (this.chars - this.maxChars)));
      this.stop();
    }
    if (this.skipping) {
      const end = chunk.indexOf('\n');
      if (end < 0) return;
      this.skipping = false;
      chunk = chunk.slice(end + 1);
    }
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = this.stopped ? '' : lines.pop()!;
    for (const l of lines) {
      if (this.full()) {
        this.stop();
        return;
      }
      this.parseLine(l);
    }
    if (this.rest.length > this.maxLineChars) {
      // A line this long is not a word vector (a binary file, or a file without line breaks): skip to its end.
      this.line++;
      this.report(`line is longer than ${this.maxLineChars} characters`);
      this.rest = '';
      this.skipping = true;
    }
  }

  private full(): boolean {
    return (
      this.words.length >= this.maxWords ||
      (this.dim > 0 && (this.words.length + 1) * this.dim > this.maxValues)
    );
  }

  /** Words kept so far. */
  get wordCount(): number {
    return this.words.length;
  }

  /** A cap was reached: further input is ignored. */
  get isStopped(): boolean {
    return this.stopped;
  }

  finish(): GloveResult {
    if (!this.stopped && !this.skipping && this.rest.length > 0) {
      if (this.full()) this.stop();
      else this.parseLine(this.rest);
    }
    this.rest = '';
    const n = this.words.length;
    return {
      words: this.words.slice(),
      vectors: this.values.slice(0, n * this.dim),
      dim: this.dim,
      problems: this.problems.slice(),
      problemCount: this.problemCount,
      truncated: this.truncated,
      lines: this.line,
    };
  }

  private stop(): void {
    this.stopped = true;
    this.truncated = true;
  }

  private report(message: string): void {
    this.problemCount++;
    if (this.problems.length < this.maxProblems) this.problems.push({ line: this.line, message });
  }

  private parseLine(raw: string): void {
    this.line++;
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineText.trim() === '') return;
    if (lineText.length > this.maxLineChars)
      return this.report(`line is longer than ${this.maxLineChars} characters`);
    const parts = lineText.trim().split(/\s+/);
    const word = parts[0];
    const nums = parts.length - 1;
    if (nums === 0) return this.report(`'${word.slice(0, 40)}' has no vector`);
    if (this.dim === 0) this.dim = nums;
    if (nums !== this.dim)
      return this.report(`'${word.slice(0, 40)}' has ${nums} values, expected ${this.dim}`);
    if (this.seen.has(word)) return this.report(`duplicate word '${word.slice(0, 40)}'`);
    const row = new Float32Array(this.dim);
    for (let i = 0; i < this.dim; i++) {
      const v = Number(parts[i + 1]);
      if (!Number.isFinite(v)) return this.report(`'${word.slice(0, 40)}': value ${i + 1} is not a number`);
      row[i] = v;
    }
    const n = this.words.length;
    if (this.values.length < (n + 1) * this.dim) {
      const grown = new Float32Array(Math.max((n + 1) * this.dim, this.values.length * 2, 1024));
      grown.set(this.values);
      this.values = grown;
    }
    this.values.set(row, n * this.dim);
    this.words.push(word);
    this.seen.add(word);
  }
}

/** Parse a whole GloVe text at once (see GloveParser). */
export function parseGlove(text: string, options: GloveOptions = {}): GloveResult {
  const p = new GloveParser(options);
  p.push(text);
  return p.finish();
}

/** Cosine similarity of rows i and j of a [n, dim] matrix (0 if either is all zeros). */
export function cosineSimilarity(vectors: Float32Array, dim: number, i: number, j: number): number {
  let dot = 0;
  let ni = 0;
  let nj = 0;
  for (let k = 0; k < dim; k++) {
    const a = vectors[i * dim + k];
    const b = vectors[j * dim + k];
    dot += a * b;
    ni += a * a;
    nj += b * b;
  }
  return ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
}

/** The k rows most similar to row i (excluding i), by cosine similarity, best first. */
export function nearestNeighbours(
  vectors: Float32Array,
  dim: number,
  i: number,
  k: number,
): { index: number; similarity: number }[] {
  const n = dim > 0 ? vectors.length / dim : 0;
  const scored: { index: number; similarity: number }[] = [];
  for (let j = 0; j < n; j++)
    if (j !== i) scored.push({ index: j, similarity: cosineSimilarity(vectors, dim, i, j) });
  scored.sort((a, b) => b.similarity - a.similarity);
  return scored.slice(0, Math.max(0, k));
}
