import { describe, expect, it, vi } from 'vitest';
import { FINAL_TOLERANCE, crossEngineFinal } from '../bench/lossChecks';

describe('the final loss check across engines that ran in processes of their own', () => {
  // The fastest engine took 4 steps; its process recorded a fresh run's loss after each.
  const trajectory = [2.0, 1.5, 1.2, 1.0];
  const core = { engine: 'core' as const, steps: 4, loss: 1.0, trajectory };

  it('compares each last loss with the reference run at the same step count', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const check = crossEngineFinal('W3', [core, { engine: 'jax-js', steps: 2, loss: 1.5 * 1.001 }])!;
    expect(check.reference).toBe('core');
    expect(check.rows.map((r) => [r.engine, r.reference, r.pass])).toEqual([
      ['core', 1.0, true],
      ['jax-js', 1.5, true],
    ]);
    expect(check.rows[1].relDiff).toBeCloseTo(0.001, 9);
  });

  it('fails an engine that drifted past the bound, and the reference unless it reproduces itself exactly', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const drifted = { engine: 'jax-js' as const, steps: 3, loss: 1.2 * (1 + 2 * FINAL_TOLERANCE) };
    const notReproduced = { ...core, loss: 1.0 + 1e-7 };
    const check = crossEngineFinal('W3', [notReproduced, drifted])!;
    expect(check.rows.map((r) => r.pass)).toEqual([false, false]);
  });

  it('takes the run with the most steps as the reference, and reports nothing without runs', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const slow = { engine: 'tfjs-cpu' as const, steps: 1, loss: 2.0, trajectory: [2.0] };
    expect(crossEngineFinal('W2', [slow, core])!.reference).toBe('core');
    expect(crossEngineFinal('W2', [])).toBeUndefined();
  });
});
