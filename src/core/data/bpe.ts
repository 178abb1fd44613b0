/**
 * Tokenisers beyond whole words: characters (user-perceived characters, so an emoji or an accented letter stays
 * one token) and a small byte-pair-encoding (BPE) merge tokeniser.
 *
 *   charTokens('héllo 👋🏽')                       // ['h', 'é', 'l', 'l', 'o', ' ', '👋🏽']
 *   const bpe = trainBpe(corpusWords, 50);        // 50 merges learned from word counts
 *   bpe.merges[0]                                 // { left: 'e', right: 's', count: … } the most frequent pair
 *   bpeEncode('the tests', bpe.merges, 10)        // tokens after applying the first 10 merges
 *
 * BPE starts from characters and repeatedly glues the most frequent adjacent pair into one new token. A word's
 * first character carries the marker '▁' (word start, as in SentencePiece), so "st" inside a word and "▁st" at a
 * start are different tokens and decoding can put the spaces back.
 */
import { wordTokens } from './text';

/** Marks the first symbol of a word. */
export const WORD_START = '▁';

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** Characters as a reader sees them (grapheme clusters); falls back to code points without Intl.Segmenter. */
export function charTokens(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  return [...text];
}

export interface BpeMerge {
  left: string;
  right: string;
  /** How often the pair occurred (in the word counts) when it was merged. */
  count: number;
}

export interface BpeModel {
  merges: BpeMerge[];
  /** Symbols before any merge (every character of the training words, plus start-marked first characters). */
  alphabet: string[];
}

function splitWord(word: string): string[] {
  const chars = charTokens(word);
  if (chars.length > 0) chars[0] = WORD_START + chars[0];
  return chars;
}

/** Learns up to `numMerges` merges from the words of `text` (lower-cased word tokens). Deterministic: ties go to
 * the pair seen first. */
export function trainBpe(text: string, numMerges: number): BpeModel {
  const counts = new Map<string, number>();
  for (const w of wordTokens(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  let words = [...counts.entries()].map(([w, c]) => ({ symbols: splitWord(w), count: c }));
  const alphabet = [...new Set(words.flatMap((w) => w.symbols))];
  const merges: BpeMerge[] = [];
  for (let m = 0; m < numMerges; m++) {
    const pairs = new Map<string, { left: string; right: string; count: number }>();
    for (const { symbols, count } of words) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = symbols[i] + '\u0000' + symbols[i + 1];
        const e = pairs.get(key);
        if (e) e.count += count;
        else pairs.set(key, { left: symbols[i], right: symbols[i + 1], count });
      }
    }
    let best: BpeMerge | null = null;
    for (const p of pairs.values()) if (!best || p.count > best.count) best = p;
    if (!best || best.count < 2) break;
    merges.push({ ...best });
    words = words.map((w) => ({ symbols: applyMerge(w.symbols, best), count: w.count }));
  }
  return { merges, alphabet };
}

function applyMerge(symbols: readonly string[], merge: BpeMerge): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === merge.left && symbols[i + 1] === merge.right) {
      out.push(merge.left + merge.right);
      i++;
    } else out.push(symbols[i]);
  }
  return out;
}

/** Tokens of `text` after applying the first `upTo` merges in the order they were learned. */
export function bpeEncode(text: string, merges: readonly BpeMerge[], upTo = merges.length): string[] {
  const used = merges.slice(0, Math.max(0, upTo));
  return wordTokens(text).flatMap((w) => used.reduce((symbols, m) => applyMerge(symbols, m), splitWord(w)));
}

/** Joins BPE tokens back into words (the start marker becomes a space). */
export function bpeDecode(tokens: readonly string[]): string {
  return tokens.join('').split(WORD_START).filter(Boolean).join(' ');
}
