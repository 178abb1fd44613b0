/**
 * Text → tokens → ids, for the embeddings, RNN and LSTM chapters.
 *
 *   const vocab = Vocab.fromTokens(wordTokens('hello world! hello'));   // itos ['<unk>', 'hello', '!', 'world']
 *   vocab.encode(wordTokens('hello there'))                             // Int32Array [1, 0]   (unknown → <unk>)
 *   const chars = Vocab.fromTokens([...'hello world'], { specials: [] }); // character vocabulary
 *   const { inputs, targets } = sampleWindows(ids, 32, 16, rng);       // next-token training windows
 *   const xs = oneHotSequence(inputs, [16, 32], chars.size);            // [B, T, V] for RNNCell / LSTMCell
 */
import type { Rng } from '../random';
import { Tensor } from '../tensor';

/** Words and punctuation marks: "Hello, world!" → ['hello', ',', 'world', '!'] (lower-cased unless keepCase). */
export function wordTokens(text: string, options: { keepCase?: boolean } = {}): string[] {
  const source = options.keepCase ? text : text.toLowerCase();
  return source.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

export interface VocabOptions {
  /** Tokens placed first, in order (default ['<unk>']; the first one is used for unknown tokens). */
  specials?: readonly string[];
  /** Drop tokens seen fewer times (default 1). */
  minCount?: number;
  /** Keep at most this many tokens, most frequent first (specials included). */
  maxSize?: number;
}

/** A vocabulary: itos (index → string) and stoi (string → index). Ordered by frequency, then first appearance. */
export class Vocab {
  readonly itos: readonly string[];
  readonly stoi: ReadonlyMap<string, number>;
  /** Id used for unknown tokens (-1 if there are no specials: unknown tokens then throw in encode). */
  readonly unk: number;

  constructor(itos: readonly string[], unk = 0) {
    this.itos = itos;
    const stoi = new Map<string, number>();
    itos.forEach((t, i) => stoi.set(t, i));
    this.stoi = stoi;
    this.unk = unk < itos.length ? unk : -1;
  }

  static fromTokens(tokens: Iterable<string>, options: VocabOptions = {}): Vocab {
    const specials = options.specials ?? ['<unk>'];
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    const minCount = options.minCount ?? 1;
    const ordered = [...counts.entries()]
      .filter(([t, c]) => c >= minCount && !specials.includes(t))
      .sort((a, b) => b[1] - a[1]) // stable: ties keep first appearance
      .map(([t]) => t);
    const itos = [...specials, ...ordered];
    const max = options.maxSize ?? Infinity;
    return new Vocab(itos.slice(0, Math.max(specials.length, max)), specials.length > 0 ? 0 : -1);
  }

  get size(): number {
    return this.itos.length;
  }

  /** Token ids; unknown tokens map to `unk` (or throw when the vocabulary has no unknown token). */
  encode(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      const id = this.stoi.get(t);
      if (id !== undefined) ids[i] = id;
      else if (this.unk >= 0) ids[i] = this.unk;
      else throw new Error(`Vocab.encode: unknown token '${t}' and no <unk> in the vocabulary`);
    });
    return ids;
  }

  /** Tokens for ids (out-of-range ids give '?'). */
  decode(ids: ArrayLike<number>): string[] {
    return Array.from(ids, (id) => this.itos[id] ?? '?');
  }
}

/**
 * B random windows of T + 1 consecutive ids: inputs = ids[s … s+T−1], targets = ids[s+1 … s+T] (next token).
 * Both are [B, T] row-major. Needs ids.length ≥ T + 1.
 */
export function sampleWindows(
  ids: ArrayLike<number>,
  T: number,
  B: number,
  rng: Rng,
): { inputs: Int32Array; targets: Int32Array; starts: Int32Array } {
  if (ids.length < T + 1) throw new Error(`sampleWindows: need at least ${T + 1} ids, got ${ids.length}`);
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  const starts = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const s = rng.int(ids.length - T);
    starts[b] = s;
    for (let t = 0; t < T; t++) {
      inputs[b * T + t] = ids[s + t];
      targets[b * T + t] = ids[s + t + 1];
    }
  }
  return { inputs, targets, starts };
}

/** ids [B, T] → one-hot Tensor [B, T, V] (constant). Ids outside [0, V) give all-zero rows. */
export function oneHotSequence(ids: ArrayLike<number>, shape: readonly [number, number], V: number): Tensor {
  const [B, T] = shape;
  if (B * T !== ids.length) throw new Error(`oneHotSequence: ${ids.length} ids do not fill [${B}, ${T}]`);
  const data = new Float32Array(B * T * V);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id >= 0 && id < V) data[i * V + id] = 1;
  }
  return new Tensor(data, [B, T, V]);
}
