import { describe, expect, it } from 'vitest';
import { ChunkSchedule, UNKNOWN_CHAR, charVocab, chunkIds, encodeChars, unigramBits } from './text';

describe('character vocabulary', () => {
  it('lists every distinct character of "hello world!": nine of them', () => {
    const vocab = charVocab('hello world!', 96);
    expect(vocab.size).toBe(9);
    expect([...vocab.itos].sort()).toEqual([' ', '!', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(vocab.itos[0]).toBe('l'); // most frequent first
  });

  it('caps the size: the rarest characters share the unknown symbol', () => {
    const vocab = charVocab('aaaabbbcc d😀', 4);
    expect(vocab.size).toBe(4);
    expect(vocab.itos[0]).toBe(UNKNOWN_CHAR);
    expect(Array.from(encodeChars(vocab, 'ad😀'))).toEqual([vocab.stoi.get('a'), 0, 0]);
  });

  it('keeps code points whole (an emoji is one character)', () => {
    const vocab = charVocab('a😀a', 10);
    expect(vocab.itos).toContain('😀');
    expect(encodeChars(vocab, 'a😀a').length).toBe(3);
  });
});

describe('unigram baseline', () => {
  it('is log2 V bits for uniform frequencies and 0 for one repeated character', () => {
    expect(unigramBits([0, 1, 2, 3], 4)).toBeCloseTo(2, 12);
    expect(unigramBits([2, 2, 2], 3)).toBe(0);
  });
});

describe('truncated BPTT chunks', () => {
  it('trains every transition of every segment exactly once per pass, in chunks of at most p', () => {
    const n = 103;
    const schedule = new ChunkSchedule(n, { streams: 4, chunk: 7 });
    expect(schedule.segment).toBe(25);
    const seen = new Map<number, number>();
    let chunks = 0;
    do {
      const c = schedule.next();
      if (chunks === 0) expect(c.fresh).toBe(true);
      else expect(c.fresh).toBe(false);
      expect(c.length).toBeGreaterThan(0);
      expect(c.length).toBeLessThanOrEqual(7);
      for (const s of c.starts)
        for (let t = 0; t < c.length; t++) seen.set(s + t, (seen.get(s + t) ?? 0) + 1);
      chunks++;
    } while (schedule.passes === 0);
    expect(chunks).toBe(schedule.chunksPerPass);
    expect(chunks).toBe(Math.ceil(24 / 7)); // 7 + 7 + 7 + 3
    // Transitions i → i+1 inside each segment of 25 characters: 24 per segment, each once.
    for (let b = 0; b < 4; b++) for (let i = 0; i < 24; i++) expect(seen.get(b * 25 + i)).toBe(1);
    expect(seen.size).toBe(4 * 24);
    expect(schedule.next().fresh).toBe(true); // the next pass starts again from h₀ = 0
  });

  it('targets are the inputs shifted by one character', () => {
    const ids = Int32Array.from({ length: 20 }, (_, i) => i);
    const schedule = new ChunkSchedule(20, { streams: 2, chunk: 4 });
    const { inputs, targets } = chunkIds(ids, schedule.next());
    expect(Array.from(inputs)).toEqual([0, 1, 2, 3, 10, 11, 12, 13]);
    expect(Array.from(targets)).toEqual([1, 2, 3, 4, 11, 12, 13, 14]);
  });

  it('clamps p and the number of streams to what the text allows', () => {
    const schedule = new ChunkSchedule(11, { streams: 16, chunk: 50 });
    expect(schedule.streams).toBe(5);
    expect(schedule.chunk).toBe(1);
    const one = new ChunkSchedule(11, { streams: 1, chunk: 50 });
    expect(one.chunk).toBe(10);
    one.setChunk(3);
    expect(one.next().length).toBe(3);
  });
});
