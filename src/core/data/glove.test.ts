import { describe, expect, it } from 'vitest';
import { GloveParser, parseGlove } from './glove';

/** Every kind of bad input the embeddings chapter's file loader must survive, at the parser level. */
describe('GloVe parser on bad input', () => {
  it('an empty file gives no words and no problems', () => {
    const r = parseGlove('');
    expect(r).toMatchObject({ words: [], dim: 0, problemCount: 0, truncated: false, lines: 0 });
  });

  it('inconsistent dimensions: bad lines reported by number, good lines kept', () => {
    const r = parseGlove('a 1 2 3\nb 1 2\nc 4 5 6\nd 1 2 3 4\n');
    expect(r.words).toEqual(['a', 'c']);
    expect(r.problems).toEqual([
      { line: 2, message: "'b' has 2 values, expected 3" },
      { line: 4, message: "'d' has 4 values, expected 3" },
    ]);
  });

  it('non-numeric, NaN and Infinity values are rejected with their line numbers', () => {
    const r = parseGlove('a 1 2\nb x 2\nc NaN 1\nd 1 Infinity\ne 1 -inf\nf 3 4');
    expect(r.words).toEqual(['a', 'f']);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(r.problems[0].message).toMatch(/value 1 is not a number/);
  });

  it('duplicate words keep the first vector', () => {
    const r = parseGlove('a 1 2\na 3 4\n');
    expect(r.words).toEqual(['a']);
    expect(Array.from(r.vectors)).toEqual([1, 2]);
    expect(r.problems[0]).toEqual({ line: 2, message: "duplicate word 'a'" });
  });

  it('a 10 MB single line is skipped (in chunks or at once) and the next lines still load', () => {
    const long = 'x'.repeat(10 * 1024 * 1024);
    const p = new GloveParser();
    p.push('a 1 2\n');
    for (let i = 0; i < long.length; i += 65_536) p.push(long.slice(i, i + 65_536));
    p.push('\nb 3 4\n');
    const r = p.finish();
    expect(r.words).toEqual(['a', 'b']);
    expect(r.problems).toEqual([{ line: 2, message: 'line is longer than 65536 characters' }]);
    const once = parseGlove(`${long}\nc 1 2`);
    expect(once.words).toEqual(['c']);
    expect(once.problems[0].line).toBe(1);
  });

  it('a file without a single line break never loads anything, whatever its size', () => {
    const p = new GloveParser({ maxLineChars: 100 });
    for (let i = 0; i < 50; i++) p.push('0.1 '.repeat(50));
    const r = p.finish();
    expect(r.words).toEqual([]);
    expect(r.problemCount).toBe(1);
  });

  it('problem reports are capped, the count stays exact', () => {
    const text = 'a 1 2\n' + 'b 1\n'.repeat(500);
    const r = parseGlove(text, { maxProblems: 10 });
    expect(r.problems).toHaveLength(10);
    expect(r.problemCount).toBe(500);
    // 'b 1' is the duplicate-free 1-value line: the first is a dimension error, later ones too
    expect(r.problems[9].line).toBe(11);
  });

  it('caps by words and by numbers keep the first (most frequent) words', () => {
    const text = Array.from({ length: 100 }, (_, i) => `w${i} 1 2 3 4`).join('\n');
    const byWords = parseGlove(text, { maxWords: 10 });
    expect(byWords.words).toHaveLength(10);
    expect(byWords.words[0]).toBe('w0');
    expect(byWords.truncated).toBe(true);
    const byValues = parseGlove(text, { maxValues: 40 });
    expect(byValues.words).toHaveLength(10);
    expect(byValues.truncated).toBe(true);
    expect(parseGlove(text, { maxWords: 100 }).truncated).toBe(false);
  });

  it('Windows line endings, tabs and RTL or emoji words are fine', () => {
    const r = parseGlove('שלום 1 2\r\n👋🏽\t3 4\r\n');
    expect(r.words).toEqual(['שלום', '👋🏽']);
    expect(r.problemCount).toBe(0);
  });
});
