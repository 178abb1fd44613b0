import { describe, expect, it } from 'vitest';
import { COURSE_CHAPTERS } from './courseChapters';

/**
 * Course-wide rule for presenter captions: every step has one, and it is short enough for the presenter bar's two
 * lines at 1920 px (about 110 characters; e2e/presenter.spec.ts measures the real rendering of every step).
 */
const MAX_CAPTION_CHARS = 110;

describe('presenter captions', () => {
  it('finds all ten chapters', () => {
    expect(COURSE_CHAPTERS.length).toBe(10);
  });

  for (const chapter of COURSE_CHAPTERS) {
    it(`${chapter.id}: every step has a caption of at most ${MAX_CAPTION_CHARS} characters`, () => {
      for (const step of chapter.lessons) {
        expect(step.caption?.trim(), `${step.id} has no caption`).toBeTruthy();
        expect([...step.caption!].length, `${step.id}: "${step.caption}"`).toBeLessThanOrEqual(
          MAX_CAPTION_CHARS,
        );
      }
    });
  }
});
