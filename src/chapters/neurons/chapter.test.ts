import { describe, expect, it } from 'vitest';
import { classifier2d } from '../../experiments/classifier2d';
import { coerceValue } from '../../experiments/params';
import { chapter } from './chapter';
import { FIGURE_KEYS } from './figures/keys';

describe('neurons chapter data', () => {
  it('has unique kebab-case step ids and a known figure per step', () => {
    const ids = chapter.lessons.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of chapter.lessons) {
      expect(step.id).toMatch(/^[a-z0-9-]+$/);
      expect(FIGURE_KEYS).toContain(step.figure);
    }
  });

  it('has check questions whose answers point at an option, not always the same one', () => {
    const answers = chapter.lessons.flatMap((s) => (s.check ? [s.check.answer] : []));
    for (const step of chapter.lessons) {
      if (step.check) expect(step.check.answer).toBeLessThan(step.check.options.length);
    }
    expect(new Set(answers).size).toBeGreaterThan(1);
  });

  it('uses only parameters the classifier knows, with valid values', () => {
    for (const step of chapter.lessons) {
      if (!step.preset) continue;
      for (const [key, value] of Object.entries(step.preset)) {
        if (key === 'seed') {
          expect(Number.isInteger(value)).toBe(true);
          continue;
        }
        const spec = classifier2d.params.find((p) => p.name === key);
        expect(spec, `${step.id}: ${key}`).toBeDefined();
        expect(coerceValue(spec!, value).problem, `${step.id}: ${key}=${String(value)}`).toBeNull();
      }
    }
  });
});
