import { describe, expect, it } from 'vitest';
import { classifier2d } from './classifier2d';
import {
  gradsMatch,
  isBoundaryView,
  isGradNormsView,
  isLayerGrads,
  isLossHistoryView,
  isNetworkWeightsView,
  isPointsView,
} from './classifierViews';
import { compareExperiment } from './activations/compare';
import { depthExperiment } from './activations/depth';
import { logisticExperiment } from './loss/logistic';
import { softmaxClassifierExperiment } from './loss/softmaxClassifier';
import { penaltyExperiment } from './regularization/penalty';
import type { Experiment } from './types';
import { viewsAfter } from './testing/viewsAfter';
import { expectViewsPass, type ViewCheck } from './testing/expectViews';

const CHECKS: Record<string, ViewCheck> = {
  boundary: isBoundaryView,
  points: isPointsView,
  lossHistory: isLossHistoryView,
  gradNorms: isGradNormsView,
  weights: isNetworkWeightsView,
  grads: isLayerGrads,
};
const NAMES = Object.keys(CHECKS);

describe('classifier2d view shape checks', () => {
  it.each([
    { label: 'before the first step', steps: 0, over: {} },
    { label: 'after training', steps: 5, over: {} },
    { label: 'with no hidden layer and no test points', steps: 5, over: { hidden: [], test: 0 } },
    { label: 'with three hidden layers', steps: 5, over: { hidden: [4, 3, 2] } },
  ])('accept every view it sends $label', ({ steps, over }) => {
    const views = viewsAfter(classifier2d, NAMES, steps, over);
    expectViewsPass(views, CHECKS);
    expect(gradsMatch(views.grads as never, views.weights as never)).toBe(true);
  });

  it('reject the views of the same name that other experiments send', () => {
    const others = [
      logisticExperiment,
      softmaxClassifierExperiment,
      compareExperiment,
      depthExperiment,
      penaltyExperiment,
    ];
    let compared = 0;
    for (const experiment of others) {
      const views = viewsAfter(experiment as Experiment, NAMES, 3);
      for (const [name, check] of Object.entries(CHECKS)) {
        if (views[name] === undefined) continue;
        compared++;
        expect(check(views[name]), `${experiment.id}'s ${name}`).toBe(false);
      }
    }
    expect(compared).toBe(5); // points ×2 (loss), weights ×2 (compare, penalty), gradNorms (depth)
  });

  it('reject absent, malformed and partial values, and gradients of another network', () => {
    for (const check of Object.values(CHECKS))
      for (const bad of [undefined, null, 3, 'weights', [], {}, new Float32Array(4)])
        expect(check(bad)).toBe(false);
    const views = viewsAfter(classifier2d, NAMES, 2);
    const weights = views.weights as { sizes: number[]; layers: { w: Float32Array; b: Float32Array }[] };
    expect(isNetworkWeightsView({ ...weights, sizes: [...weights.sizes, 1] })).toBe(false);
    expect(isNetworkWeightsView({ ...weights, activation: undefined })).toBe(false);
    const layers = weights.layers.map((l, i) => (i === 0 ? { ...l, w: l.w.subarray(1) } : l));
    expect(isNetworkWeightsView({ ...weights, layers })).toBe(false);
    const boundary = views.boundary as Record<string, unknown>;
    expect(isBoundaryView({ ...boundary, nx: 3 })).toBe(false);
    const points = views.points as { train: object; test: object };
    expect(isPointsView({ ...points, test: undefined })).toBe(false);
    const smaller = viewsAfter(classifier2d, NAMES, 2, { hidden: [4] });
    expect(gradsMatch(smaller.grads as never, views.weights as never)).toBe(false);
  });
});
