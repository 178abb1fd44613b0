import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../experiments/params';
import { CHAR_MODEL_PARAMS } from '../../experiments/charModel/params';
import { BUNDLED_CORPUS } from '../../experiments/charModel/corpus';
import { MAX_PASTED_CHARS } from '../../experiments/charModel/pasted';
import { charModelExperiment, loadCorpus } from '../../experiments/charModel/trainer';
import { createCell, generate, type CellKind } from '../../experiments/charModel/model';
import { loadState } from '../../core/serialize';
import { Rng } from '../../core/random';
import { chapter } from './chapter';
import { presetHref } from '../../lessons/presetLinks';
import { EXPLODING, GRADIENT_PRESET, HELLO_PRESET, RNN_PRESETS } from './presets';
import { EXAMPLE_TEXT, workedExample } from './figures/workedExample';

const withDefaults = (preset: Readonly<Record<string, string | number | boolean>> = {}) => ({
  ...defaultValues(CHAR_MODEL_PARAMS),
  ...preset,
});

describe('rnn chapter data', () => {
  it('has six steps in the issue’s order, each with a check question, try-this prompts and a caption', () => {
    expect(chapter.lessons.map((s) => s.figure)).toEqual([
      'unrolled',
      'worked-example',
      'train',
      'generate',
      'hidden',
      'gradients',
    ]);
    for (const step of chapter.lessons) {
      expect(step.check?.options[step.check.answer]).toBeTruthy();
      expect(step.tryThis?.length).toBeGreaterThan(0);
      expect(step.caption).toBeTruthy();
    }
    for (const step of chapter.lessons.slice(2)) expect(step.pace).toBeGreaterThan(0);
  });

  it('presets name only parameters of the char-model experiment', () => {
    const names = new Set(CHAR_MODEL_PARAMS.map((p) => p.name));
    for (const step of chapter.lessons)
      for (const key of Object.keys(step.preset ?? {})) expect(names).toContain(key);
    for (const p of RNN_PRESETS) {
      expect(presetHref('rnn', p)).toMatch(/^#\/rnn\?lesson=\d/);
      for (const key of Object.keys(p.query))
        if (key !== 'lesson' && key !== 'seed') expect(names).toContain(key);
    }
  });
});

describe('numbers the prose states', () => {
  it('the worked example: “hello world!” has nine distinct characters, hidden size 5, 115 parameters', () => {
    const ex = workedExample(EXAMPLE_TEXT);
    expect(ex.V).toBe(9);
    expect(ex.H).toBe(5);
    expect(ex.parameterCount).toBe(25 + 45 + 45);
    expect(ex.parameterCount).toBe(115);
    expect(ex.steps).toHaveLength(12);
    expect(Array.from(ex.steps[0].hPrev)).toEqual([0, 0, 0, 0, 0]); // h₀ = 0: the W_hh term is zero at t = 1
    // W_xh xₜ is the column of W_xh for the character read.
    const col = ex.vocab.indexOf('h');
    ex.steps[0].input.forEach((v, i) => expect(v).toBeCloseTo(ex.cell.W_xh.data[i * ex.V + col], 6));
  });

  it('step 3’s preset memorises “hello world” by its stopAt (seed 1, the page’s default seed)', () => {
    const step = chapter.lessons.find((s) => s.figure === 'train')!;
    expect(step.preset).toEqual(HELLO_PRESET);
    const trainer = charModelExperiment.create(withDefaults(step.preset), 1);
    trainer.step(step.stopAt!);
    expect(trainer.metrics().memorised).toBe(1);
    expect(trainer.divergence()).toBeNull();
  });

  it('step 6’s preset trains finitely with clipping; the “exploding without clipping” preset diverges', () => {
    const step = chapter.lessons.find((s) => s.figure === 'gradients')!;
    expect(step.preset).toEqual(GRADIENT_PRESET);
    const clipped = charModelExperiment.create(withDefaults({ ...EXPLODING, clip: true }), 1);
    clipped.step(40);
    expect(clipped.divergence()).toBeNull();
    const exploding = charModelExperiment.create(withDefaults(EXPLODING), 1);
    exploding.step(40);
    expect(exploding.divergence()).toMatch(/exploded/);
  }, 60_000);
});

describe('numbers the prose states: the corpus and the pace', () => {
  it('the training-text choice states the bundled stories’ size, measured', () => {
    const corpus = CHAR_MODEL_PARAMS.find((p) => p.name === 'corpus');
    const label = corpus?.type === 'enum' ? corpus.options.find((o) => o.value === 'bundled')?.label : '';
    const kB = Math.round(new TextEncoder().encode(BUNDLED_CORPUS).length / 1000);
    expect(label).toContain(`(${kB} kB)`);
    // A pasted text may be about as long as the bundled stories, no more (PasteText shows this cap from the constant).
    expect(MAX_PASTED_CHARS).toBeGreaterThanOrEqual([...BUNDLED_CORPUS].length);
  });

  it('step 4’s story: at its pace, Play turns random characters into spaced words, some real, within 12 s', () => {
    const step = chapter.lessons.find((s) => s.figure === 'generate')!;
    const words = new Set(
      loadCorpus('bundled')
        .text.toLowerCase()
        .match(/[a-z]+/g),
    );
    const trainer = charModelExperiment.create(withDefaults(step.preset), 1);
    /** A 160-character sample from "The " at τ = 0.8 (the page's defaults), as the page draws it from the weights. */
    const sample = () => {
      const view = trainer.views(['model']).model as {
        cell: CellKind;
        hidden: number;
        vocab: string[];
        weights: Record<string, Float32Array>;
      };
      const cell = createCell({ cell: view.cell, vocabSize: view.vocab.length, hidden: view.hidden }, 0);
      expect(loadState(cell, view.weights).ok).toBe(true);
      const prompt = [...'The '].map((c) => view.vocab.indexOf(c));
      const gen = generate(cell, view.vocab.length, prompt, 160, { temperature: 0.8 }, new Rng(1));
      const text = Array.from(gen.ids, (id) => view.vocab[id]).join('');
      const tokens = text
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter(Boolean);
      return {
        spaces: (text.match(/ /g) ?? []).length,
        real: tokens.filter((w) => w.length >= 2 && words.has(w)).length,
      };
    };
    const start = sample();
    expect(start.spaces).toBeLessThan(10); // random characters: a space is one symbol in ~70
    expect(start.real).toBeLessThanOrEqual(1);
    trainer.step(step.pace! * 12); // 12 s of Play at the step's pace
    const later = sample();
    expect(later.spaces).toBeGreaterThan(20); // a space every few characters, as in words
    expect(later.real).toBeGreaterThanOrEqual(5); // and real words of the stories among them
  }, 60_000);
});
