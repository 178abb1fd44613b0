import { describe, expect, it } from 'vitest';
import { COURSE_CHAPTERS } from './courseChapters';
import { trendOf, lowestOf } from '../lessons/predictions';

describe('predict, then run', () => {
  it('every chapter asks for at least one prediction before a run', () => {
    const without = COURSE_CHAPTERS.filter((c) => !c.lessons.some((s) => s.predict)).map((c) => c.id);
    expect(without).toEqual([]);
  });

  it('no reveal before the run has moved: at step 0 every outcome is still open', () => {
    const start = { step: 0, epoch: 0, loss: 1 };
    for (const chapter of COURSE_CHAPTERS)
      for (const step of chapter.lessons) {
        if (!step.predict) continue;
        expect(step.predict.options.length, step.id).toBeGreaterThanOrEqual(2);
        expect(step.predict.outcome(start, start), `${chapter.id}/${step.id}`).toBeNull();
      }
  });

  it('outcome helpers: the lowest read-out, and a trend against the locked-in value', () => {
    const lowest = lowestOf(
      ['a', 'b'],
      (now) => now.step >= 10,
      () => 'x',
    );
    expect(lowest({ step: 5, loss: 0, a: 1, b: 2 }, { step: 0, loss: 0 })).toBeNull();
    expect(lowest({ step: 10, loss: 0, a: 3, b: 2 }, { step: 0, loss: 0 })?.option).toBe(1);
    const trend = trendOf('dead', 100);
    const atLock = { step: 0, loss: 0, dead: 0.1 };
    expect(trend({ step: 100, loss: 0, dead: 0.3 }, atLock)?.option).toBe(0);
    expect(trend({ step: 100, loss: 0, dead: 0.105 }, atLock)?.option).toBe(1);
    expect(trend({ step: 100, loss: 0, dead: 0.01 }, atLock)?.option).toBe(2);
  });
});
