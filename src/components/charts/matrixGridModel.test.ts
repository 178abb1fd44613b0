import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chartTheme';
import { matrixLayout } from './matrixGridModel';

const theme = { fontSize: 13, fontScale: 1 } as ChartTheme;
const layout = (colLabels: string[], width: number) =>
  matrixLayout({ rows: colLabels.length, cols: colLabels.length, width, theme, colLabels, maxCell: 40 });

describe('matrixLayout: column labels', () => {
  it('labels that fit their cells stand upright', () => {
    const l = layout(['1', '2', '3'], 300);
    expect(l.rotate).toBe('none');
    expect(l.turned).toEqual([false, false, false]);
  });

  it('a few long labels among short ones (a start token above digits) turn alone; the digits stay level', () => {
    const keys = ['<s>', '3', '5', '6', '0', '2', '8', '5', '2'];
    const l = layout(keys, 9 * 13 + 20); // about one 13 px line per column, as in the decoder's self-attention
    expect(l.cell).toBeGreaterThanOrEqual(10.4);
    expect(l.rotate).toBe('some');
    expect(l.turned).toEqual([true, false, false, false, false, false, false, false, false]);
    // The band above the grid is tall enough for the standing token (3 characters), more than one upright line.
    expect(l.topH).toBeGreaterThan(13 + 8);
  });

  it('mostly long labels (words) all slant, as before', () => {
    const l = layout(['king', 'queen', 'man', 'woman'], 120);
    expect(l.rotate).toBe('all');
    expect(l.turned.every(Boolean)).toBe(true);
  });
});

describe('matrixLayout: label size', () => {
  it('keeps the chart font where cells are at least as large', () => {
    expect(layout(['1', '2', '3'], 300).labelFont).toBe(13);
  });

  it('in presenter mode (enlarged font, narrow panel) labels shrink to 0.8 of a cell, so neighbours never overlap', () => {
    const big = { fontSize: 21, fontScale: 1.6 } as ChartTheme;
    const rows = ['0: 3', '1: 1', '2: 4', '3: 1', '4: 5', '5: 9', '6: 2', '7: 6'];
    const cols = Array.from({ length: 16 }, (_, i) => String(i));
    const l = matrixLayout({
      rows: 8,
      cols: 16,
      width: 400,
      theme: big,
      rowLabels: rows,
      colLabels: cols,
      maxCell: 40,
    });
    expect(l.labelFont).toBeLessThan(21);
    expect(l.labelFont).toBeLessThanOrEqual(l.cell * 0.8 + 1e-9);
    expect(l.labelFont).toBeGreaterThanOrEqual(11);
  });

  it('never draws labels below the smallest course text (11 px)', () => {
    const l = layout(
      Array.from({ length: 40 }, (_, i) => String(i)),
      200,
    );
    expect(l.labelFont).toBe(11);
  });
});
