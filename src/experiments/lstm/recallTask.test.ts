import { describe, expect, it } from 'vitest';
import {
  DISTRACTOR_COUNT,
  DISTRACTOR_FIRST,
  PAYLOAD_COUNT,
  QUERY_ID,
  distinctSequences,
  makeRecallSplit,
  sequenceText,
} from './recallTask';

const rows = (tokens: Int32Array, n: number, T: number) =>
  Array.from({ length: n }, (_, k) => tokens.slice(k * T, (k + 1) * T).join(','));

describe('recall task generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeRecallSplit({ gap: 12 }, 7);
    const b = makeRecallSplit({ gap: 12 }, 7);
    const c = makeRecallSplit({ gap: 12 }, 8);
    expect(b.train).toEqual(a.train);
    expect(b.val).toEqual(a.val);
    expect(c.train).not.toEqual(a.train);
  });

  it('builds sequences payload, k distractors, query — and the target is the payload', () => {
    const s = makeRecallSplit({ gap: 5, trainSize: 100, valSize: 20 }, 3);
    expect(s.length).toBe(7);
    for (let n = 0; n < s.trainCount; n++) {
      const seq = s.train.subarray(n * 7, n * 7 + 7);
      expect(seq[0]).toBeLessThan(PAYLOAD_COUNT);
      expect(s.trainTargets[n]).toBe(seq[0]);
      for (let t = 1; t <= 5; t++) {
        expect(seq[t]).toBeGreaterThanOrEqual(DISTRACTOR_FIRST);
        expect(seq[t]).toBeLessThan(DISTRACTOR_FIRST + DISTRACTOR_COUNT);
      }
      expect(seq[6]).toBe(QUERY_ID);
    }
  });

  it('holds out validation sequences that never occur in training', () => {
    for (const gap of [2, 3, 8, 40]) {
      const s = makeRecallSplit({ gap, trainSize: 500, valSize: 100 }, 11);
      const train = new Set(rows(s.train, s.trainCount, s.length));
      const val = rows(s.val, s.valCount, s.length);
      expect(s.valCount).toBeGreaterThan(0);
      expect(val.some((v) => train.has(v))).toBe(false);
      expect(new Set(val).size).toBe(val.length);
      expect(train.size).toBe(s.trainCount);
      expect(s.trainCount + s.valCount).toBeLessThanOrEqual(distinctSequences(gap));
    }
  });

  it('uses every payload about equally often', () => {
    const s = makeRecallSplit({ gap: 10, trainSize: 2000, valSize: 200 }, 5);
    const counts = new Array<number>(PAYLOAD_COUNT).fill(0);
    for (const t of s.trainTargets) counts[t]++;
    for (const c of counts) expect(Math.abs(c / s.trainCount - 1 / PAYLOAD_COUNT)).toBeLessThan(0.04);
  });

  it('writes sequences as text', () => {
    expect(sequenceText([1, 4, 7, 8], 0, 4)).toBe('B w z ?');
  });
});
