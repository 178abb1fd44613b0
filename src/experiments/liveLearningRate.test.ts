import { describe, expect, it } from 'vitest';
import { defaultValues, learningRateSpec } from './params';
import { getRegistryEntry, listExperiments } from './registry';

/**
 * Every experiment whose table marks a live learning rate applies a new rate to its running trainer: two trainers from
 * the same seed, one told a smaller rate before training, part ways within a few hundred steps (an experiment may
 * train something else first, e.g. the headline classifier's GloVe phase, which that rate does not drive).
 */
const experiments = await Promise.all(
  listExperiments().map(async ({ id }) => ({ id, experiment: await getRegistryEntry(id)!.load() })),
);
const withLiveRate = experiments.filter(({ experiment }) => learningRateSpec(experiment.params)?.live);

describe('a live learning-rate change reaches the optimiser', () => {
  it('finds experiments with a live learning rate', () => {
    expect(withLiveRate.length).toBeGreaterThan(15);
  });

  for (const { id, experiment } of withLiveRate) {
    it(
      id,
      () => {
        const spec = learningRateSpec(experiment.params)!;
        const params = defaultValues(experiment.params);
        const plain = experiment.create(params, 7);
        const changed = experiment.create(params, 7);
        const smaller = Math.max(spec.min, (params[spec.name] as number) / 4);
        expect(smaller).toBeLessThan(params[spec.name] as number);
        changed.set(spec.name, smaller);
        let steps = 0;
        while (steps < 300 && changed.metrics().loss === plain.metrics().loss) {
          plain.step(3);
          changed.step(3);
          steps += 3;
        }
        expect(changed.metrics().loss, `still equal after ${steps} steps`).not.toBe(plain.metrics().loss);
      },
      60_000,
    );
  }
});
