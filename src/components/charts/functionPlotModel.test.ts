import { describe, expect, it } from 'vitest';
import { autoYDomain, probeKeyTarget, safeEval, sampleCurve, tangentSegment } from './functionPlotModel';

describe('functionPlotModel', () => {
  it('a throwing or non-numeric function gives NaN, never an exception', () => {
    expect(
      safeEval(() => {
        throw new Error('x');
      }, 1),
    ).toBeNaN();
    expect(safeEval(() => 'a' as unknown as number, 1)).toBeNaN();
    expect(sampleCurve((x) => 2 * x, -1, 1, 3)).toEqual([
      [-1, -2],
      [0, 0],
      [1, 2],
    ]);
  });

  it('the y-domain covers the finite values, clipped to ±10 and padded', () => {
    const [lo, hi] = autoYDomain([
      {
        pts: [
          [0, -1],
          [1, NaN],
          [2, 3],
        ],
      },
    ]);
    expect(lo).toBeCloseTo(-1 - 0.32, 10);
    expect(hi).toBeCloseTo(3 + 0.32, 10);
    expect(autoYDomain([{ pts: [[0, 1e9]] }])[1]).toBeLessThan(11);
    expect(autoYDomain([{ pts: [[0, NaN]] }])).toEqual([-1.16, 1.16]);
  });

  it('the tangent has the slope f′ and keys move the probe by 1% (10% with Shift)', () => {
    const t = tangentSegment(0, 1, 2, -1, 1)!;
    expect((t[1][1] - t[0][1]) / (t[1][0] - t[0][0])).toBeCloseTo(2, 12);
    expect(tangentSegment(0, NaN, 2, -1, 1)).toBeNull();
    expect(probeKeyTarget('ArrowRight', false, 0, -1, 1)).toBeCloseTo(0.02, 12);
    expect(probeKeyTarget('ArrowLeft', true, 0, -1, 1)).toBeCloseTo(-0.2, 12);
    expect(probeKeyTarget('End', false, 0, -1, 1)).toBe(1);
    expect(probeKeyTarget('x', false, 0, -1, 1)).toBeNull();
  });
});
