import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { binaryPainter, boundaryPath, multiClassPainter, outputAt, plotBox } from './decisionBoundaryModel';
import type { Grid2D } from './grid';

const paint = (painter: (i: number, out: Uint8ClampedArray, o: number) => void, i: number) => {
  const out = new Uint8ClampedArray(3);
  painter(i, out, 0);
  return Array.from(out);
};

describe('decision boundary model', () => {
  it('equal aspect keeps one data unit the same length on both axes, centred', () => {
    const box = plotBox([-2, 2], [-1, 1], 400, 100, 30, true);
    expect(box.innerW / 4).toBeCloseTo(box.innerH / 2);
    expect(box.innerH).toBe(100);
    expect(box.left).toBeCloseTo(30 + (400 - box.innerW) / 2);
    expect(plotBox([-2, 2], [-1, 1], 400, 100, 30, false)).toEqual({ innerW: 400, innerH: 100, left: 30 });
  });

  it('binary: 0.5 is the background, confident cells lean to their class, non-finite is grey', () => {
    const painter = binaryPainter([0.5, 0, 1, Number.NaN], '#ffffff', ['#0000ff', '#ff0000']);
    // (0.5 falls between two of the 256 table entries: within a step of the background)
    for (const c of paint(painter, 0)) expect(c).toBeGreaterThanOrEqual(253);
    const [r0, , b0] = paint(painter, 1);
    expect(b0).toBeGreaterThan(r0);
    const [r1, , b1] = paint(painter, 2);
    expect(r1).toBeGreaterThan(b1);
    expect(paint(painter, 3)).toEqual([128, 128, 128]);
  });

  it('multi-class: a uniform cell stays the background; a sure one is tinted towards its class', () => {
    const k = 3;
    const values = [1 / 3, 1 / 3, 1 / 3, 0, 1, 0];
    const painter = multiClassPainter(values, k, '#ffffff', ['#ff0000', '#00ff00', '#0000ff']);
    expect(paint(painter, 0)).toEqual([255, 255, 255]);
    const [r, g, b] = paint(painter, 1);
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
  });

  it('draws the 0.5 contour and reads the output at a point', () => {
    // 3×2 grid over x ∈ [0, 2], y ∈ [0, 1]: P rises from left (0) to right (1)
    const grid: Grid2D = {
      nx: 3,
      ny: 2,
      xDomain: [0, 2],
      yDomain: [0, 1],
      values: new Float32Array([0, 0.5, 1, 0, 0.5, 1]),
    };
    const d = boundaryPath(
      grid,
      scaleLinear().domain([0, 2]).range([0, 200]),
      scaleLinear().domain([0, 1]).range([100, 0]),
    );
    expect(d).toMatch(/^M/);
    expect(outputAt(grid, 2, 0, 1, ['a', 'b'])).toBe('P(b) = 1');
    expect(outputAt(grid, 5, 0, 1, ['a', 'b'])).toBe('outside the grid');
  });
});
