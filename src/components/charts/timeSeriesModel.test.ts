import { describe, expect, it } from 'vitest';
import { cellPixels, cellReadout, heatmapLayout, nextCell } from './timeSeriesModel';

describe('heatmapLayout', () => {
  it('turns token labels that do not fit under their columns and thins them', () => {
    const base = { width: 400, rows: 4, fontSize: 12 };
    const upright = heatmapLayout({ ...base, steps: 5, tokens: ['a', 'b', 'c', 'd', 'e'] });
    expect(upright.rotate).toBe(false);
    expect(upright.every).toBe(1);
    const tokens = Array.from({ length: 60 }, () => 'tokenized');
    const turned = heatmapLayout({ ...base, steps: 60, tokens });
    expect(turned.rotate).toBe(true);
    expect(turned.every).toBeGreaterThan(1);
    expect(turned.cellW * 60).toBeCloseTo(turned.innerW);
  });

  it('fits its height to the rows within 120–420 px unless given one', () => {
    expect(heatmapLayout({ width: 400, rows: 2, steps: 3, fontSize: 12 }).h).toBe(120);
    expect(heatmapLayout({ width: 400, rows: 500, steps: 3, fontSize: 12 }).h).toBe(420);
    expect(heatmapLayout({ width: 400, height: 200, rows: 500, steps: 3, fontSize: 12 }).h).toBe(200);
  });
});

describe('cellPixels', () => {
  it('maps values through the colour table and paints non-finite values grey', () => {
    const lut = new Uint8ClampedArray(256 * 3).map((_, i) => Math.floor(i / 3));
    const px = cellPixels([0, 1, NaN, 0.5], 2, 2, { lo: 0, hi: 1, lut });
    expect([...px.slice(0, 4)]).toEqual([0, 0, 0, 255]);
    expect([...px.slice(4, 8)]).toEqual([255, 255, 255, 255]);
    expect([...px.slice(8, 12)]).toEqual([128, 128, 128, 255]);
    expect(px[12]).toBe(128);
  });
});

describe('nextCell and cellReadout', () => {
  it('moves within the grid and ignores other keys', () => {
    expect(nextCell('ArrowRight', null, 2, 3)).toEqual({ r: 0, t: 1 });
    expect(nextCell('ArrowDown', { r: 1, t: 2 }, 2, 3)).toEqual({ r: 1, t: 2 });
    expect(nextCell('ArrowUp', { r: 1, t: 2 }, 2, 3)).toEqual({ r: 0, t: 2 });
    expect(nextCell('Enter', null, 2, 3)).toBeUndefined();
  });

  it('names the row, the token and the step', () => {
    const o = { values: [1, 2, 3, 4], steps: 2, rowLabels: ['forget'], tokens: ['a'] };
    expect(cellReadout(o, { r: 0, t: 0 })).toBe('forget at “a” (step 1): 1');
    expect(cellReadout(o, { r: 1, t: 1 })).toBe('unit 2 at step 2 (step 2): 4');
  });
});
