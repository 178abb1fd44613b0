/** Parameters and view helpers shared by the chapter's 1-D regression experiments (steps 1–3). */
import type { NumberParam, IntParam } from '../types';
import type { RegressionData } from './data';

export const MAX_DEGREE = 15;

export const POINTS_PARAM: IntParam = {
  name: 'points',
  label: 'Training samples m',
  type: 'int',
  default: 15,
  min: 8,
  max: 40,
  live: false,
  help: 'How many noisy samples the model is fitted to.',
};

export const NOISE_PARAM: NumberParam = {
  name: 'noise',
  label: 'Noise σ',
  type: 'number',
  default: 0.25,
  min: 0,
  max: 1,
  step: 0.01,
  live: false,
  help: 'Standard deviation of the noise added to every sample.',
};

/** Points where fitted curves are drawn. */
export const CURVE_SAMPLES = 161;

/** x of the drawn curve, evenly spaced on [−1, 1]. */
export function curveXs(): Float32Array {
  return Float32Array.from({ length: CURVE_SAMPLES }, (_, i) => -1 + (2 * i) / (CURVE_SAMPLES - 1));
}

/** f sampled at curveXs(). */
export function sampleCurve(f: (x: number) => number): Float32Array {
  return curveXs().map(f);
}

/**
 * The data part of a fit view: training and validation points and the true function.
 *   trainX, trainY [m]; valX, valY [60]; curveX, truthY [CURVE_SAMPLES]
 */
export function dataView(data: RegressionData) {
  return {
    trainX: data.train.x.slice(),
    trainY: data.train.y.slice(),
    valX: data.val.x.slice(),
    valY: data.val.y.slice(),
    curveX: curveXs(),
    truthY: sampleCurve(data.truth),
  };
}
