import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { cosineSimilarity, GloveParser, nearestNeighbours, parseGlove } from './glove';
import { oneHotSequence, sampleWindows, Vocab, wordTokens } from './text';

describe('tokens and vocabularies', () => {
  it('"hello world!" → {hello, world, !} → ids, and back', () => {
    const tokens = wordTokens('Hello world! Hello, you.');
    expect(tokens).toEqual(['hello', 'world', '!', 'hello', ',', 'you', '.']);
    const vocab = Vocab.fromTokens(tokens);
    expect(vocab.itos).toEqual(['<unk>', 'hello', 'world', '!', ',', 'you', '.']);
    expect(Array.from(vocab.encode(['hello', 'there', '!']))).toEqual([1, 0, 3]);
    expect(vocab.decode([2, 99])).toEqual(['world', '?']);
    expect(wordTokens("Don't stop", { keepCase: true })).toEqual(["Don't", 'stop']);
  });

  it('character vocabulary without specials rejects unknown characters', () => {
    const chars = Vocab.fromTokens([...'hello'], { specials: [] });
    expect(chars.itos).toEqual(['l', 'h', 'e', 'o']);
    expect(() => chars.encode(['z'])).toThrow(/unknown/);
  });

  it('minCount and maxSize', () => {
    const v = Vocab.fromTokens(['a', 'a', 'b', 'c', 'c', 'c'], { minCount: 2, maxSize: 2 });
    expect(v.itos).toEqual(['<unk>', 'c']);
  });

  it('next-token windows and one-hot sequences', () => {
    const ids = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const { inputs, targets, starts } = sampleWindows(ids, 3, 4, new Rng(1));
    for (let b = 0; b < 4; b++) {
      for (let t = 0; t < 3; t++) {
        expect(inputs[b * 3 + t]).toBe(starts[b] + t);
        expect(targets[b * 3 + t]).toBe(starts[b] + t + 1);
      }
    }
    expect(() => sampleWindows(ids, 6, 1, new Rng(1))).toThrow(/at least 7/);
    const x = oneHotSequence([2, 0], [1, 2], 3);
    expect(x.shape).toEqual([1, 2, 3]);
    expect(x.toArray()).toEqual([0, 0, 1, 1, 0, 0]);
  });
});

describe('GloVe text format', () => {
  const text = 'king 1 0 0\nqueen 0.9 0.1 0\nbad 1 x 0\nshort 1 2\napple 0 0 1\nking 1 1 1\n\nman 0.8 0 0.1';

  it('parses vectors and reports bad lines by number, keeping the rest', () => {
    const r = parseGlove(text);
    expect(r.words).toEqual(['king', 'queen', 'apple', 'man']);
    expect(r.dim).toBe(3);
    expect(r.vectors.length).toBe(12);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 6]);
    expect(r.problems[0].message).toMatch(/not a number/);
    expect(r.problems[1].message).toMatch(/2 values, expected 3/);
    expect(r.problems[2].message).toMatch(/duplicate/);
    expect(r.truncated).toBe(false);
  });

  it('streams across chunk boundaries and respects caps', () => {
    const p = new GloveParser();
    for (let i = 0; i < text.length; i += 5) p.push(text.slice(i, i + 5));
    expect(p.finish().words).toEqual(['king', 'queen', 'apple', 'man']);
    const capped = parseGlove(text, { maxWords: 2 });
    expect(capped.words).toEqual(['king', 'queen']);
    expect(capped.truncated).toBe(true);
    expect(parseGlove(text, { maxChars: 12 }).words).toEqual(['king']);
    expect(parseGlove('').words).toEqual([]);
  });

  it('cosine similarity and nearest neighbours', () => {
    const r = parseGlove(text);
    expect(cosineSimilarity(r.vectors, 3, 0, 0)).toBeCloseTo(1, 6);
    expect(nearestNeighbours(r.vectors, 3, 0, 2).map((n) => r.words[n.index])).toEqual(['queen', 'man']);
  });
});
