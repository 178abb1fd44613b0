import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../experiments/params';
import { CHAR_MODEL_PARAMS } from '../../experiments/charModel/params';
import { BUNDLED_CORPUS } from '../../experiments/charModel/corpus';
import { MAX_PASTED_CHARS } from '../../experiments/charModel/pasted';
import { charModelExperiment } from '../../experiments/charModel/trainer';
import { chapter } from './chapter';
import { EXPLODING, GRADIENT_PRESET, HELLO_PRESET, RNN_PRESETS, rnnPresetHref } from './presets';
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
      expect(rnnPresetHref(p)).toMatch(/^#\/rnn\?lesson=\d/);
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

  it('the training-text choice states the bundled stories’ size, measured', () => {
    const corpus = CHAR_MODEL_PARAMS.find((p) => p.name === 'corpus');
    const label = corpus?.type === 'enum' ? corpus.options.find((o) => o.value === 'bundled')?.label : '';
    const kB = Math.round(new TextEncoder().encode(BUNDLED_CORPUS).length / 1000);
    expect(label).toContain(`(${kB} kB)`);
    // A pasted text may be about as long as the bundled stories, no more (PasteText shows this cap from the constant).
    expect(MAX_PASTED_CHARS).toBeGreaterThanOrEqual([...BUNDLED_CORPUS].length);
  });
});
