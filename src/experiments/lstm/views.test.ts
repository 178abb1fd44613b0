import { describe, expect, it } from 'vitest';
import { compareExperiment } from '../activations/compare';
import { dyingExperiment } from '../activations/dying';
import { maxoutExperiment } from '../activations/maxout';
import { batchModesExperiment } from '../descent/batchModes';
import { fitExperiment } from '../neurons/fit';
import { dropoutExperiment } from '../regularization/dropout';
import type { Experiment } from '../types';
import { recallExperiment } from './recall';
import { isGateTraceView, isGradFlowView, isRecallCurvesView, isRecallInfoView } from './views';
import { viewsAfter } from '../testing/viewsAfter';
import { expectViewsPass, type ViewCheck } from '../testing/expectViews';

const CHECKS: Record<string, ViewCheck> = {
  curves: isRecallCurvesView,
  trace: isGateTraceView,
  gradflow: isGradFlowView,
  info: isRecallInfoView,
};
const NAMES = Object.keys(CHECKS);

describe('lstm-recall view shape checks', () => {
  it.each([
    { models: 'both', steps: 0 },
    { models: 'both', steps: 12 },
    { models: 'lstm', steps: 12 },
  ])('accept every view it sends with models=$models after $steps steps', ({ models, steps }) => {
    const views = viewsAfter(recallExperiment, NAMES, steps, { models });
    expectViewsPass(views, CHECKS);
    expect(Object.keys(views.gradflow as object).sort()).toEqual(
      models === 'both' ? ['lstm', 'rnn'] : ['lstm'],
    );
  });

  it('the RNN alone sends no trace (it has no gates), and its other views pass', () => {
    const views = viewsAfter(recallExperiment, NAMES, 12, { models: 'rnn' });
    expect(views.trace).toBeUndefined();
    for (const name of ['curves', 'gradflow', 'info']) expect(CHECKS[name](views[name]), name).toBe(true);
  });

  it('reject the curves other experiments send under the same name', () => {
    const others = [
      batchModesExperiment,
      compareExperiment,
      dyingExperiment,
      maxoutExperiment,
      dropoutExperiment,
      fitExperiment,
    ] as Experiment[];
    for (const experiment of others) {
      const curves = viewsAfter(experiment, NAMES, 3).curves;
      expect(curves, experiment.id).toBeDefined();
      expect(isRecallCurvesView(curves), experiment.id).toBe(false);
    }
  });

  it('reject absent, malformed and partial values', () => {
    for (const check of Object.values(CHECKS))
      for (const bad of [undefined, null, 3, 'trace', [], {}, new Float32Array(4)])
        expect(check(bad)).toBe(false);
    const views = viewsAfter(recallExperiment, NAMES, 2);
    const trace = views.trace as Record<string, unknown> & { f: Float32Array; tokens: Int32Array };
    expect(isGateTraceView({ ...trace, f: trace.f.subarray(1) })).toBe(false);
    expect(isGateTraceView({ ...trace, tokens: Float32Array.from(trace.tokens) })).toBe(false);
    expect(isGateTraceView({ ...trace, hidden: 2.5 })).toBe(false);
    expect(isRecallCurvesView({ ...(views.curves as object), gruAcc: new Float32Array(2) })).toBe(false);
    expect(isGradFlowView({ ...(views.gradflow as object), rnn: [1, 2] })).toBe(false);
    expect(isRecallInfoView({ ...(views.info as object), example: 7 })).toBe(false);
  });
});
