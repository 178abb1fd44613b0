import { describe, expect, it } from 'vitest';
import { renderTex, texIn } from '../components/math';
import { chapter as backprop } from './backprop/chapter';
import { chapter as gradientDescent } from './gradient-descent/chapter';
import { FIGURES as BACKPROP_FIGURES } from './backprop/figures';
import { FIGURES as GRADIENT_DESCENT_FIGURES } from './gradient-descent/figures';

for (const [chapter, figures] of [
  [backprop, Object.keys(BACKPROP_FIGURES)],
  [gradientDescent, Object.keys(GRADIENT_DESCENT_FIGURES)],
] as const) {
  describe(`chapter ${chapter.id}`, () => {
    it('has the catalog metadata and unique kebab-case step ids', () => {
      expect(chapter.title.length).toBeGreaterThan(5);
      const ids = chapter.lessons.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('names only figures its page knows, and every step has a caption and a check', () => {
      for (const step of chapter.lessons) {
        expect(figures).toContain(step.figure);
        expect(step.caption?.length ?? 0).toBeGreaterThan(10);
        const check = step.check;
        expect(check).toBeDefined();
        if (!check) continue;
        expect(check.answer).toBeGreaterThanOrEqual(0);
        expect(check.answer).toBeLessThan(check.options.length);
      }
    });

    it('has TeX that KaTeX renders without errors', () => {
      let formulas = 0;
      for (const step of chapter.lessons) {
        for (const tex of texIn(step.body)) {
          formulas++;
          const r = renderTex(tex, true);
          expect(r.error, tex).toBeNull();
          expect(r.html, tex).not.toContain('katex-error');
        }
      }
      expect(formulas).toBeGreaterThan(chapter.lessons.length);
    });
  });
}
