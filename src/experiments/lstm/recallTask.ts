/**
 * The recall task: the first token of a sequence must be reproduced after a gap of k distracting tokens.
 *
 *   t:      1      2 … k+1              k+2
 *   token:  A–D    k distractors (w–z)  ?      → target: the token seen at t = 1
 *
 * Payload and distractors use separate symbols, so the only thing to learn is to hold one of four values for k steps.
 * Chance accuracy is 1/4. Sequences come from a seeded pool split into a training set and a held-out validation set
 * with no sequence in both (for small k, where few distinct sequences exist, both shrink to what there is).
 */
import { Rng } from '../../core';

/** Symbols as shown on the page; ids are indices into this list. */
export const RECALL_SYMBOLS = ['A', 'B', 'C', 'D', 'w', 'x', 'y', 'z', '?'] as const;
export const PAYLOAD_COUNT = 4;
export const DISTRACTOR_FIRST = 4;
export const DISTRACTOR_COUNT = 4;
export const QUERY_ID = 8;
export const RECALL_VOCAB = RECALL_SYMBOLS.length;
export const RECALL_CHANCE = 1 / PAYLOAD_COUNT;

export interface RecallSplit {
  gap: number;
  /** Tokens per sequence: gap + 2. */
  length: number;
  /** Training sequences, row-major [trainCount, length]. */
  train: Int32Array;
  trainTargets: Int32Array;
  trainCount: number;
  /** Held-out sequences [valCount, length], none of which occurs in `train`. */
  val: Int32Array;
  valTargets: Int32Array;
  valCount: number;
}

export interface RecallSplitOptions {
  gap: number;
  /** Wanted training sequences (fewer when the task has fewer distinct sequences). */
  trainSize?: number;
  /** Wanted validation sequences. */
  valSize?: number;
}

/** Distinct sequences there are for a gap (payload × distractor strings), capped to stay a safe integer. */
export function distinctSequences(gap: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, PAYLOAD_COUNT * DISTRACTOR_COUNT ** gap);
}

function drawSequence(rng: Rng, gap: number): number[] {
  const seq = [rng.int(PAYLOAD_COUNT)];
  for (let t = 0; t < gap; t++) seq.push(DISTRACTOR_FIRST + rng.int(DISTRACTOR_COUNT));
  seq.push(QUERY_ID);
  return seq;
}

function pack(seqs: readonly number[][], length: number): { tokens: Int32Array; targets: Int32Array } {
  const tokens = new Int32Array(seqs.length * length);
  const targets = new Int32Array(seqs.length);
  seqs.forEach((s, n) => {
    tokens.set(s, n * length);
    targets[n] = s[0];
  });
  return { tokens, targets };
}

/**
 * Draws distinct sequences from a stream seeded by `seed` and deals the first ones to validation, the rest to
 * training, so the two sets never share a sequence. When the task has fewer distinct sequences than asked for, a
 * quarter of them (at least one) are held out.
 */
export function makeRecallSplit(options: RecallSplitOptions, seed: number): RecallSplit {
  const gap = Math.max(0, Math.floor(options.gap));
  const length = gap + 2;
  const wantTrain = options.trainSize ?? 2048;
  const wantVal = options.valSize ?? 256;
  const space = distinctSequences(gap);
  const total = Math.min(space, wantTrain + wantVal);
  const valCount = space >= wantTrain + wantVal ? wantVal : Math.max(1, Math.floor(total / 4));
  const rng = new Rng(seed);
  const seen = new Set<string>();
  const seqs: number[][] = [];
  // Rejection sampling: when `total` is close to `space` the last distinct draws get rare, so bound the attempts.
  for (let attempts = 0; seqs.length < total && attempts < total * 50; attempts++) {
    const s = drawSequence(rng, gap);
    const key = s.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    seqs.push(s);
  }
  const val = pack(seqs.slice(0, valCount), length);
  const train = pack(seqs.slice(valCount), length);
  return {
    gap,
    length,
    train: train.tokens,
    trainTargets: train.targets,
    trainCount: seqs.length - valCount,
    val: val.tokens,
    valTargets: val.targets,
    valCount,
  };
}

/** The symbols of one sequence as text, e.g. "B w z y ?". */
export function sequenceText(tokens: ArrayLike<number>, offset: number, length: number): string {
  const out: string[] = [];
  for (let t = 0; t < length; t++) out.push(RECALL_SYMBOLS[tokens[offset + t]] ?? '·');
  return out.join(' ');
}
