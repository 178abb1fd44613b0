import { describe, expect, it } from 'vitest';
import { fitModel, fitPoints, lineAt } from './mseFitModel';

const onLine = { x1: 1, v1: 3, x2: 2, v2: 5, x3: 3, v3: 7, x4: 4, v4: 9, x5: 5, v5: 11, x6: 6, v6: 13 };

describe('fitModel', () => {
  it('reads six points, and the outlier only when it is on', () => {
    expect(fitPoints(onLine).map((p) => p.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    const withOutlier = fitPoints({ ...onLine, outlier: true, ox: 8, oy: 1 });
    expect(withOutlier.at(-1)).toEqual({ id: 'o', x: 8, y: 1 });
  });

  it('fits points on a line exactly with both losses', () => {
    const m = fitModel(onLine);
    expect(m.ls.w).toBeCloseTo(2, 6);
    expect(m.ls.b).toBeCloseTo(1, 6);
    expect(m.sLs.mse).toBeCloseTo(0, 9);
    expect(lineAt(m.la, 10)).toBeCloseTo(21, 3);
  });

  it('an outlier pulls the least-squares line more than the least-absolute one', () => {
    const m = fitModel({ ...onLine, outlier: true, ox: 6, oy: 0 });
    expect(m.sLs.mse).toBeLessThanOrEqual(m.sLa.mse);
    expect(m.sLa.mae).toBeLessThanOrEqual(m.sLs.mae);
    expect(Math.abs(m.la.w - 2)).toBeLessThan(Math.abs(m.ls.w - 2));
  });
});
