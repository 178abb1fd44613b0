import { describe, expect, it } from 'vitest';
import { COURSE_CHAPTERS } from './courseChapters';

/**
 * Course-wide rule for live steps: what a step teaches unfolds over about 5–20 s of Play at its default pace. A step
 * with a natural stopping point reaches it in that window (stopAt / pace); one without stops is checked by its
 * chapter's own tests.
 */

describe('lesson pace', () => {
  it('finds all ten chapters', () => {
    expect(COURSE_CHAPTERS.length).toBe(10);
  });

  for (const chapter of COURSE_CHAPTERS) {
    it(`${chapter.id}: every step that stops by itself does so after 5–20 s of Play at its pace`, () => {
      for (const step of chapter.lessons) {
        if (step.stopAt === undefined) continue;
        expect(step.pace, `${step.id} has a stopAt but no pace`).toBeGreaterThan(0);
        const seconds = step.stopAt / step.pace!;
        expect(seconds, step.id).toBeGreaterThanOrEqual(5);
        expect(seconds, step.id).toBeLessThanOrEqual(20);
      }
    });
  }
});
