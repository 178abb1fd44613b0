import { useCallback, useMemo } from 'react';
import { replaceQuery, useRoute } from '../../../platform/router';
import { charTokens, trainBpe, Vocab, wordTokens, type BpeModel } from '../../../core';
import { generateCorpus } from '../../../experiments/embeddings/corpus';

/** Longest text a figure keeps from the URL or the text box (longer text is cut, with a notice). */
export const MAX_TEXT = 400;

/**
 * A free-text figure setting kept in the URL (so a typed example is a share link). Any string is accepted; it is
 * only ever shown as text, never as HTML. Over MAX_TEXT characters it is cut and `notice` says so.
 */
export function useTextParam(name: string, fallback: string) {
  const { query } = useRoute();
  const raw = query.get(name);
  const text = raw === null ? fallback : raw.slice(0, MAX_TEXT);
  const notice =
    raw !== null && raw.length > MAX_TEXT
      ? `The text in the link was ${raw.length} characters long; the first ${MAX_TEXT} are used.`
      : null;
  const setText = useCallback(
    (value: string) => {
      const next = new URLSearchParams(query);
      if (value === fallback) next.delete(name);
      else next.set(name, value.slice(0, MAX_TEXT));
      replaceQuery(next);
    },
    [query, name, fallback],
  );
  return { text, setText, notice };
}

/** How many merges the BPE figure learns from the corpus. */
export const BPE_MERGES = 60;

export interface CorpusTables {
  sentences: string[];
  /** Word vocabulary of the corpus, most frequent first, '<unk>' at 0. */
  words: Vocab;
  chars: Vocab;
  bpe: BpeModel;
  bpeVocab: Vocab;
  /** next-word counts: word → (following word → count). */
  bigrams: Map<string, Map<string, number>>;
}

let tables: CorpusTables | null = null;

/** Main-thread tables from a slice of the bundled corpus (a few thousand sentences: milliseconds, built once). */
export function corpusTables(): CorpusTables {
  if (tables) return tables;
  const sentences = generateCorpus(3000);
  const text = sentences.join('\n');
  const tokens = sentences.map((s) => wordTokens(s));
  const bigrams = new Map<string, Map<string, number>>();
  for (const t of tokens)
    for (let i = 0; i + 1 < t.length; i++) {
      const row = bigrams.get(t[i]) ?? new Map<string, number>();
      row.set(t[i + 1], (row.get(t[i + 1]) ?? 0) + 1);
      bigrams.set(t[i], row);
    }
  const bpe = trainBpe(text, BPE_MERGES);
  const bpeSymbols = [...bpe.alphabet, ...bpe.merges.map((m) => m.left + m.right)];
  tables = {
    sentences,
    words: Vocab.fromTokens(tokens.flat()),
    chars: Vocab.fromTokens(charTokens(text.replace(/\n/g, ' '))),
    bpe,
    bpeVocab: new Vocab(['<unk>', ...bpeSymbols]),
    bigrams,
  };
  return tables;
}

/** Memoised corpus tables for a component. */
export function useCorpusTables(): CorpusTables {
  return useMemo(corpusTables, []);
}

/** Shows invisible and special characters of a token so a reader can see them (space, zero-width, newline). */
export function visibleToken(t: string): string {
  if (t === ' ') return '␣';
  if (t === '\n') return '↵';
  return t.replace(/[\u200b-\u200f\u2060\ufeff]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
