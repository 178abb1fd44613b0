import { describe, expect, it } from 'vitest';
import type { Experiment, ExperimentData, Trainer } from '../../experiments/types';
import type { WorkerToMain } from '../protocol';
import { TrainerHost } from './trainerHost';

/** An experiment that records the data each trainer was created with. */
function recordingExperiment(seen: (ExperimentData | undefined)[]): Experiment {
  return {
    id: 'rec',
    title: 'Records its data',
    params: [{ name: 'size', label: 'Size', type: 'int', default: 2, min: 1, max: 9, live: false }],
    create(_params, _seed, data): Trainer {
      seen.push(data ? { ...data } : undefined);
      return {
        step: () => undefined,
        metrics: () => ({ step: 0, epoch: 0, loss: 1 }),
        views: () => ({}),
        set: () => undefined,
        divergence: () => null,
      };
    },
  };
}

describe('TrainerHost: page data sent with a load', () => {
  it('passes checked data to create, and keeps it for reset and structural rebuilds', async () => {
    const seen: (ExperimentData | undefined)[] = [];
    const posted: WorkerToMain[] = [];
    const host = new TrainerHost({
      post: (msg) => posted.push(msg),
      now: () => 0,
      yieldThen: () => undefined,
      later: () => undefined,
      load: async () => recordingExperiment(seen),
    });
    const data = { text: 'hello', bad: 42, huge: 'x'.repeat(1_000_001) } as unknown as ExperimentData;
    host.handle({ type: 'load', experiment: 'rec', params: {}, seed: 1, data });
    await new Promise((r) => setTimeout(r, 0));
    host.handle({ type: 'reset' });
    host.handle({ type: 'set', name: 'size', value: 5 });
    expect(seen).toEqual([{ text: 'hello' }, { text: 'hello' }, { text: 'hello' }]);
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    // A later load without data forgets it.
    host.handle({ type: 'load', experiment: 'rec', params: {}, seed: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.at(-1)).toEqual({});
  });
});
