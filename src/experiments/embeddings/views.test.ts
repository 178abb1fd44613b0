import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { classifierExperiment } from './classifierTrainer';
import { gloveExperiment } from './trainer';
import {
  isAccuracyHistoryView,
  isBagModelsView,
  isConfusionView,
  isCoocView,
  isProjectionView,
  isWordVectorsView,
} from './views';

/** The views each embeddings experiment sends after a few steps with its default settings (seed 3). */
function gloveViews() {
  const t = gloveExperiment.create(defaultValues(gloveExperiment.params), 3);
  t.step(3);
  return t.views(['vectors', 'projection', 'cooc', 'accuracyHistory']) as Record<string, unknown>;
}

function classifierViews() {
  const params = { ...defaultValues(classifierExperiment.params), pretrain: 2 };
  const t = classifierExperiment.create(params, 3);
  t.step(4); // through the GloVe phase into the classifier's
  return t.views(['confusion', 'models']) as Record<string, unknown>;
}

const CHECKS = {
  vectors: isWordVectorsView,
  projection: isProjectionView,
  cooc: isCoocView,
  accuracyHistory: isAccuracyHistoryView,
  confusion: isConfusionView,
  models: isBagModelsView,
};

describe('embeddings view shape checks', () => {
  const sent: Record<string, unknown> = { ...gloveViews(), ...classifierViews() };

  it.each(Object.keys(CHECKS))('accept the %s view its trainer sends', (name) => {
    expect(sent[name], name).toBeDefined();
    expect(CHECKS[name as keyof typeof CHECKS](sent[name]), name).toBe(true);
  });

  it('tell every view from the others (no two experiments of the chapter share a name, nor do two views a shape)', () => {
    for (const [name, check] of Object.entries(CHECKS)) {
      for (const [other, value] of Object.entries(sent)) {
        if (other !== name) expect(check(value), `${name} reading ${other}`).toBe(false);
      }
    }
  });

  it('reject absent, malformed and partial values', () => {
    for (const check of Object.values(CHECKS)) {
      for (const bad of [undefined, null, 3, 'vectors', [], {}, new Float32Array(4)])
        expect(check(bad)).toBe(false);
    }
    const vectors = sent.vectors as Record<string, unknown>;
    expect(isWordVectorsView({ ...vectors, dim: (vectors.dim as number) + 1 })).toBe(false);
    const projection = sent.projection as Record<string, unknown>;
    expect(isProjectionView({ ...projection, groups: new Float32Array(3) })).toBe(false);
    const confusion = sent.confusion as Record<string, unknown>;
    expect(isConfusionView({ ...confusion, frozen: new Int32Array(3) })).toBe(false);
    const models = sent.models as { frozen: Record<string, unknown>; scratch: unknown };
    expect(isBagModelsView({ ...models, frozen: { ...models.frozen, bias: new Float32Array(1) } })).toBe(
      false,
    );
    expect(isBagModelsView({ frozen: models.frozen })).toBe(false);
  });
});
