import { describe, expect, it } from 'vitest';
import { transformerExperiment } from '../transformer';
import { TRANSFORMER_PARAMS } from './params';
import { DEFAULT_SEED } from '../params';

/**
 * The default run (the chapter's training step: default parameters, default seed) must not spike once it has
 * converged. Before the learning rate decayed, Adam at a constant rate threw this run's loss from ~1e-4 back to 0.85
 * at step ~680 and kept doing so every few hundred steps. Bounded by steps, not time (about a minute on 2 cores).
 */
const STEPS = 2000;
/** "Converged": the training loss first falls below this. */
const CONVERGED = 1e-3;
/** After convergence the loss may wobble with each mini-batch, but never climb back to this. */
const SPIKE = 0.02;

describe('transformer default run', () => {
  it(`does not spike after convergence within ${STEPS} steps`, () => {
    expect(TRANSFORMER_PARAMS.find((p) => p.name === 'task')?.default).toBe('reverse');
    const trainer = transformerExperiment.create({}, DEFAULT_SEED);
    let convergedAt = -1;
    let worstAfter = 0;
    let worstAt = -1;
    for (let i = 0; i < STEPS; i++) {
      trainer.step(1);
      const { loss, step } = trainer.metrics();
      expect(Number.isFinite(loss)).toBe(true);
      if (convergedAt < 0) {
        if (loss < CONVERGED) convergedAt = step;
      } else if (loss > worstAfter) {
        worstAfter = loss;
        worstAt = step;
      }
    }
    expect(convergedAt, 'the default run converges').toBeGreaterThan(0);
    expect(
      worstAfter,
      `largest loss after convergence at step ${convergedAt} (step ${worstAt})`,
    ).toBeLessThan(SPIKE);
  }, 400_000);
});
