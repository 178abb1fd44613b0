import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { texIn } from '../components/math';
import type { Chapter } from '../lessons/types';
import { COURSE_CHAPTERS } from './courseChapters';

/** Every TeX fragment a student reads in a chapter: prose, try-this prompts and check questions. */
function chapterTex(chapter: Chapter): string[] {
  const texts = chapter.lessons.flatMap((s) => [
    s.body,
    ...(s.tryThis ?? []),
    s.check?.question ?? '',
    ...(s.check?.options ?? []),
    s.check?.explanation ?? '',
  ]);
  return texts.flatMap(texIn);
}

/**
 * Every chapter's TeX parses (every src/chapters/<id>/chapter.ts, including chapters added later), rendered by KaTeX
 * with errors thrown. The fragment counts keep the check from passing on a walk that finds no math.
 */
describe.each(COURSE_CHAPTERS.map((c) => [c.id, c] as const))('chapter %s', (_id, chapter) => {
  it('contains only TeX that KaTeX parses', () => {
    const fragments = chapterTex(chapter);
    expect(fragments.length).toBeGreaterThan(20);
    for (const tex of fragments) {
      expect(() => katex.renderToString(tex, { throwOnError: true, trust: false }), tex).not.toThrow();
    }
  });
});

describe('TeX fragment counts', () => {
  it('the activations and loss chapters each have more than 30', () => {
    for (const id of ['activations', 'loss']) {
      const chapter = COURSE_CHAPTERS.find((c) => c.id === id);
      expect(chapter, id).toBeDefined();
      expect(chapterTex(chapter!).length, id).toBeGreaterThan(30);
    }
  });
});
