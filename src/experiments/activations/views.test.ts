import { describe, expect, it } from 'vitest';
import { compareExperiment } from './compare';
import { depthExperiment } from './depth';
import { dyingExperiment } from './dying';
import { maxoutExperiment } from './maxout';
import {
  isCompareCurvesView,
  isCompareDataView,
  isDeadMask,
  isDepthCurvesView,
  isDyingCurvesView,
  isFieldsView,
  isLayerNorms,
  isMaxoutCurvesView,
  isMaxoutFitView,
  isNetworkWeightsList,
  isPlaneDataView,
} from './views';
import { viewsAfter } from '../testing/viewsAfter';
import { expectOthersRejected, expectViewsPass, type ViewCase } from '../testing/expectViews';

const PLANE_CHECKS = { fields: isFieldsView, data: isPlaneDataView };

/** Each experiment's views by name, with the check its figure reads it through. */
const CASES: ViewCase[] = [
  {
    id: 'activations-compare',
    views: () => viewsAfter(compareExperiment, ['data', 'fields', 'curves', 'weights'], 5),
    checks: {
      data: isCompareDataView,
      fields: isFieldsView,
      curves: isCompareCurvesView,
      weights: isNetworkWeightsList,
    },
  },
  {
    id: 'activations-depth',
    views: () => viewsAfter(depthExperiment, ['gradNorms', 'gradNormsStep', 'curves', 'fields', 'data'], 5),
    checks: {
      gradNorms: isLayerNorms,
      gradNormsStep: isLayerNorms,
      curves: isDepthCurvesView,
      ...PLANE_CHECKS,
    },
  },
  {
    id: 'activations-dying',
    views: () => viewsAfter(dyingExperiment, ['curves', 'deadMask', 'fields', 'data'], 5),
    checks: { curves: isDyingCurvesView, deadMask: isDeadMask, ...PLANE_CHECKS },
  },
  {
    id: 'activations-maxout',
    views: () => viewsAfter(maxoutExperiment, ['fit', 'curves'], 5),
    checks: { fit: isMaxoutFitView, curves: isMaxoutCurvesView },
  },
];

/** Steps that send the plane views (task.ts addPlaneViews): the same shape by design. */
const PLANE_SENDERS = new Set(['activations-depth', 'activations-dying']);

describe('activations view shape checks', () => {
  const sent = new Map(CASES.map((c) => [c.id, c.views()]));

  it.each(CASES)('accept every view $id sends', ({ id, checks }) => {
    expectViewsPass(sent.get(id)!, checks, id);
  });

  it('accept activations-compare’s views on a 1-D fit with network B off', () => {
    const views = viewsAfter(compareExperiment, ['data', 'fields', 'curves', 'weights'], 5, {
      task: 'sine',
      actB: 'off',
    });
    expect(isCompareDataView(views.data)).toBe(true);
    expect(isFieldsView(views.fields)).toBe(true);
    expect((views.fields as { b?: unknown }).b).toBeUndefined();
    expect(isCompareCurvesView(views.curves)).toBe(true);
    expect(isNetworkWeightsList(views.weights)).toBe(true);
  });

  it('reject a view of the same name that another experiment sends (the step before may leave one behind)', () => {
    // `fields` is one shape wherever it is sent; so is `data` between the two plane-view senders.
    const compared = expectOthersRejected(
      CASES,
      sent,
      (name, reader, sender) =>
        name === 'fields' || (name === 'data' && PLANE_SENDERS.has(sender) && PLANE_SENDERS.has(reader)),
    );
    expect(compared).toBe(16); // 'curves': four readers, each against the three other senders; 'data': 2 + 1 + 1
  });

  it('reject absent, malformed and partial values', () => {
    const checks = CASES.flatMap((c) => Object.values(c.checks));
    for (const check of checks) {
      for (const bad of [undefined, null, 3, 'curves', {}, new Float32Array(3), [{}]])
        expect(check(bad)).toBe(false);
    }
    const compare = sent.get('activations-compare')!;
    const curves = compare.curves as Record<string, unknown>;
    expect(isCompareCurvesView({ ...curves, hasB: 1 })).toBe(false);
    const longer = new Float64Array((curves.x as Float64Array).length + 1);
    expect(isCompareCurvesView({ ...curves, testB: longer })).toBe(false);
    const data = compare.data as Record<string, unknown>;
    expect(isCompareDataView({ ...data, kind: 'cluster' })).toBe(false);
    expect(isCompareDataView({ ...data, inDim: 3 })).toBe(false);
    const weights = compare.weights as { layers: Record<string, unknown>[] }[];
    expect(isNetworkWeightsList([{ ...weights[0], layers: [{ ...weights[0].layers[0], rows: 99 }] }])).toBe(
      false,
    );
    const fit = sent.get('activations-maxout')!.fit as Record<string, unknown>;
    expect(isMaxoutFitView({ ...fit, b: new Float32Array(0) })).toBe(false);
    expect(isDeadMask([new Float32Array(2)])).toBe(false);
  });
});
