/**
 * The GloVe loader's worker side, free of worker globals so Node tests can drive it: `handle(request)` answers
 * through `post`. Loading streams the Blob through a fatal UTF-8 decoder into the core's GloveParser, so a
 * binary or non-UTF-8 file fails with a message, a huge file is cut at the caps, and progress is reported as it goes.
 */
import { GloveParser, type GloveResult } from '../../core';
import { analogy, mostSimilar, pca2, rowNorms } from '../../experiments/embeddings/vectors';
import {
  DEFAULT_GLOVE_LIMITS,
  type GloveLimits,
  type GloveRequest,
  type GloveResponse,
  type GloveSummary,
} from '../gloveProtocol';

interface Table {
  words: string[];
  vectors: Float32Array;
  dim: number;
  norms: Float32Array;
  stoi: Map<string, number>;
}

/** Progress messages at most this often (ms). */
const PROGRESS_EVERY = 100;

export class GloveHost {
  private table: Table | null = null;
  /** The id of the newest load; an older one still streaming stops when it sees this change. */
  private current = -1;

  constructor(
    private readonly post: (msg: GloveResponse, transfer?: Transferable[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async handle(req: GloveRequest): Promise<void> {
    try {
      if (req.type === 'load') return await this.load(req.id, req.file, req.name, req.limits);
      const t = this.table;
      if (!t) return this.post({ type: 'failed', id: req.id, message: 'No vectors are loaded yet.' });
      if (req.type === 'neighbours') return this.neighbours(t, req.id, req.word, req.k);
      if (req.type === 'analogy') return this.analogy(t, req);
      if (req.type === 'lookup') return this.lookup(t, req.id, req.word, req.index);
      if (req.type === 'projection') return this.projection(t, req.id, req.n);
    } catch (e) {
      this.post({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async load(id: number, file: Blob, name: string, partial?: Partial<GloveLimits>): Promise<void> {
    this.current = id;
    const limits = { ...DEFAULT_GLOVE_LIMITS, ...partial };
    const start = this.now();
    const totalBytes = file.size;
    if (totalBytes === 0) return this.post({ type: 'failed', id, message: `“${name}” is empty.` });
    const parser = new GloveParser({ maxWords: limits.maxWords, maxValues: limits.maxValues });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const reader = file.stream().getReader();
    let bytesRead = 0;
    let lastProgress = start;
    let cutAtBytes = false;
    let firstChunk = true;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (this.current !== id) return void reader.cancel();
      let bytes = value;
      if (bytesRead + bytes.length > limits.maxBytes) {
        bytes = bytes.subarray(0, limits.maxBytes - bytesRead);
        cutAtBytes = true;
      }
      if (firstChunk && looksBinary(bytes.subarray(0, 4096))) {
        void reader.cancel();
        return this.post({
          type: 'failed',
          id,
          message: `“${name}” looks like a binary file, not GloVe text.`,
        });
      }
      firstChunk = false;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: !cutAtBytes });
      } catch {
        void reader.cancel();
        return this.post({ type: 'failed', id, message: notUtf8(name, bytesRead) });
      }
      bytesRead += bytes.length;
      parser.push(text);
      if (this.now() - lastProgress > PROGRESS_EVERY) {
        lastProgress = this.now();
        this.post({ type: 'progress', id, bytesRead, totalBytes, words: parser.wordCount });
      }
      if (cutAtBytes || parser.isStopped) {
        void reader.cancel();
        break;
      }
    }
    if (!cutAtBytes) {
      try {
        parser.push(decoder.decode());
      } catch {
        return this.post({ type: 'failed', id, message: notUtf8(name, bytesRead) });
      }
    }
    const result = parser.finish();
    const summary = summarise(result, name, bytesRead, totalBytes, cutAtBytes, limits, this.now() - start);
    if (result.words.length === 0) {
      return this.post({ type: 'failed', id, message: `No word vectors found in “${name}”.`, summary });
    }
    this.table = {
      words: result.words,
      vectors: result.vectors,
      dim: result.dim,
      norms: rowNorms(result.vectors, result.dim),
      stoi: new Map(result.words.map((w, i) => [w, i])),
    };
    this.post({ type: 'loaded', id, summary });
  }

  private index(t: Table, word: string): number | undefined {
    return t.stoi.get(word) ?? t.stoi.get(word.toLowerCase());
  }

  private neighbours(t: Table, id: number, word: string, k: number) {
    const i = this.index(t, word);
    if (i === undefined) return this.post({ type: 'scored', id, items: [], missing: [word] });
    const q = t.vectors.subarray(i * t.dim, (i + 1) * t.dim);
    const found = mostSimilar(t.vectors, t.dim, t.norms, q, clampK(k), new Set([i]));
    this.post({
      type: 'scored',
      id,
      items: found.map((s) => ({ word: t.words[s.index], similarity: s.similarity })),
      missing: [],
    });
  }

  private analogy(t: Table, req: Extract<GloveRequest, { type: 'analogy' }>) {
    const words = [req.a, req.b, req.c];
    const ids = words.map((w) => this.index(t, w));
    const missing = words.filter((_, k) => ids[k] === undefined);
    if (missing.length > 0) return this.post({ type: 'scored', id: req.id, items: [], missing });
    const [a, b, c] = ids as number[];
    const found = analogy(t.vectors, t.dim, t.norms, a, b, c, clampK(req.k));
    this.post({
      type: 'scored',
      id: req.id,
      items: found.map((s) => ({ word: t.words[s.index], similarity: s.similarity })),
      missing: [],
    });
  }

  private lookup(t: Table, id: number, word?: string, index?: number) {
    const i = word !== undefined ? this.index(t, word) : index;
    const ok = i !== undefined && Number.isInteger(i) && i >= 0 && i < t.words.length;
    this.post({
      type: 'lookup',
      id,
      word: ok ? t.words[i] : null,
      index: ok ? i : null,
      vector: ok ? Array.from(t.vectors.subarray(i * t.dim, i * t.dim + Math.min(t.dim, 8))) : null,
    });
  }

  private projection(t: Table, id: number, n: number) {
    const count = Math.max(2, Math.min(Math.floor(n) || 0, 500, t.words.length));
    const { coords } = pca2(t.vectors, t.dim, count);
    this.post({ type: 'projection', id, words: t.words.slice(0, count), coords }, [coords.buffer]);
  }
}

/** NUL or other C0 control bytes (not tab, line feed, carriage return, form feed): no text file has them. */
function looksBinary(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return true;
  }
  return false;
}

const clampK = (k: number) => Math.max(1, Math.min(20, Math.floor(k) || 1));

function notUtf8(name: string, byte: number): string {
  return `“${name}” is not UTF-8 text (an invalid byte sequence near byte ${byte.toLocaleString('en')}).`;
}

function summarise(
  r: GloveResult,
  name: string,
  bytesRead: number,
  totalBytes: number,
  cutAtBytes: boolean,
  limits: GloveLimits,
  milliseconds: number,
): GloveSummary {
  let truncated: string | null = null;
  if (cutAtBytes) truncated = `read only the first ${mb(limits.maxBytes)} of ${mb(totalBytes)}`;
  else if (r.truncated)
    truncated =
      r.words.length >= limits.maxWords
        ? `kept the first ${limits.maxWords.toLocaleString('en')} words`
        : `kept the first ${r.words.length.toLocaleString('en')} words (at most ${limits.maxValues.toLocaleString('en')} numbers)`;
  return {
    name,
    words: r.words.length,
    dim: r.dim,
    lines: r.lines,
    bytesRead,
    totalBytes,
    truncated,
    problems: r.problems,
    problemCount: r.problemCount,
    first: r.words.slice(0, 12),
    milliseconds,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
