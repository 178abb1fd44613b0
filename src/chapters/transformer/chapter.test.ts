import { describe, expect, it } from 'vitest';
import { parseProse } from '../../components/math/parseProse';
import { renderTex } from '../../components/math/renderTex';
import { chapter } from './chapter';

describe('transformer chapter data', () => {
  it('has the six lesson steps with unique ids, figures and valid checks', () => {
    expect(chapter.id).toBe('transformer');
    expect(chapter.lessons).toHaveLength(6);
    const ids = new Set(chapter.lessons.map((s) => s.id));
    expect(ids.size).toBe(6);
    for (const step of chapter.lessons) {
      expect(step.figure).toBeTruthy();
      expect(step.body.length).toBeGreaterThan(200);
      if (step.check) {
        expect(step.check.answer).toBeGreaterThanOrEqual(0);
        expect(step.check.answer).toBeLessThan(step.check.options.length);
      }
    }
  });

  it('every formula in the prose renders with KaTeX', () => {
    const texts = chapter.lessons.flatMap((s) => [s.body, ...(s.tryThis ?? [])]);
    for (const text of texts) {
      for (const block of parseProse(text)) {
        const formulas =
          block.kind === 'math'
            ? [block.tex]
            : block.kind === 'paragraph'
              ? block.children.flatMap((c) => (c.kind === 'math' ? [c.tex] : []))
              : [];
        for (const tex of formulas) {
          const html = renderTex(tex, true).html;
          expect(html, tex).not.toBeNull();
          expect(html, tex).not.toContain('katex-error'); // throwOnError: false renders errors in red
        }
      }
    }
  });

  it('states the encoder FFN on E′ (not E)', () => {
    const block = chapter.lessons.find((s) => s.id === 'the-block');
    expect(block?.body).toContain("\\mathrm{FFN}(E')");
  });
});
