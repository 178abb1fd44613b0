import { describe, expect, it } from 'vitest';
import { defineChapter } from './defineChapter';
import type { ChapterId } from './types';

describe('defineChapter', () => {
  it('takes number, title and description from the catalog', () => {
    const chapter = defineChapter({
      id: 'rnn',
      figures: ['a', 'b'],
      lessons: [
        { id: 'one', title: 'One', body: 'x', figure: 'a' },
        { id: 'two', title: 'Two', body: 'y' },
      ],
    });
    expect(chapter.number).toBe(8);
    expect(chapter.title).toMatch(/Recurrent/);
    expect(chapter.figures).toEqual(['a', 'b']);
    expect(chapter.lessons.map((s) => s.id)).toEqual(['one', 'two']);
  });

  it('rejects a figure key the chapter does not declare (a type error, and a run-time error for untyped data)', () => {
    expect(() =>
      defineChapter({
        id: 'rnn',
        figures: ['a'],
        // @ts-expect-error 'typo' is not one of the declared figures
        lessons: [{ id: 'one', title: 'One', body: 'x', figure: 'typo' }],
      }),
    ).toThrow(/figure "typo" is not declared/);
  });

  it('rejects two steps with one id (progress is stored by step id) and an id missing from the catalog', () => {
    const step = { id: 'same', title: 'T', body: 'b' };
    expect(() => defineChapter({ id: 'rnn', figures: [], lessons: [step, step] })).toThrow(
      /two steps have the id/,
    );
    expect(() => defineChapter({ id: 'nope' as ChapterId, figures: [], lessons: [] })).toThrow(
      /not in the catalog/,
    );
  });
});
