import { describe, expect, it } from 'vitest';
import { batchModesExperiment } from './batchModes';
import { landscapeExperiment } from './landscape';
import { lrRaceExperiment } from './lrRace';
import { oneParamExperiment } from './oneParam';
import { optimizersExperiment } from './optimizers';
import { twoParamExperiment } from './twoParam';
import {
  isBatchRunsView,
  isGridView,
  isLossCurveView,
  isModeCurves,
  isModePaths,
  isOneParamStateView,
  isOptimumView,
  isPoints,
  isRateRuns,
  isRuleRuns,
  isSliceView,
  isSurfaceInfoView,
  isTwoParamStateView,
} from './views';
import { viewsAfter } from '../testing/viewsAfter';
import { expectOthersRejected, expectViewsPass, type ViewCase } from '../testing/expectViews';

/** Each experiment's views by name, with the check its figure reads it through. */
const CASES: ViewCase[] = [
  {
    id: 'descent-theta',
    views: () => viewsAfter(oneParamExperiment, ['curve', 'state', 'path'], 5),
    checks: { curve: isLossCurveView, state: isOneParamStateView, path: isPoints },
  },
  {
    id: 'descent-surface',
    views: () => viewsAfter(twoParamExperiment, ['grid', 'state', 'path'], 5),
    checks: { grid: isGridView, state: isTwoParamStateView, path: isPoints },
  },
  {
    id: 'descent-landscape',
    views: () => viewsAfter(landscapeExperiment, ['slice', 'path'], 3, { every: 1 }),
    checks: { slice: isSliceView, path: isPoints },
  },
  {
    id: 'descent-lr',
    views: () => viewsAfter(lrRaceExperiment, ['grid', 'runs', 'state'], 5),
    checks: { grid: isGridView, runs: isRateRuns, state: isOptimumView },
  },
  {
    id: 'descent-batch',
    views: () => viewsAfter(batchModesExperiment, ['runs', 'paths', 'curves', 'grid'], 5),
    checks: { runs: isBatchRunsView, paths: isModePaths, curves: isModeCurves, grid: isGridView },
  },
  {
    id: 'descent-optim',
    views: () => viewsAfter(optimizersExperiment, ['grid', 'runs', 'surface'], 5),
    checks: { grid: isGridView, runs: isRuleRuns, surface: isSurfaceInfoView },
  },
];

describe('descent view shape checks', () => {
  const sent = new Map(CASES.map((c) => [c.id, c.views()]));

  it.each(CASES)('accept every view $id sends', ({ id, checks }) => {
    expectViewsPass(sent.get(id)!, checks, id);
  });

  it('reject a view of the same name that another experiment sends (the step before may leave one behind)', () => {
    // Views every experiment sends alike (a grid, an interleaved path) are the same shape by design.
    const shared = new Set(['grid', 'path']);
    const compared = expectOthersRejected(CASES, sent, (name) => shared.has(name));
    expect(compared).toBe(12); // 'state' and 'runs': three readers each, each against the two other senders
  });

  it('reject absent, malformed and partial values', () => {
    const checks = CASES.flatMap((c) => Object.values(c.checks));
    for (const check of checks) {
      for (const bad of [undefined, null, 3, 'state', [], {}, new Float32Array(3)])
        expect(check(bad)).toBe(false);
    }
    const state = sent.get('descent-theta')!.state as Record<string, unknown>;
    expect(isOneParamStateView({ ...state, regime: 'sideways' })).toBe(false);
    expect(isOneParamStateView({ ...state, grad: '0.1' })).toBe(false);
    const runs = sent.get('descent-optim')!.runs as Record<string, unknown>[];
    expect(isRuleRuns([...runs, { ...runs[0], path: [0, 1] }])).toBe(false);
    expect(isRuleRuns(runs.map((r) => ({ ...r, v: [1] })))).toBe(false);
    const slice = sent.get('descent-landscape')!.slice as Record<string, unknown>;
    expect(isSliceView({ ...slice, plane: 'diagonal' })).toBe(false);
    const batch = sent.get('descent-batch')!.runs as Record<string, unknown>;
    expect(isBatchRunsView({ ...batch, mini: undefined })).toBe(false);
  });

  it('reads the optimisers’ memory: momentum’s v, Adam’s m̂ and ŝ, none for plain gradient descent', () => {
    const runs = sent.get('descent-optim')!.runs;
    expect(isRuleRuns(runs)).toBe(true);
    if (!isRuleRuns(runs)) return;
    const byRule = Object.fromEntries(runs.map((r) => [r.rule, r]));
    expect(byRule.sgd.v ?? byRule.sgd.mHat ?? byRule.sgd.sHat).toBeUndefined();
    expect(byRule.momentum.v).toHaveLength(2);
    expect(byRule.adam.mHat).toHaveLength(2);
    expect(byRule.adam.sHat).toHaveLength(2);
  });
});
