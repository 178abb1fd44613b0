import { describe, expect, it } from 'vitest';
import { COURSE_CHAPTERS } from './courseChapters';
import { lessonText } from '../lessons/lessonText';
import { NOTATION, RETIRED_NOTATION } from '../lessons/notation';

/**
 * One notation for the course: no lesson text in any chapter (every src/chapters/<id>/chapter.ts, including chapters
 * added later) may use a retired symbol. The notation page lists the course's symbols and the notes' old ones.
 */

describe('course notation', () => {
  it('finds the chapters', () => {
    expect(COURSE_CHAPTERS.map((c) => c.id)).toEqual(
      expect.arrayContaining(['neurons', 'activations', 'backprop', 'gradient-descent', 'transformer']),
    );
  });

  it('no lesson text uses a retired symbol', () => {
    const found: string[] = [];
    for (const chapter of COURSE_CHAPTERS)
      for (const step of chapter.lessons) {
        const text = lessonText(step);
        for (const { pattern, use } of RETIRED_NOTATION) {
          const hit = pattern.exec(text);
          if (hit) found.push(`${chapter.id} / ${step.id}: "${hit[0]}" — use ${use}`);
        }
      }
    expect(found).toEqual([]);
  });

  it('the retired patterns catch what they retire and spare the course’s own symbols', () => {
    const retired = (text: string) => RETIRED_NOTATION.some(({ pattern }) => pattern.test(text));
    for (const old of [
      '$y = Wx + \\beta$',
      'weight $\\theta^{(l)}_{ij}$',
      '$J(\\theta) = 1$',
      '$\\frac{\\partial C}{\\partial w}$',
      '$\\max(\\alpha x, x)$',
      '$e^{z_i / T}$',
      '$10000^{2i/d}$',
      'weights $\\omega$',
    ])
      expect(retired(old), old).toBe(true);
    for (const current of [
      '$z = Wx + b$',
      '$W^{(l)}_{ij}$',
      '$L(\\theta)$',
      '$\\frac{\\partial L}{\\partial w}$',
      '$\\max(c\\, x, x)$',
      '$e^{z_i / \\tau}$',
      '$10000^{2i/d_{\\text{model}}}$',
      '$v \\leftarrow \\beta v + g$',
      'sequence length $T$ of an RNN',
    ])
      expect(retired(current), current).toBe(false);
  });

  it('every symbol on the card appears somewhere in the course', () => {
    const all = COURSE_CHAPTERS.flatMap((c) => c.lessons.map(lessonText)).join('\n');
    for (const entry of NOTATION) expect(entry.find.test(all), entry.tex).toBe(true);
  });
});
