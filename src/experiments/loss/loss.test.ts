import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, crossEntropy, mse } from '../../core/losses';
import { softmax as softmaxRow } from '../../core/scalar';
import { tensor } from '../../core/tensor';
import {
  PROB_EPS,
  binaryCrossEntropyLogitGradient,
  binaryCrossEntropyOfLogit,
  binaryCrossEntropyOfProb,
  clampProb,
  crossEntropyOfProbs,
  leastAbsoluteLine,
  leastSquaresLine,
  meanAbsoluteError,
  meanSquaredError,
  sigmoid,
  squaredErrorLogitGradient,
  squaredErrorOfLogit,
} from './formulas';
import { IMAGE_SIZE, digitImage, squaredDifferences } from './images';
import { createLogistic, logisticLoss } from './logistic';
import { createSaturation } from './saturation';
import { createSoftmaxClassifier } from './softmaxClassifier';
import { twoBlobs } from './data';

/** Central finite difference in float64. */
const fd = (f: (z: number) => number, z: number, h = 1e-5) => (f(z + h) - f(z - h)) / (2 * h);

describe('loss formulas against hand-computed values', () => {
  it('MSE and MAE', () => {
    // (1 − 0.5)² = 0.25, (0 − 0)² = 0, (2 − 3)² = 1 → 1.25 / 3
    expect(meanSquaredError([0.5, 0, 3], [1, 0, 2])).toBeCloseTo(1.25 / 3, 12);
    expect(meanAbsoluteError([0.5, 0, 3], [1, 0, 2])).toBeCloseTo(1.5 / 3, 12);
    expect(meanSquaredError([], [])).toBe(0);
  });

  it('cross-entropy is −log of the true class probability, with the minus sign', () => {
    expect(crossEntropyOfProbs([0.7, 0.2, 0.1], 0)).toBeCloseTo(-Math.log(0.7), 12);
    expect(crossEntropyOfProbs([0.7, 0.2, 0.1], 2)).toBeCloseTo(Math.log(10), 12);
    // a sure, right answer costs 0; the loss is never negative
    expect(crossEntropyOfProbs([1, 0, 0], 0)).toBeCloseTo(0, 5);
    // log(0) is clamped: finite, and as large as the clamp allows
    expect(crossEntropyOfProbs([1, 0, 0], 1)).toBeCloseTo(-Math.log(PROB_EPS), 9);
  });

  it('binary cross-entropy from a probability and from a logit agree, also for extreme logits', () => {
    expect(binaryCrossEntropyOfProb(0.8, 1)).toBeCloseTo(-Math.log(0.8), 12);
    expect(binaryCrossEntropyOfProb(0.8, 0)).toBeCloseTo(-Math.log(0.2), 12);
    for (const z of [-8, -3, -0.5, 0, 0.5, 3, 8]) {
      for (const y of [0, 1]) {
        const viaProb = -y * Math.log(sigmoid(z)) - (1 - y) * Math.log(1 - sigmoid(z));
        expect(binaryCrossEntropyOfLogit(z, y)).toBeCloseTo(viaProb, 8);
      }
    }
    // z = 30, y = 0: by hand, −log(1 − σ(30)) = log(1 + e³⁰) = 30 + log(1 + e⁻³⁰); computing 1 − σ(30) in floating
    // point loses the digits (it is why the core takes logits), the logit form does not
    expect(binaryCrossEntropyOfLogit(30, 0)).toBeCloseTo(30 + Math.log1p(Math.exp(-30)), 12);
    // z = ±1000: σ rounds to exactly 0 or 1, yet the loss from the logit stays exact: |z| when wrong, 0 when right
    expect(binaryCrossEntropyOfLogit(1000, 0)).toBeCloseTo(1000, 9);
    expect(binaryCrossEntropyOfLogit(-1000, 1)).toBeCloseTo(1000, 9);
    expect(binaryCrossEntropyOfLogit(1000, 1)).toBe(0);
    expect(clampProb(0)).toBe(PROB_EPS);
    expect(clampProb(1)).toBe(1 - PROB_EPS);
    expect(clampProb(Number.NaN)).toBe(0.5);
  });

  it('match the core’s fused losses', () => {
    const z = [2, -1, 0.5, -3];
    const y = [1, 0, 0, 1];
    const core = binaryCrossEntropy(tensor(z), y).item();
    const ours = z.reduce((s, v, i) => s + binaryCrossEntropyOfLogit(v, y[i]), 0) / z.length;
    expect(core).toBeCloseTo(ours, 5);
    const logits = [1, 2, 0.5];
    expect(crossEntropy(tensor([logits]), [1]).item()).toBeCloseTo(
      crossEntropyOfProbs(softmaxRow(logits), 1),
      5,
    );
    expect(mse(tensor([0.5, 0, 3]), [1, 0, 2]).item()).toBeCloseTo(
      meanSquaredError([0.5, 0, 3], [1, 0, 2]),
      6,
    );
  });

  it('gradients with respect to the logit match finite differences', () => {
    for (const z of [-8, -2, -0.3, 0, 0.7, 2.5, 8]) {
      for (const y of [0, 1]) {
        expect(squaredErrorLogitGradient(z, y)).toBeCloseTo(
          fd((v) => squaredErrorOfLogit(v, y), z),
          7,
        );
        expect(binaryCrossEntropyLogitGradient(z, y)).toBeCloseTo(
          fd((v) => binaryCrossEntropyOfLogit(v, y), z),
          7,
        );
      }
    }
  });
});

describe("the loss chapter's worked cases: saturation, fitted lines, the digit image", () => {
  it('saturation: at a confidently wrong logit the squared-error gradient vanishes, the BCE gradient does not', () => {
    const z = -8; // h = σ(−8) ≈ 0.0003 while y = 1
    expect(Math.abs(squaredErrorLogitGradient(z, 1))).toBeLessThan(1e-3);
    expect(Math.abs(binaryCrossEntropyLogitGradient(z, 1))).toBeGreaterThan(0.99);
  });

  it('least squares and least absolute lines; one outlier moves the first much more', () => {
    const x = [0, 1, 2, 3, 4];
    const y = x.map((v) => 2 * v + 1);
    expect(leastSquaresLine(x, y).w).toBeCloseTo(2, 12);
    expect(leastAbsoluteLine(x, y).b).toBeCloseTo(1, 12);
    const yOut = [...y.slice(0, 4), 30]; // the last point pulled far up
    const ls = leastSquaresLine(x, yOut);
    const la = leastAbsoluteLine(x, yOut);
    expect(Math.abs(la.w - 2)).toBeLessThan(1e-9); // L1 fit ignores the single outlier
    expect(ls.w - 2).toBeGreaterThan(2);
    // each line is optimal for its own loss
    const mseOf = (l: { w: number; b: number }) =>
      meanSquaredError(
        x.map((v) => l.w * v + l.b),
        yOut,
      );
    const maeOf = (l: { w: number; b: number }) =>
      meanAbsoluteError(
        x.map((v) => l.w * v + l.b),
        yOut,
      );
    expect(mseOf(ls)).toBeLessThan(mseOf(la));
    expect(maeOf(la)).toBeLessThan(maeOf(ls));
  });

  it('the digit image and its shifted copy', () => {
    const a = digitImage(0);
    expect(a.length).toBe(IMAGE_SIZE * IMAGE_SIZE);
    expect(Math.max(...a)).toBe(1);
    expect(Math.min(...a)).toBe(0);
    expect(meanSquaredError(digitImage(0), a)).toBe(0);
    const d1 = squaredDifferences(a, digitImage(1)).reduce((s, v) => s + v, 0);
    const d2 = squaredDifferences(a, digitImage(2)).reduce((s, v) => s + v, 0);
    expect(d1).toBeGreaterThan(0);
    expect(d2).toBeGreaterThan(d1);
  });
});

describe('loss experiments', () => {
  it('softmax + cross-entropy separates the three blobs', () => {
    const t = createSoftmaxClassifier({ dataset: 'blobs', hidden: 8, lr: 0.5, sign: 'correct' }, 1);
    const before = t.metrics();
    t.step(100);
    const after = t.metrics();
    expect(after.accuracy).toBeGreaterThan(0.95);
    expect(after.loss).toBeLessThan(before.loss / 10);
    expect(after.pTrue).toBeGreaterThan(0.9);
  });

  it('dropping the minus sign drives the true-class probability below 0.1 (step 6’s claim)', () => {
    const t = createSoftmaxClassifier({ dataset: 'blobs', hidden: 8, lr: 0.5, sign: 'dropped' }, 1);
    const start = t.metrics();
    t.step(100);
    const m = t.metrics();
    expect(m.pTrue).toBeLessThan(0.1);
    expect(m.loss).toBeGreaterThan(start.loss); // the real cross-entropy climbs …
    expect(m.objective).toBeLessThan(start.objective!); // … while the objective it minimises falls
    expect(m.objective).toBeCloseTo(-m.loss, 6);
  });

  it('logistic regression reaches ≥ 95 % training accuracy on the blobs (step 4’s claim)', () => {
    const t = createLogistic({ lr: 1, th1: -4, th2: 3 }, 1);
    t.step(60);
    const m = t.metrics();
    expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
    // the drawn surface is the same loss the core trains on
    const data = twoBlobs(200, 0); // any data: the float64 surface formula vs the core loss
    expect(logisticLoss(data.x, data.y, 1, 2)).toBeGreaterThan(0);
    expect(m.loss).toBeCloseTo(t.views(['state']).state!.loss, 6);
  });

  it('saturating start: after 200 steps BCE has recovered and squared error has not (step 5’s claim)', () => {
    const t = createSaturation({ lr: 1, wrong: 8 }, 1);
    const start = t.metrics();
    t.step(200);
    const m = t.metrics();
    expect(start.accMse).toBe(start.accBce); // same start
    expect(m.accBce).toBeGreaterThan(0.95);
    expect(m.accMse).toBeLessThan(0.5);
    expect(m.sqBce!).toBeLessThan(m.sqMse! / 10);
    expect(m.ceBce!).toBeLessThan(m.ceMse! / 10);
  });

  it('runs are reproducible from the seed', () => {
    const a = createSaturation({ lr: 1, wrong: 8 }, 7);
    const b = createSaturation({ lr: 1, wrong: 8 }, 7);
    a.step(30);
    b.step(30);
    expect(a.metrics()).toEqual(b.metrics());
  });
});
