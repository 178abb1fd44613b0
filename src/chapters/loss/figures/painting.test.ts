import { describe, expect, it } from 'vitest';
import { decodePainting, encodePainting } from './painting';

const CELLS = 144; // the 12×12 copy of step 2

describe('painting ⇄ URL value', () => {
  it('round-trips ink and erase anywhere on the image, and leaves trailing untouched cells out', () => {
    const cells = new Map([
      [0, 1],
      [1, 0],
      [13, 1],
      [77, 0],
      [143, 1],
    ]);
    const text = encodePainting(cells, CELLS);
    expect(text).toMatch(/^[0-9a-q]+$/);
    expect(text.length).toBe(48); // cell 143 is in the last digit
    expect(decodePainting(text, CELLS)).toEqual({ cells, problem: null });
    // A stroke near the top is short: cells 0–2 inked are one digit, 1 + 3 + 9.
    expect(
      encodePainting(
        new Map([
          [0, 1],
          [1, 1],
          [2, 1],
        ]),
        CELLS,
      ),
    ).toBe('d');
  });

  it('every painted cell of a full painting survives (at most 48 characters)', () => {
    const all = new Map(
      Array.from({ length: CELLS }, (_, i) => [i, i % 3 === 0 ? 0 : 1] as [number, number]),
    );
    const text = encodePainting(all, CELLS);
    expect(text.length).toBeLessThanOrEqual(48);
    expect(decodePainting(text, CELLS).cells).toEqual(all);
  });

  it('rejects foreign characters, values too long, paint outside the image and empty paintings as a whole', () => {
    expect(decodePainting('zz', CELLS).problem).toMatch(/not a painting/);
    expect(decodePainting('<b>', CELLS).problem).toMatch(/not a painting/);
    expect(decodePainting('1'.repeat(49), CELLS).problem).toMatch(/longer/);
    expect(decodePainting('', CELLS).problem).toMatch(/no pixel/);
    expect(decodePainting('000', CELLS).problem).toMatch(/no pixel/);
    // 10 cells: the fourth digit may only use its first cell (cell 9).
    expect(decodePainting('0001', 10).cells).toEqual(new Map([[9, 1]]));
    expect(decodePainting('0003', 10).problem).toMatch(/outside/);
  });
});
