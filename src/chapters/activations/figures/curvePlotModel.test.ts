import { describe, expect, it } from 'vitest';
import { clippedCurvePath, curveLegend } from './curvePlotModel';

const identity = (v: number) => v;

describe('clippedCurvePath', () => {
  it('draws one stroke through finite samples in the domain', () => {
    expect(clippedCurvePath({ x: [0, 1, 2], y: [0, 0.5, 1] }, identity, identity, [0, 1])).toBe(
      'M0.0,0.0L1.0,0.5L2.0,1.0',
    );
  });

  it('lifts the pen at non-finite values and at values beyond one domain span', () => {
    const path = clippedCurvePath({ x: [0, 1, 2, 3, 4], y: [0, NaN, 0.5, 5, 1] }, identity, identity, [0, 1]);
    expect(path).toBe('M0.0,0.0M2.0,0.5M4.0,1.0');
  });

  it('keeps values within one span outside the domain, and uses the shorter of x and y', () => {
    expect(clippedCurvePath({ x: [0, 1, 2], y: [1.9, -0.9] }, identity, (y) => 10 * y, [0, 1])).toBe(
      'M0.0,19.0L1.0,-9.0',
    );
  });
});

describe('curveLegend', () => {
  it('leaves out curves with legend: false and marks dashed ones', () => {
    expect(
      curveLegend([
        { label: 'target', color: 'red', dashed: true },
        { label: 'piece', color: 'blue', legend: false },
        { label: 'fit', color: 'green' },
      ]),
    ).toEqual([
      { label: 'target', color: 'red', shape: 'dashed' },
      { label: 'fit', color: 'green', shape: undefined },
    ]);
  });
});
