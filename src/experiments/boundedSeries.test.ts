import { describe, expect, it } from 'vitest';
import { BoundedSeries, type BoundedSeriesOptions } from './boundedSeries';

type XY = 'x' | 'y';
const series = (o: Partial<BoundedSeriesOptions<XY>> = {}) =>
  new BoundedSeries<XY>({ columns: ['x', 'y'], capacity: 4, keep: 'later', sampling: 'sinceKept', ...o });
const xs = (s: BoundedSeries<XY>) => Array.from(s.column('x'));

describe('BoundedSeries policies', () => {
  it("'later' halves a full store when the next point arrives, keeping the later point of each pair", () => {
    const s = series();
    for (let i = 0; i < 5; i++) s.push(i, i);
    expect(xs(s)).toEqual([1, 3, 4]);
    expect(s.recordEvery).toBe(2);
  });

  it("'earlier' halves as soon as the store is full, keeping the first point", () => {
    const s = series({ keep: 'earlier' });
    for (let i = 0; i < 4; i++) s.push(i, i);
    expect(xs(s)).toEqual([0, 2]);
  });

  it("'sinceKept' counts from the last kept point; 'indexMultiple' keeps offers whose index the stride divides", () => {
    const since = series({ keep: 'earlier' });
    const multiple = series({ keep: 'earlier', sampling: 'indexMultiple' });
    for (let i = 0; i < 7; i++) {
      since.push(i, i);
      multiple.push(i, i);
    }
    expect(xs(since)).toEqual([0, 2, 5]); // after the halving at 3, every 2nd offer: 5
    expect(xs(multiple)).toEqual([0, 4]); // 0 1 2 3 → 0 2 (stride 2); 4 6 → 0 2 4 6 → 0 4 (stride 4)
  });

  it('a skipped point does not advance the stride; a NaN column stores NaN for non-finite or missing values', () => {
    const s = new BoundedSeries<'x' | 'y' | 'z'>({
      columns: ['x', 'y', 'z'],
      capacity: 8,
      keep: 'later',
      sampling: 'sinceKept',
      nonFinite: { y: 'skipPoint', z: 'nan' },
    });
    expect(s.push(0, Number.NaN, 1)).toBe(false);
    expect(s.pushNamed({ x: 1, y: 2 })).toBe(true);
    expect(s.push(2, 3, Number.POSITIVE_INFINITY)).toBe(true);
    expect(Array.from(s.column('x'))).toEqual([1, 2]);
    expect(Array.from(s.column('z'))).toEqual([Number.NaN, Number.NaN]);
  });

  it('rewind: the same key is ignored, an earlier key drops the later points, back to empty restarts the stride', () => {
    const s = series({ capacity: 8, rewind: true });
    for (let i = 1; i <= 6; i++) s.push(i, i);
    expect(s.push(6, 60)).toBe(false);
    s.push(3, 30);
    expect(xs(s)).toEqual([1, 2, 3]);
    expect(s.column('y')[2]).toBe(30);
    s.push(0, 0);
    expect(xs(s)).toEqual([0]);
  });

  it('restore makes the series exactly the snapshot again, counters included', () => {
    const a = series({ capacity: 6 });
    for (let i = 0; i < 20; i++) a.push(i, -i);
    const snap = a.snapshot();
    for (let i = 20; i < 33; i++) a.push(i, -i);
    const b = series({ capacity: 6 });
    b.restore(snap);
    a.restore(snap);
    for (let i = 20; i < 40; i++) {
      a.push(i, -i);
      b.push(i, -i);
    }
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(b.length).toBeLessThanOrEqual(6);
  });

  it('extents are the finite stored values, and follow a compaction', () => {
    const s = series();
    [5, Number.NaN, -2, 0.5].forEach((y, i) => s.push(i, y));
    expect(s.extent('y')).toMatchObject({ min: -2, max: 5, minPositive: 0.5 });
    s.push(4, 1); // halves to [NaN, 0.5] at x 1 and 3, then appends 1
    expect(s.extent('y')).toMatchObject({ min: 0.5, max: 1, minPositive: 0.5 });
  });
});
