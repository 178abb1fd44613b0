/**
 * Regularisation step 1: underfitting and overfitting. Least-squares polynomials of degree 1…15 through the same
 * noisy samples. The fit for the chosen degree is exact (normal equations); "training" sweeps the degrees, one per
 * step, so Play draws the training and validation error against degree (the U-curve) point by point.
 */
import type { Experiment, Metrics, ParamTable, ParamValue, ParamValues, Trainer } from '../types';
import type { PolynomialViews } from './views';
import { regressionData } from './data';
import { fitRidge, halfMse, predict } from './polyfit';
import { MAX_DEGREE, NOISE_PARAM, POINTS_PARAM, dataView, sampleCurve } from './shared';

export const polynomialParams: ParamTable = [
  {
    name: 'degree',
    label: 'Polynomial degree d',
    type: 'int',
    default: 3,
    min: 1,
    max: MAX_DEGREE,
    live: true,
    help: 'Highest power of x in h(x) = θ₀ + θ₁x + … + θ_d x^d.',
  },
  POINTS_PARAM,
  NOISE_PARAM,
];

export interface DegreeSweep {
  /** Training and validation error 1/(2m) Σ (h − y)² of the least-squares fit of each degree 1…MAX_DEGREE. */
  train: Float64Array;
  val: Float64Array;
}

/** Fits every degree once (cheap: 15 solves of at most 16 × 16). */
export function sweepDegrees(data: ReturnType<typeof regressionData>): DegreeSweep {
  const train = new Float64Array(MAX_DEGREE);
  const val = new Float64Array(MAX_DEGREE);
  for (let d = 1; d <= MAX_DEGREE; d++) {
    const theta = fitRidge(data.train.x, data.train.y, d, 0);
    train[d - 1] = halfMse(theta, data.train.x, data.train.y);
    val[d - 1] = halfMse(theta, data.val.x, data.val.y);
  }
  return { train, val };
}

export function createPolynomial(params: ParamValues, seed: number): Trainer<PolynomialViews> {
  const data = regressionData(params.points as number, params.noise as number, seed);
  const sweep = sweepDegrees(data);
  let degree = params.degree as number;
  let theta = fitRidge(data.train.x, data.train.y, degree, 0);
  /** Degrees revealed on the U-curve so far (one per training step). */
  let revealed = 0;

  return {
    step(n) {
      revealed = Math.min(MAX_DEGREE, revealed + n);
    },
    metrics(): Metrics {
      return {
        step: revealed,
        epoch: 0,
        loss: halfMse(theta, data.train.x, data.train.y),
        valLoss: halfMse(theta, data.val.x, data.val.y),
        degree,
        revealed,
      };
    },
    views(wanted) {
      const views: Partial<PolynomialViews> = {};
      if (wanted.includes('fit')) {
        const fitted = theta;
        views.fit = {
          ...dataView(data),
          fitY: sampleCurve((x) => predict(fitted, x)),
          degree,
          trainError: halfMse(fitted, data.train.x, data.train.y),
          valError: halfMse(fitted, data.val.x, data.val.y),
        };
      }
      if (wanted.includes('sweep')) {
        // Only the revealed degrees; the best among them is the lowest validation error so far.
        let best = -1;
        for (let d = 0; d < revealed; d++) if (best < 0 || sweep.val[d] < sweep.val[best]) best = d;
        views.sweep = {
          degrees: Float64Array.from({ length: revealed }, (_, i) => i + 1),
          train: sweep.train.slice(0, revealed),
          val: sweep.val.slice(0, revealed),
          bestDegree: best + 1,
        };
      }
      return views;
    },
    set(name: string, value: ParamValue) {
      if (name === 'degree' && typeof value === 'number') {
        degree = value;
        theta = fitRidge(data.train.x, data.train.y, degree, 0);
      }
    },
    divergence: () => null,
  };
}

export const polynomialExperiment: Experiment<PolynomialViews> = {
  id: 'reg-poly',
  title: 'Polynomial fits of degree 1–15 (the U-curve)',
  params: polynomialParams,
  create: createPolynomial,
};
