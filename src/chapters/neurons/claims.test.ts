import { describe, expect, it } from 'vitest';
import { classifier2d } from '../../experiments/classifier2d';
import { defaultValues, mergeValues } from '../../experiments/params';
import { chapter, DEPTH_CLAIM, WIDTH_CLAIM } from './chapter';

/**
 * The numbers and comparisons in the neurons lesson text are produced here: each test trains the step's own preset
 * (in Node, same code as the worker) and fails if the experiment no longer bears out what the prose says.
 */

function stepById(id: string) {
  const step = chapter.lessons.find((s) => s.id === id);
  if (!step?.preset) throw new Error(`no live step ${id}`);
  return step;
}

/** The step's preset with some values overridden, trained from `seed` for `steps` steps. */
function train(id: string, over: Record<string, unknown>, seed: number, steps: number) {
  const { seed: _presetSeed, ...preset } = stepById(id).preset!;
  const values = mergeValues(classifier2d.params, defaultValues(classifier2d.params), {
    ...preset,
    ...over,
  }).values;
  const trainer = classifier2d.create(values, seed);
  trainer.step(steps);
  return trainer.metrics();
}

describe('neurons lesson claims, from the step presets', () => {
  it('"Why depth": Play stops where the claims are made', () => {
    expect(stepById('depth').stopAt).toBe(DEPTH_CLAIM.steps);
    expect(stepById('depth').body).toContain(DEPTH_CLAIM.steps.toLocaleString('en-US'));
  });

  it('"Why depth": the single layer of 24 stays stuck for every seed; 8,8 fits with the seeds the text names', () => {
    for (const seed of DEPTH_CLAIM.seeds) {
      const wide = train('depth', {}, seed, DEPTH_CLAIM.steps);
      expect(wide.loss, `24, seed ${seed}`).toBeGreaterThan(DEPTH_CLAIM.stuckAbove);
      const deep = train('depth', { hidden: '8,8' }, seed, DEPTH_CLAIM.steps);
      if ((DEPTH_CLAIM.deepFits as readonly number[]).includes(seed))
        expect(deep.loss, `8,8, seed ${seed}`).toBeLessThan(DEPTH_CLAIM.fitBelow);
      else expect(deep.loss, `8,8, seed ${seed}`).toBeGreaterThan(DEPTH_CLAIM.stuckAbove);
    }
  }, 120_000);

  it('"Why depth": given more steps, the wide layer fits the spiral too (seed 1)', () => {
    const wide = train('depth', {}, 1, DEPTH_CLAIM.steps * DEPTH_CLAIM.wideFitsAfterTimes);
    expect(wide.loss).toBeLessThan(DEPTH_CLAIM.fitBelow);
  }, 120_000);

  it('"Parameters and hyperparameters": 8 hidden neurons end with a lower validation loss than 2', () => {
    const seed = Number(stepById('hyperparameters').preset!.seed);
    expect(stepById('hyperparameters').stopAt).toBe(WIDTH_CLAIM.steps);
    const narrow = train(
      'hyperparameters',
      { hidden: WIDTH_CLAIM.narrow.join(',') },
      seed,
      WIDTH_CLAIM.steps,
    );
    const wide = train('hyperparameters', { hidden: WIDTH_CLAIM.wide.join(',') }, seed, WIDTH_CLAIM.steps);
    expect(wide.valLoss!).toBeLessThan(narrow.valLoss! / 2);
  }, 60_000);

  it('"Learning": the run that stops at stopAt has learned the circle', () => {
    const step = stepById('learning');
    const end = train('learning', {}, Number(step.preset!.seed), step.stopAt!);
    expect(end.valAccuracy!).toBeGreaterThan(0.9);
  }, 60_000);
});
