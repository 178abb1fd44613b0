import { describe, expect, it } from 'vitest';
import { compareParams } from '../../experiments/activations/compare';
import { depthParams } from '../../experiments/activations/depth';
import { dyingParams } from '../../experiments/activations/dying';
import { maxoutParams } from '../../experiments/activations/maxout';
import { decodeQuery, defaultValues, mergeValues } from '../../experiments/params';
import type { ParamTable } from '../../experiments/types';
import { chapter } from './chapter';
import { NEURON_PARAMS, PROBE_PARAMS, SOFTMAX_PARAMS } from './figures/localParams';
import { presetHref } from '../../lessons/presetLinks';
import { INSTRUCTOR_PRESETS } from './presets';

/** The parameter table behind each figure key of chapter.ts. */
const TABLES: Record<string, ParamTable> = {
  neuron: NEURON_PARAMS,
  'step-linear': compareParams,
  'sigmoid-tanh': PROBE_PARAMS,
  vanishing: depthParams,
  dying: dyingParams,
  softmax: SOFTMAX_PARAMS,
  maxout: maxoutParams,
  playground: compareParams,
};

describe('lesson presets and instructor presets', () => {
  it('every lesson preset uses only valid parameters of its figure', () => {
    for (const step of chapter.lessons) {
      const table = TABLES[step.figure ?? ''];
      expect(table, step.id).toBeDefined();
      const { seed: _seed, ...rest } = step.preset ?? {};
      const { ignored } = mergeValues(table, defaultValues(table), rest);
      expect(ignored, step.id).toEqual([]);
    }
  });

  it('each instructor preset is a readable share link whose settings are all valid for its step', () => {
    expect(INSTRUCTOR_PRESETS.map((p) => p.label)).toEqual([
      'Linear can’t bend',
      'Sigmoid vanishes at depth 8',
      'Dying ReLU at lr 1.0',
    ]);
    for (const p of INSTRUCTOR_PRESETS) {
      const href = presetHref('activations', p);
      expect(href.startsWith('#/activations?lesson=')).toBe(true);
      const step = chapter.lessons[Number(p.query.lesson) - 1];
      const table = TABLES[step.figure ?? ''];
      const decoded = decodeQuery(table, new URLSearchParams(href.split('?')[1]));
      expect(decoded.ignored, p.id).toEqual([]);
      expect(decoded.hasSeed).toBe(true);
    }
  });

  it('the presets say what their names promise', () => {
    const byId = Object.fromEntries(INSTRUCTOR_PRESETS.map((p) => [p.id, p.query]));
    expect(byId['linear-cant-bend']).toMatchObject({ a1: 'linear', a2: 'linear', actB: 'relu' });
    expect(byId['sigmoid-vanishes']).toMatchObject({ depth: '8', act: 'sigmoid' });
    expect(byId['dying-relu']).toMatchObject({ act: 'relu', lr: '1' });
  });
});
