import { describe, expect, it } from 'vitest';
import { MAX_PASTED_CHARS, MIN_PASTED_CHARS, preparePastedText } from './pasted';
import { MAX_VOCAB, charModelExperiment, loadCorpus } from './trainer';
import { defaultValues } from '../params';
import { CHAR_MODEL_PARAMS } from './params';

const prep = (raw: unknown) => preparePastedText(raw, MAX_VOCAB);

describe('pasted training text', () => {
  it('refuses empty, blank, too short and single-character text with a clear message', () => {
    expect(prep('').error).toMatch(/empty/);
    expect(prep(' \n\t\u200b\u200b ').error).toMatch(/empty/);
    expect(prep('short text').error).toMatch(new RegExp(`at least ${MIN_PASTED_CHARS}`));
    expect(prep('a'.repeat(500)).error).toMatch(/single character/);
    expect(prep(42).error).not.toBeNull();
  });

  it('keeps emoji and right-to-left text whole, removes invisible characters and says so', () => {
    const p = prep('שלום עולם 😀 مرحبا\u200b\u200d\u202e بالعالم 👍🏽 again');
    expect(p.error).toBeNull();
    expect(p.text).toBe('שלום עולם 😀 مرحبا بالعالم 👍🏽 again');
    expect(p.notes.join(' ')).toMatch(/Removed 3 invisible characters/);
    expect([...p.text]).toContain('😀');
  });

  it('drops broken surrogate halves, unifies line endings and composes accents', () => {
    const p = prep('cafe\u0301 caf\u00e9\r\nline two\rline three \ud83d end');
    expect(p.error).toBeNull();
    expect(p.text).toBe('caf\u00e9 caf\u00e9\nline two\nline three  end');
  });

  it('caps the length and the vocabulary, with a note for each', () => {
    const long = prep('abc '.repeat(MAX_PASTED_CHARS));
    expect(long.chars).toBe(MAX_PASTED_CHARS);
    expect(long.notes.join(' ')).toMatch(/Only the first 20,000 characters/);
    const many = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const p = prep(many);
    expect(p.distinct).toBe(200);
    expect(p.notes.join(' ')).toMatch(/vocabulary holds 96/);
  });

  it('becomes the corpus: the vocabulary is built from its characters only', () => {
    const text = 'ab ba ab ba abba baab '.repeat(10);
    const corpus = loadCorpus('pasted', text);
    expect(corpus.fallback).toBe(false);
    expect([...corpus.vocab].sort()).toEqual([' ', 'a', 'b']);
    expect(corpus.validation.length).toBe(0); // short texts are trained on whole
    const trainer = charModelExperiment.create(
      { ...defaultValues(CHAR_MODEL_PARAMS), corpus: 'pasted', hidden: 8 },
      1,
      { text },
    );
    trainer.step(5);
    expect(trainer.metrics()).toMatchObject({ vocab: 3, textChars: [...text].length });
    expect(trainer.metrics().pastedMissing).toBeUndefined();
  });

  it('falls back to the bundled stories when no usable text came (a link opened elsewhere), and says so', () => {
    const corpus = loadCorpus('pasted', undefined);
    expect(corpus.fallback).toBe(true);
    expect(corpus.vocab.length).toBeGreaterThan(40);
    const trainer = charModelExperiment.create(
      { ...defaultValues(CHAR_MODEL_PARAMS), corpus: 'pasted', hidden: 8 },
      1,
      { text: '' },
    );
    expect(trainer.metrics().pastedMissing).toBe(1);
  });
});
