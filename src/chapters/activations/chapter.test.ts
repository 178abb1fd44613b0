import { describe, expect, it } from 'vitest';
import { chapter } from './chapter';

describe('activations chapter data', () => {
  it('has the eight lesson steps of the issue, in order, with unique ids', () => {
    expect(chapter.id).toBe('activations');
    expect(chapter.lessons.map((s) => s.figure)).toEqual([
      'neuron',
      'step-linear',
      'sigmoid-tanh',
      'vanishing',
      'dying',
      'softmax',
      'maxout',
      'playground',
    ]);
    expect(new Set(chapter.lessons.map((s) => s.id)).size).toBe(8);
  });

  it('gives every step prose, a preset, try-this prompts, a caption and a valid check question', () => {
    for (const step of chapter.lessons) {
      expect(step.body.length, step.id).toBeGreaterThan(200);
      expect(Object.keys(step.preset ?? {}).length, step.id).toBeGreaterThan(0);
      expect(step.tryThis?.length, step.id).toBeGreaterThan(0);
      expect(step.caption, step.id).toBeTruthy();
      const check = step.check!;
      expect(check.options.length, step.id).toBeGreaterThanOrEqual(2);
      expect(check.answer, step.id).toBeGreaterThanOrEqual(0);
      expect(check.answer, step.id).toBeLessThan(check.options.length);
    }
  });

  it('states the corrected facts: tanh is zero-centred, leaky ReLU uses slope c = 0.1', () => {
    const all = chapter.lessons.map((s) => s.body).join('\n');
    expect(all).toMatch(/zero-centred/);
    expect(all).toContain('\\max(c\\, x, x), \\quad c = 0.1'); // the leaky slope is c: α is the learning rate
  });
});
