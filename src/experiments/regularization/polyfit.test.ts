import { describe, expect, it } from 'vitest';
import {
  countZeros,
  fitLasso,
  fitRidge,
  halfMse,
  legendreRow,
  penalisedLoss,
  penaltyTerm,
  predict,
  softThreshold,
} from './polyfit';
import { regressionData } from './data';
import { sweepDegrees } from './polynomial';

describe('polynomial fit', () => {
  it('Legendre features match the closed forms P2 = (3x² − 1)/2 and P3 = (5x³ − 3x)/2', () => {
    for (const x of [-1, -0.3, 0, 0.7, 1]) {
      const row = legendreRow(x, 3);
      expect(row[0]).toBe(1);
      expect(row[1]).toBeCloseTo(x, 12);
      expect(row[2]).toBeCloseTo((3 * x * x - 1) / 2, 12);
      expect(row[3]).toBeCloseTo((5 * x ** 3 - 3 * x) / 2, 12);
    }
  });

  it('recovers an exact cubic from noiseless samples', () => {
    const f = (x: number) => 0.5 - x + 2 * x ** 3;
    const xs = Float64Array.from({ length: 12 }, (_, i) => -1 + (2 * i) / 11);
    const ys = xs.map(f);
    const theta = fitRidge(xs, ys, 3, 0);
    for (const x of [-0.9, -0.2, 0.45, 1]) expect(predict(theta, x)).toBeCloseTo(f(x), 6);
    expect(halfMse(theta, xs, ys)).toBeLessThan(1e-12);
  });

  it('training error never rises with degree, and degree 15 overfits on several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sweep = sweepDegrees(regressionData(15, 0.25, seed));
      for (let d = 1; d < 15; d++) expect(sweep.train[d]).toBeLessThanOrEqual(sweep.train[d - 1] + 1e-9);
      const bestVal = Math.min(...sweep.val);
      expect(sweep.val[14]).toBeGreaterThan(bestVal * 2);
      expect(sweep.train[14]).toBeLessThan(sweep.train[2]);
    }
  });
});

describe('penalties', () => {
  const theta = Float64Array.from([5, 1, -2, 0.5]);

  it('never penalise the bias θ₀', () => {
    expect(penaltyTerm(theta, 2, 'l2')).toBeCloseTo(2 * (1 + 4 + 0.25), 12);
    expect(penaltyTerm(theta, 2, 'l1')).toBeCloseTo(2 * (1 + 2 + 0.5), 12);
    const noBias = Float64Array.from([-100, 1, -2, 0.5]);
    expect(penaltyTerm(noBias, 2, 'l2')).toBe(penaltyTerm(theta, 2, 'l2'));
    expect(penaltyTerm(noBias, 2, 'l1')).toBe(penaltyTerm(theta, 2, 'l1'));
  });

  it('penalised loss = 1/(2m)(Σ(h − y)² + λ·penalty)', () => {
    const xs = [-0.5, 0, 0.5];
    const ys = [1, 2, 0];
    const sse = xs.reduce((s, x, i) => s + (predict(theta, x) - ys[i]) ** 2, 0);
    expect(penalisedLoss(theta, xs, ys, 0.3, 'l2')).toBeCloseTo((sse + 0.3 * 5.25) / 6, 10);
    expect(penalisedLoss(theta, xs, ys, 0.3, 'l1')).toBeCloseTo((sse + 0.3 * 3.5) / 6, 10);
  });

  it('a huge λ flattens the fit to the mean of y: only the unpenalised bias survives', () => {
    const data = regressionData(15, 0.25, 3);
    const mean = data.train.y.reduce((s, y) => s + y, 0) / data.train.n;
    const ridge = fitRidge(data.train.x, data.train.y, 15, 1e9);
    const lasso = fitLasso(data.train.x, data.train.y, 15, 1e9);
    expect(ridge[0]).toBeCloseTo(mean, 4);
    expect(lasso[0]).toBeCloseTo(mean, 6);
    expect(countZeros(lasso)).toBe(15);
  });

  it('the ridge solution is a stationary point of the L2 loss, the lasso one of the L1 loss', () => {
    const data = regressionData(15, 0.25, 2);
    const { x, y } = data.train;
    for (const [kind, theta] of [
      ['l2', fitRidge(x, y, 8, 0.1, 0)],
      ['l1', fitLasso(x, y, 8, 0.1, 20000)],
    ] as const) {
      const base = penalisedLoss(theta, x, y, 0.1, kind);
      for (let j = 0; j < theta.length; j++) {
        for (const h of [1e-4, -1e-4]) {
          const moved = Float64Array.from(theta);
          moved[j] += h;
          expect(penalisedLoss(moved, x, y, 0.1, kind)).toBeGreaterThanOrEqual(base - 1e-12);
        }
      }
    }
  });

  it('soft thresholding lands exactly on zero inside [−t, t]', () => {
    expect(softThreshold(0.3, 0.5)).toBe(0);
    expect(softThreshold(-0.5, 0.5)).toBe(0);
    expect(softThreshold(2, 0.5)).toBe(1.5);
    expect(softThreshold(-2, 0.5)).toBe(-1.5);
  });
});
