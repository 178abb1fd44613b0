/**
 * Characters → ids for the char-level language model, the unigram baseline, and the truncated-BPTT chunk schedule.
 *
 *   const vocab = charVocab(text, 96);            // most frequent characters first, capped; the rest map to '�'
 *   const ids = encodeChars(vocab, text);          // Int32Array
 *   unigramBits(ids, vocab.size);                  // entropy of the character frequencies, bits per character
 *   const chunks = new ChunkSchedule(ids.length, { streams: 8, chunk: 24 });
 *   const { starts, length, fresh } = chunks.next(); // B windows of `length` inputs (+1 target), h reset if fresh
 */
import { Vocab } from '../../core/data/text';

/** Stands for every character that did not make it into a capped vocabulary. */
export const UNKNOWN_CHAR = '\uFFFD';

/**
 * A character vocabulary, most frequent first. Characters are Unicode code points (so emoji stay whole). When the text
 * has more than `maxSize` distinct characters the rarest ones share the unknown symbol, which then comes first.
 */
export function charVocab(text: string, maxSize: number): Vocab {
  const chars = [...text];
  const distinct = new Set(chars).size;
  if (distinct <= maxSize) return Vocab.fromTokens(chars, { specials: [] });
  return Vocab.fromTokens(chars, { specials: [UNKNOWN_CHAR], maxSize });
}

/** Ids of the text's characters (unknown ones → the vocabulary's unknown id; dropped if it has none). */
export function encodeChars(vocab: Vocab, text: string): Int32Array {
  const chars = [...text];
  if (vocab.unk >= 0) return vocab.encode(chars);
  return vocab.encode(chars.filter((c) => vocab.stoi.has(c)));
}

/** Entropy of the character frequencies in bits: the loss of the best model that ignores all context. */
export function unigramBits(ids: ArrayLike<number>, vocabSize: number): number {
  const counts = new Float64Array(vocabSize);
  for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
  let bits = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / ids.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface Chunk {
  /** Where each stream's window starts: inputs ids[s … s+length−1], targets ids[s+1 … s+length]. [B] */
  starts: Int32Array;
  /** Characters in this chunk (≤ p; the last chunk of a pass may be shorter so no transition is skipped). */
  length: number;
  /** First chunk of a pass: every stream starts from h₀ = 0 instead of carrying its hidden state. */
  fresh: boolean;
}

/**
 * Truncated backpropagation through time: the text is cut into `streams` equal segments read side by side (one per
 * batch row), each in consecutive chunks of p characters. The hidden state is carried from one chunk to the next
 * (gradients stop at the chunk boundary) and reset to zero at the start of every pass, so each character transition of
 * every segment is trained exactly once per pass.
 */
export class ChunkSchedule {
  /** Characters per segment. */
  readonly segment: number;
  readonly streams: number;
  chunk: number;
  /** Offset of the next chunk inside every segment. */
  private cursor = 0;
  /** Completed passes over the text. */
  passes = 0;

  constructor(textLength: number, options: { streams: number; chunk: number }) {
    // Each segment needs at least two characters (one input, one target).
    this.streams = Math.max(1, Math.min(options.streams, Math.floor(textLength / 2)));
    this.segment = Math.floor(textLength / this.streams);
    this.chunk = 1;
    this.setChunk(options.chunk);
  }

  /** Change p (clamped to 1 … segment − 1); takes effect at the next chunk, the hidden state is kept. */
  setChunk(p: number): void {
    this.chunk = Math.max(1, Math.min(Math.round(p), this.segment - 1));
  }

  /** Chunks per pass over the text. */
  get chunksPerPass(): number {
    return Math.ceil((this.segment - 1) / this.chunk);
  }

  next(): Chunk {
    const fresh = this.cursor === 0;
    const length = Math.min(this.chunk, this.segment - 1 - this.cursor);
    const starts = new Int32Array(this.streams);
    for (let b = 0; b < this.streams; b++) starts[b] = b * this.segment + this.cursor;
    this.cursor += length;
    if (this.cursor >= this.segment - 1) {
      this.cursor = 0;
      this.passes++;
    }
    return { starts, length, fresh };
  }
}

/** The windows of a chunk as [B, T] input ids and [B·T] next-character targets. */
export function chunkIds(ids: ArrayLike<number>, chunk: Chunk): { inputs: Int32Array; targets: Int32Array } {
  const B = chunk.starts.length;
  const T = chunk.length;
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  for (let b = 0; b < B; b++) {
    const s = chunk.starts[b];
    for (let t = 0; t < T; t++) {
      inputs[b * T + t] = ids[s + t];
      targets[b * T + t] = ids[s + t + 1];
    }
  }
  return { inputs, targets };
}
