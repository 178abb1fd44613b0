import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import type { Experiment } from '../types';
import type { ViewCheck } from '../testing/expectViews';
import { augmentExperiment } from './augment';
import { batchnormExperiment } from './batchnorm';
import { capacityExperiment } from './capacity';
import { dropoutExperiment } from './dropout';
import { penaltyExperiment } from './penalty';
import { polynomialExperiment } from './polynomial';
import { searchExperiment } from './search';
import {
  isAugmentCurvesView,
  isAugmentGalleryView,
  isBatchnormCurvesView,
  isBatchnormLayersView,
  isCapacityCurvesView,
  isCoefficientPathsView,
  isDegreeSweepView,
  isDropoutCurvesView,
  isDropoutMasksView,
  isDropoutScalingView,
  isNetworkFitView,
  isPenaltyClassifierView,
  isPenaltyFitView,
  isPenaltyRunsView,
  isPenaltyWeightsView,
  isPolynomialFitView,
  isSearchView,
} from './views';

/** Each experiment's views by name with the check its figures accept them by. */
const CASES: [Experiment, Record<string, ViewCheck>][] = [
  [polynomialExperiment, { fit: isPolynomialFitView, sweep: isDegreeSweepView }],
  [capacityExperiment, { fit: isNetworkFitView, curves: isCapacityCurvesView }],
  [
    penaltyExperiment,
    {
      fit: isPenaltyFitView,
      weights: isPenaltyWeightsView,
      classifier: isPenaltyClassifierView,
      runs: isPenaltyRunsView,
      paths: isCoefficientPathsView,
    },
  ],
  [
    dropoutExperiment,
    { curves: isDropoutCurvesView, masks: isDropoutMasksView, scaling: isDropoutScalingView },
  ],
  [augmentExperiment, { gallery: isAugmentGalleryView, curves: isAugmentCurvesView }],
  [batchnormExperiment, { curves: isBatchnormCurvesView, layers: isBatchnormLayersView }],
  [searchExperiment, { search: isSearchView }],
];

/** The views of a fresh run of `experiment` after `steps` steps (a search step is two short trainings: keep it to 1). */
function viewsOf(experiment: Experiment, names: string[], steps = 1) {
  const t = experiment.create(defaultValues(experiment.params), 1);
  t.step(steps);
  return t.views(names);
}

describe('regularisation views: what the trainers send passes its declared check', () => {
  for (const [experiment, checks] of CASES) {
    it(experiment.id, () => {
      const names = Object.keys(checks);
      const views = viewsOf(experiment, names);
      for (const name of names) expect(checks[name](views[name]), `${experiment.id} ${name}`).toBe(true);
    });
  }

  it('the augment gallery before the first step (no draw yet) passes too', () => {
    const t = augmentExperiment.create(defaultValues(augmentExperiment.params), 1);
    const gallery = t.views(['gallery']).gallery;
    expect(gallery).not.toHaveProperty('draw');
    expect(isAugmentGalleryView(gallery)).toBe(true);
  });
});

describe('regularisation views: a view of the same name from another step is rejected', () => {
  const views = (e: Experiment, names: string[]) => viewsOf(e, names);
  const polynomial = views(polynomialExperiment, ['fit']);
  const capacity = views(capacityExperiment, ['fit', 'curves']);
  const penalty = views(penaltyExperiment, ['fit']);
  const dropout = views(dropoutExperiment, ['curves']);
  const augment = views(augmentExperiment, ['curves']);
  const batchnorm = views(batchnormExperiment, ['curves']);

  it('fit: each step’s fit check rejects the others’ fits that lack its curves', () => {
    expect(isPolynomialFitView(capacity.fit)).toBe(false);
    expect(isPolynomialFitView(penalty.fit)).toBe(false);
    expect(isPenaltyFitView(polynomial.fit)).toBe(false);
    expect(isPenaltyFitView(capacity.fit)).toBe(false);
    expect(isNetworkFitView(penalty.fit)).toBe(false);
  });

  it('curves: the four steps that send `curves` accept only their own', () => {
    const all = { capacity, dropout, augment, batchnorm };
    const checks = {
      capacity: isCapacityCurvesView,
      dropout: isDropoutCurvesView,
      augment: isAugmentCurvesView,
      batchnorm: isBatchnormCurvesView,
    };
    for (const [owner, check] of Object.entries(checks))
      for (const [sender, v] of Object.entries(all))
        expect(check(v.curves), `${owner} check on ${sender} curves`).toBe(owner === sender);
  });

  it('fields that do not fit together: a fit with unpaired points, paths of the wrong size', () => {
    const fit = polynomial.fit as Record<string, unknown>;
    expect(isPolynomialFitView({ ...fit, trainY: new Float32Array(1) })).toBe(false);
    const paths = views(penaltyExperiment, ['paths']).paths as Record<string, unknown>;
    expect(isCoefficientPathsView(paths)).toBe(true);
    expect(isCoefficientPathsView({ ...paths, degree: 3 })).toBe(false);
  });
});
