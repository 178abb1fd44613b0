import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { fitCurvePath } from './fitPlotModel';

describe('fitCurvePath', () => {
  const sx = scaleLinear().domain([-1, 1]).range([0, 100]);
  const sy = scaleLinear().domain([-2, 2]).range([100, 0]);

  it('clips a wild value at half the y range beyond the frame', () => {
    // y = 50 is clipped to hi + (hi − lo)/2 = 4, i.e. 50 px above the top of a 100 px frame.
    expect(fitCurvePath([-1, 1], [0, 50], sx, sy, [-2, 2])).toBe('M0,50L100,-50');
  });

  it('leaves a gap at a non-finite value', () => {
    const d = fitCurvePath([-1, 0, 1], [0, Number.NaN, 0], sx, sy, [-2, 2]);
    expect(d).toBe('M0,50ZM100,50Z');
  });

  it('is empty without points', () => {
    expect(fitCurvePath([], [], sx, sy, [-2, 2])).toBe('');
  });
});
