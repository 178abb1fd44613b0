import { describe, expect, it } from 'vitest';
import { antiDiagonalMass, diagonalMass, largestOtherLineMass, meanMap } from './attentionMetrics';

/** A [rows, cols] map with weight 1 at (i, pick(i)). */
function oneHotMap(rows: number, cols: number, pick: (i: number) => number): Float32Array {
  const m = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) m[i * cols + pick(i)] = 1;
  return m;
}

describe('attention line masses', () => {
  it('a perfect reversal map has anti-diagonal mass 1 and beats every other line', () => {
    const n = 5;
    const map = oneHotMap(n + 1, n, (i) => (i < n ? n - 1 - i : 0)); // the </s> row looks anywhere
    expect(antiDiagonalMass(map, n, n)).toBe(1);
    expect(diagonalMass(map, n, n)).toBeCloseTo(1 / 5); // only the centre cell is on both lines
    expect(largestOtherLineMass(map, n, n)).toBeLessThan(1);
  });
  it('a copy map has diagonal mass 1 and anti-diagonal mass 1/n (odd n: the centre)', () => {
    const n = 5;
    const map = oneHotMap(n, n, (i) => i);
    expect(diagonalMass(map, n, n)).toBe(1);
    expect(antiDiagonalMass(map, n, n)).toBeCloseTo(1 / 5);
    expect(largestOtherLineMass(map, n, n)).toBe(1);
  });
  it('uniform attention spreads 1/n on every line', () => {
    const n = 4;
    const map = new Float32Array(n * n).fill(1 / n);
    expect(antiDiagonalMass(map, n, n)).toBeCloseTo(0.25);
    expect(diagonalMass(map, n, n)).toBeCloseTo(0.25);
  });
  it('padding columns beyond n are ignored by the line, empty input gives 0', () => {
    const map = oneHotMap(3, 6, (i) => 2 - i); // 3 real tokens in a map padded to 6 columns
    expect(antiDiagonalMass(map, 6, 3)).toBe(1);
    expect(antiDiagonalMass(map, 6, 0)).toBe(0);
  });
  it('meanMap averages heads', () => {
    expect(Array.from(meanMap([new Float32Array([1, 0]), new Float32Array([0, 1])]))).toEqual([0.5, 0.5]);
    expect(meanMap([])).toHaveLength(0);
  });
});
