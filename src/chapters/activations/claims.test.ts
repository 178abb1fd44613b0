import { describe, expect, it } from 'vitest';
import { dyingExperiment } from '../../experiments/activations/dying';
import { defaultValues, mergeValues } from '../../experiments/params';
import { DYING_CLAIM, chapter } from './chapter';

/** The dying-ReLU step's prompts, checked by training its preset (seed included) in Node. */
function run(over: Record<string, unknown>, steps: number) {
  const { seed, ...preset } = chapter.lessons.find((s) => s.id === 'dying-relu')!.preset!;
  const values = mergeValues(dyingExperiment.params, defaultValues(dyingExperiment.params), {
    ...preset,
    ...over,
  });
  const trainer = dyingExperiment.create(values.values, Number(seed));
  const start = trainer.metrics();
  trainer.step(steps);
  return { start, end: trainer.metrics() };
}

describe('activations lesson claims', () => {
  it('dying ReLU: at lr 1 the dead fraction climbs within the first updates (seconds at the step’s pace)', () => {
    const { start, end } = run({}, DYING_CLAIM.risenBy);
    expect(Number(end.deadFraction)).toBeGreaterThan(2 * Number(start.deadFraction));
    expect(DYING_CLAIM.risenBy / DYING_CLAIM.pace).toBeLessThan(15);
  });

  it('dying ReLU: leaky ReLU ends with fewer dead units and a lower loss where Play stops', () => {
    const relu = run({}, DYING_CLAIM.stopAt).end;
    const leaky = run({ act: 'leaky' }, DYING_CLAIM.stopAt).end;
    expect(Number(leaky.deadFraction)).toBeLessThan(Number(relu.deadFraction) / 2);
    expect(leaky.loss).toBeLessThan(relu.loss);
  });

  it('dying ReLU: a lower learning rate keeps most units alive', () => {
    const { end } = run({ lr: 0.05 }, DYING_CLAIM.stopAt);
    expect(Number(end.deadFraction)).toBeLessThan(0.5);
  });
});
