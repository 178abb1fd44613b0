import { describe, expect, it } from 'vitest';
import { bpeDecode, bpeEncode, charTokens, trainBpe, WORD_START } from './bpe';
import { Vocab, wordTokens } from './text';

describe('character tokens', () => {
  it('keep emoji with modifiers, accents and RTL letters whole', () => {
    expect(charTokens('héllo 👋🏽')).toEqual(['h', 'é', 'l', 'l', 'o', ' ', '👋🏽']);
    expect(charTokens('שלום')).toEqual(['ש', 'ל', 'ו', 'ם']);
    expect(charTokens('')).toEqual([]);
    expect(charTokens('a\u200bb').join('')).toBe('a\u200bb'); // zero-width space survives
  });
});

describe('word tokens and ids', () => {
  it('"hello world!" → {hello, world, !} → ids that depend on the vocabulary', () => {
    const tokens = wordTokens('hello world!');
    expect(tokens).toEqual(['hello', 'world', '!']);
    const a = Vocab.fromTokens(wordTokens('world peace! hello'), { specials: [] });
    const b = Vocab.fromTokens(wordTokens('hello there world !'), { specials: [] });
    expect(Array.from(a.encode(tokens))).not.toEqual(Array.from(b.encode(tokens)));
  });
});

describe('byte-pair merges', () => {
  const text = 'low low low lower lowest newest newest widest';

  it('merges the most frequent adjacent pair first and counts it', () => {
    const { merges } = trainBpe(text, 3);
    // "▁l o w" appears in low×3, lower, lowest: ▁l+o (5 times) ties with o+w (5); the first seen wins.
    expect(merges[0]).toEqual({ left: WORD_START + 'l', right: 'o', count: 5 });
    expect(merges[1]).toEqual({ left: WORD_START + 'lo', right: 'w', count: 5 });
    expect(merges[2].count).toBeGreaterThanOrEqual(3); // e+s or s+t, from newest×2 lowest widest
  });

  it('encodes step by step, and decoding gives back the words', () => {
    const { merges } = trainBpe(text, 10);
    const start = bpeEncode('lowest', merges, 0);
    expect(start).toEqual([WORD_START + 'l', 'o', 'w', 'e', 's', 't']);
    const after = bpeEncode('lowest', merges);
    expect(after.length).toBeLessThan(start.length);
    expect(bpeDecode(bpeEncode('the lowest widest', merges))).toBe('the lowest widest');
  });

  it('stops when no pair repeats, and handles empty text', () => {
    expect(trainBpe('ab', 5).merges).toEqual([]);
    expect(trainBpe('', 5).merges).toEqual([]);
    expect(bpeEncode('', [], 0)).toEqual([]);
  });
});
