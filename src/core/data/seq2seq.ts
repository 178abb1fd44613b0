/**
 * Toy sequence-to-sequence tasks for the Transformer chapter: reverse, sort, copy, shift (Caesar) and add.
 *
 * - Each task has its own character-level vocabulary with three special tokens: <pad> (0), <s> (1, start of the
 *   decoder input) and </s> (2, end of the target). Symbols follow.
 * - Sources are drawn from a seeded generator. A held-out set of distinct sources is drawn first; training sources
 *   are then sampled on the fly and any source that is in the held-out set is rejected, so the two never overlap.
 * - Batches are padded to the longest sequence; masks say which positions are real.
 *
 * Shapes: src [B, S] token ids (no specials); decoder input [B, T] = <s> y₀ … y_{m−1}; target [B, T] = y₀ … y_{m−1} </s>;
 * T = (longest target) + 1. Padding positions hold <pad> and have mask 0.
 */
import { Rng } from '../random';

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const SPECIAL_TOKENS = ['<pad>', '<s>', '</s>'] as const;

export type TaskId = 'reverse' | 'sort' | 'copy' | 'shift' | 'add';
export const TASK_IDS: readonly TaskId[] = ['reverse', 'sort', 'copy', 'shift', 'add'];

/** Character-level vocabulary: itos (index → string) and stoi (string → index). */
export interface Vocab {
  readonly itos: readonly string[];
  readonly stoi: ReadonlyMap<string, number>;
  readonly size: number;
}

export function makeVocab(symbols: readonly string[]): Vocab {
  const itos = [...SPECIAL_TOKENS, ...symbols];
  const stoi = new Map<string, number>();
  itos.forEach((s, i) => {
    if (stoi.has(s)) throw new Error(`duplicate token '${s}' in vocabulary`);
    stoi.set(s, i);
  });
  return { itos, stoi, size: itos.length };
}

export interface Seq2SeqTask {
  id: TaskId;
  label: string;
  /** One sentence for the page. */
  description: string;
  vocab: Vocab;
  /** Shortest and longest source (in tokens). */
  minLen: number;
  maxLen: number;
  /** Longest target, without </s>. */
  maxTargetLen: number;
  /** Draw one source (ids, no specials). */
  sampleSource(rng: Rng): number[];
  /** The correct target for a source (ids, no specials). */
  target(src: readonly number[]): number[];
  /** How many distinct sources exist (Infinity if more than 2^53). Bounds the held-out set. */
  sourceSpace: number;
  /** An example input to show by default, as text. */
  exampleText: string;
}

export interface TaskOptions {
  /** Longest source for reverse / sort / copy / shift (default 8, clamped to 2…12). Ignored by add. */
  maxLen?: number;
  /** Shortest source (default: same as maxLen, i.e. fixed length; clamped to 1…maxLen). Ignored by add. */
  minLen?: number;
  /** Caesar shift (default 3). */
  shift?: number;
}

const DIGITS = '0123456789'.split('');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** add: two operands of this many digits, zero-padded (e.g. "07+35" → "042"). */
export const ADD_DIGITS = 2;

function clampInt(v: number | undefined, lo: number, hi: number, fallback: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

function countSpace(symbols: number, minLen: number, maxLen: number): number {
  let total = 0;
  for (let len = minLen; len <= maxLen; len++) total += symbols ** len;
  return total > Number.MAX_SAFE_INTEGER ? Infinity : total;
}

/** Symbol ids for a vocabulary whose symbols follow the specials. */
function symbolIds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => SPECIAL_TOKENS.length + i);
}

function uniformSequenceSampler(symbols: readonly number[], minLen: number, maxLen: number) {
  return (rng: Rng): number[] => {
    const len = minLen + rng.int(maxLen - minLen + 1);
    return Array.from({ length: len }, () => symbols[rng.int(symbols.length)]);
  };
}

type DigitTaskId = 'reverse' | 'copy' | 'sort';

const DIGIT_TASK_TEXT: Record<DigitTaskId, [label: string, description: string]> = {
  reverse: ['Reverse', 'Write the digits in reverse order: 3 1 4 1 → 1 4 1 3.'],
  copy: ['Copy', 'Write the digits out unchanged: 3 1 4 1 → 3 1 4 1.'],
  sort: ['Sort', 'Write the digits in ascending order: 3 1 4 1 → 1 1 3 4.'],
};

/** reverse / copy / sort: digit strings of minLen…maxLen, the target a rearrangement of the source. */
function digitTask(id: DigitTaskId, minLen: number, maxLen: number): Seq2SeqTask {
  const ids = symbolIds(DIGITS.length);
  const target =
    id === 'reverse'
      ? (s: readonly number[]) => [...s].reverse()
      : id === 'copy'
        ? (s: readonly number[]) => [...s]
        : (s: readonly number[]) => [...s].sort((a, b) => a - b);
  return {
    id,
    label: DIGIT_TASK_TEXT[id][0],
    description: DIGIT_TASK_TEXT[id][1],
    vocab: makeVocab(DIGITS),
    minLen,
    maxLen,
    maxTargetLen: maxLen,
    sampleSource: uniformSequenceSampler(ids, minLen, maxLen),
    target,
    sourceSpace: countSpace(ids.length, minLen, maxLen),
    exampleText: '31415926'.slice(0, maxLen),
  };
}

/** shift: letters moved k places on in the alphabet, wrapping around (a Caesar cipher). */
function shiftTask(k: number, minLen: number, maxLen: number): Seq2SeqTask {
  const ids = symbolIds(LETTERS.length);
  const base = SPECIAL_TOKENS.length;
  return {
    id: 'shift',
    label: 'Shift (Caesar)',
    description: `Replace every letter by the one ${k} places later, wrapping around: a b y z → ${[
      0, 1, 24, 25,
    ]
      .map((i) => LETTERS[(i + k) % 26])
      .join(' ')}.`,
    vocab: makeVocab(LETTERS),
    minLen,
    maxLen,
    maxTargetLen: maxLen,
    sampleSource: uniformSequenceSampler(ids, minLen, maxLen),
    target: (s) => s.map((t) => base + ((t - base + k) % LETTERS.length)),
    sourceSpace: countSpace(ids.length, minLen, maxLen),
    exampleText: 'transfor'.slice(0, maxLen),
  };
}

/** add: "ab+cd" → the zero-padded sum, ADD_DIGITS-digit operands (fixed length). */
function addTask(): Seq2SeqTask {
  const vocab = makeVocab([...DIGITS, '+']);
  const digit = (d: number) => SPECIAL_TOKENS.length + d;
  const plus = vocab.stoi.get('+') as number;
  const maxOperand = 10 ** ADD_DIGITS;
  const digitsOf = (n: number, width: number) =>
    String(n)
      .padStart(width, '0')
      .split('')
      .map((c) => digit(Number(c)));
  const valueOf = (ids: readonly number[]) =>
    ids.reduce((acc, t) => acc * 10 + (t - SPECIAL_TOKENS.length), 0);
  return {
    id: 'add',
    label: 'Add',
    description: `Add two ${ADD_DIGITS}-digit numbers written as digits: 07+35 → 042.`,
    vocab,
    minLen: 2 * ADD_DIGITS + 1,
    maxLen: 2 * ADD_DIGITS + 1,
    maxTargetLen: ADD_DIGITS + 1,
    sampleSource: (rng) => [
      ...digitsOf(rng.int(maxOperand), ADD_DIGITS),
      plus,
      ...digitsOf(rng.int(maxOperand), ADD_DIGITS),
    ],
    target: (s) => {
      const p = s.indexOf(plus);
      // A malformed source (typed by a user) has no '+': treat the whole thing as one number plus zero.
      const a = p >= 0 ? valueOf(s.slice(0, p).filter((t) => t !== plus)) : valueOf(s);
      const b = p >= 0 ? valueOf(s.slice(p + 1).filter((t) => t !== plus)) : 0;
      return digitsOf(Math.min(a + b, 10 ** (ADD_DIGITS + 1) - 1), ADD_DIGITS + 1);
    },
    sourceSpace: maxOperand * maxOperand,
    exampleText: '07+35',
  };
}

export function makeTask(id: TaskId, options: TaskOptions = {}): Seq2SeqTask {
  const maxLen = clampInt(options.maxLen, 2, 12, 8);
  const minLen = clampInt(options.minLen, 1, maxLen, maxLen);
  switch (id) {
    case 'reverse':
    case 'copy':
    case 'sort':
      return digitTask(id, minLen, maxLen);
    case 'shift':
      return shiftTask(clampInt(options.shift, 1, 25, 3), minLen, maxLen);
    case 'add':
      return addTask();
    default: {
      const never: never = id;
      throw new Error(`unknown task ${String(never)}`);
    }
  }
}

export function isTaskId(v: unknown): v is TaskId {
  return typeof v === 'string' && (TASK_IDS as readonly string[]).includes(v);
}

/** Ids → text (specials shown as written, symbols concatenated). */
export function decodeIds(vocab: Vocab, ids: readonly number[]): string {
  return ids.map((t) => vocab.itos[t] ?? '?').join('');
}

/** Ids → one label per token (for axes). */
export function tokenLabels(vocab: Vocab, ids: readonly number[]): string[] {
  return ids.map((t) => vocab.itos[t] ?? '?');
}

export interface ParsedSource {
  ids: number[];
  /** Characters that are not in the vocabulary (dropped), in order of appearance, without repeats. */
  unknown: string[];
  /** True if the text had more tokens than the task allows (the rest was dropped). */
  truncated: boolean;
}

/**
 * Tokenises text typed by a user into source ids for a task: whitespace is ignored, letters are lower-cased for
 * shift, unknown characters are dropped and reported, and anything beyond the task's longest source is cut off.
 */
export function parseSource(task: Seq2SeqTask, text: string): ParsedSource {
  const ids: number[] = [];
  const unknown: string[] = [];
  let truncated = false;
  const chars = Array.from(String(text).slice(0, 1000));
  for (const raw of chars) {
    if (/\s/.test(raw)) continue;
    const ch = task.id === 'shift' ? raw.toLowerCase() : raw;
    const id = task.vocab.stoi.get(ch);
    if (id === undefined || id < SPECIAL_TOKENS.length) {
      if (!unknown.includes(raw)) unknown.push(raw);
      continue;
    }
    if (ids.length >= task.maxLen) {
      truncated = true;
      continue;
    }
    ids.push(id);
  }
  return { ids, unknown, truncated };
}

export interface Seq2SeqExample {
  /** Source ids, no specials. */
  src: number[];
  /** Target ids, no specials (no </s>). */
  tgt: number[];
}

export interface Seq2SeqBatch {
  size: number;
  /** Padded source length S. */
  srcLen: number;
  /** Decoder length T = longest target + 1. */
  tgtLen: number;
  /** [B, S] source ids, <pad> after the end. */
  src: Int32Array;
  /** [B, S] 1 where the source position is real. */
  srcMask: Uint8Array;
  /** [B, T] <s> y₀ … y_{m−1}, then <pad>. */
  decoderInput: Int32Array;
  /** [B, T] y₀ … y_{m−1} </s>, then <pad>. */
  target: Int32Array;
  /** [B, T] 1 where the target position counts in the loss and accuracy. */
  targetMask: Uint8Array;
}

export function toBatch(examples: readonly Seq2SeqExample[]): Seq2SeqBatch {
  const size = examples.length;
  const srcLen = Math.max(1, ...examples.map((e) => e.src.length));
  const tgtLen = Math.max(1, ...examples.map((e) => e.tgt.length)) + 1;
  const src = new Int32Array(size * srcLen).fill(PAD);
  const srcMask = new Uint8Array(size * srcLen);
  const decoderInput = new Int32Array(size * tgtLen).fill(PAD);
  const target = new Int32Array(size * tgtLen).fill(PAD);
  const targetMask = new Uint8Array(size * tgtLen);
  examples.forEach((e, b) => {
    e.src.forEach((t, i) => {
      src[b * srcLen + i] = t;
      srcMask[b * srcLen + i] = 1;
    });
    decoderInput[b * tgtLen] = BOS;
    e.tgt.forEach((t, i) => {
      decoderInput[b * tgtLen + i + 1] = t;
      target[b * tgtLen + i] = t;
      targetMask[b * tgtLen + i] = 1;
    });
    target[b * tgtLen + e.tgt.length] = EOS;
    targetMask[b * tgtLen + e.tgt.length] = 1;
  });
  return { size, srcLen, tgtLen, src, srcMask, decoderInput, target, targetMask };
}

const keyOf = (src: readonly number[]) => src.join(',');

export interface Seq2SeqDataOptions {
  /** Held-out examples wanted (default 256); capped at 20% of the task's distinct sources. */
  heldOut?: number;
}

/**
 * A task's data: a fixed held-out set and an endless, seeded stream of training examples that never repeats a
 * held-out source. The same task, options and seed give the same held-out set and the same stream.
 */
export class Seq2SeqData {
  readonly task: Seq2SeqTask;
  readonly heldOut: readonly Seq2SeqExample[];
  private readonly heldOutKeys: Set<string>;
  private readonly rng: Rng;

  constructor(task: Seq2SeqTask, seed: number, options: Seq2SeqDataOptions = {}) {
    this.task = task;
    const root = new Rng(seed);
    const heldOutRng = root.fork();
    this.rng = root.fork();
    const wanted = clampInt(options.heldOut, 0, 10_000, 256);
    const cap = Math.floor(task.sourceSpace * 0.2);
    const count = Math.min(wanted, cap);
    const keys = new Set<string>();
    const heldOut: Seq2SeqExample[] = [];
    // Rejection sampling terminates quickly: at most 20% of the space is taken.
    while (heldOut.length < count) {
      const src = task.sampleSource(heldOutRng);
      const key = keyOf(src);
      if (keys.has(key)) continue;
      keys.add(key);
      heldOut.push({ src, tgt: task.target(src) });
    }
    this.heldOut = heldOut;
    this.heldOutKeys = keys;
  }

  /** True if this source is in the held-out set. */
  isHeldOut(src: readonly number[]): boolean {
    return this.heldOutKeys.has(keyOf(src));
  }

  /** The next training example (never a held-out source). */
  nextTrainExample(): Seq2SeqExample {
    for (;;) {
      const src = this.task.sampleSource(this.rng);
      if (!this.heldOutKeys.has(keyOf(src))) return { src, tgt: this.task.target(src) };
    }
  }

  nextTrainBatch(size: number): Seq2SeqBatch {
    const n = clampInt(size, 1, 4096, 32);
    return toBatch(Array.from({ length: n }, () => this.nextTrainExample()));
  }
}
