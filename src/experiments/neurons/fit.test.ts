import { describe, expect, it } from 'vitest';
import { defaultValues, mergeValues } from '../params';
import { FIT_PLOT_N, fitExperiment } from './fit';
import { TARGETS, maxError } from './targets';

/** The trained side of the universal-approximation step (neurons-fit), in bounded step counts with fixed seeds. */

function make(preset: Record<string, unknown>, seed = 1) {
  const { values, ignored } = mergeValues(fitExperiment.params, defaultValues(fitExperiment.params), preset);
  expect(ignored).toEqual([]);
  return fitExperiment.create(values, seed);
}

describe('neurons-fit: a 1 → N → 1 sigmoid network trained by Adam', () => {
  it('brings the largest error on the wave well down within the step’s 1,500 steps (seed 1, defaults)', () => {
    const t = make({});
    const start = t.metrics().maxError!;
    expect(start).toBeGreaterThan(0.4); // an untrained network is far off
    t.step(1500);
    const m = t.metrics();
    expect(m.step).toBe(1500);
    expect(m.maxError!).toBeLessThan(0.05); // measured ≈ 0.01
    expect(m.loss).toBeLessThan(1e-3);
  });

  it('improves visibly along the way: the error after 700 steps is below half the error after 100', () => {
    for (const seed of [1, 2, 3]) {
      const t = make({}, seed);
      t.step(100);
      const early = t.metrics().maxError!;
      t.step(600);
      expect(t.metrics().maxError!, `seed ${seed}`).toBeLessThan(early / 2);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const run = (seed: number) => {
      const t = make({ units: 6, target: 'ripple' }, seed);
      t.step(50);
      return t.metrics().loss;
    };
    expect(run(4)).toBe(run(4));
    expect(run(4)).not.toBe(run(5));
  });

  it('draws the curve it reports: the view’s max error is the error of its weights', () => {
    const t = make({ units: 12, target: 'kink' });
    t.step(200);
    const fit = t.views(['fit']).fit!;
    expect(fit.units).toBe(12);
    expect(fit.x.length).toBe(FIT_PLOT_N);
    expect(fit.y.length).toBe(FIT_PLOT_N);
    expect(fit.maxError).toBe(t.metrics().maxError);
    // the drawn samples never beat the reported max error by more than rounding
    const f = TARGETS.kink.f;
    let drawn = 0;
    fit.x.forEach((x, i) => {
      if (x >= 0.02 && x <= 0.98) drawn = Math.max(drawn, Math.abs(f(x) - fit.y[i]));
    });
    expect(drawn).toBeLessThanOrEqual(fit.maxError * 1.05 + 1e-6);
    expect(maxError(f, () => 0)).toBeGreaterThan(0.5); // and the measure itself is not trivially 0
  });
});
