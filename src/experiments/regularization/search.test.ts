import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { SEARCH_SPACE, SEEDS, createSearch, searchExperiment } from './search';
import { runTrial, searchData, trialInputs } from './searchTrial';

const preset = () => defaultValues(searchExperiment.params); // the step's preset is the default budget, 9

const viewOf = (t: ReturnType<typeof createSearch>) => t.views(['search']).search!;

describe('reg-search', () => {
  it('one step is one trial of each search; the test errors appear only when both have finished', () => {
    const t = createSearch(preset(), 1);
    expect(t.metrics()).toMatchObject({ step: 0, trialsDone: 0, trials: 9, seedsDone: 0 });
    t.step(4);
    expect(viewOf(t).grid.val).toHaveLength(4);
    expect(viewOf(t).random.val).toHaveLength(4);
    expect(t.metrics().testGrid).toBeUndefined();
    expect(viewOf(t).tests).toEqual([]);
    t.step(5);
    const m = t.metrics();
    expect(m).toMatchObject({ step: 9, trialsDone: 9, seedsDone: 1 });
    expect(Number.isFinite(m.testGrid)).toBe(true);
    expect(Number.isFinite(m.testRandom)).toBe(true);
    // The read-out bar shows the best trial: its validation error is the lowest of all 18.
    const v = viewOf(t);
    expect(m.valLoss).toBe(Math.min(...v.grid.val, ...v.random.val));
    expect(v.grid.val[v.grid.best]).toBe(Math.min(...v.grid.val));
    expect(v.random.val[v.random.best]).toBe(Math.min(...v.random.val));
  });

  it('the same seed replays the same trials and results (what a share link relies on)', () => {
    const a = createSearch(preset(), 7);
    const b = createSearch(preset(), 7);
    a.step(9);
    b.step(3);
    b.step(6);
    expect(viewOf(b)).toEqual(viewOf(a));
    expect(b.metrics()).toEqual(a.metrics());
  });

  it('λ barely matters, the learning rate does: across the box’s λ range the validation error moves far less', () => {
    for (const seed of [1, 2, 3]) {
      const inputs = trialInputs(searchData(seed), seed);
      const { lr, lambda } = SEARCH_SPACE;
      const at = (a: number, l: number) => runTrial(inputs, { lr: a, lambda: l }).val;
      const good = 0.2;
      const acrossLambda = Math.abs(at(good, lambda.lo) - at(good, lambda.hi));
      const acrossLr = Math.abs(at(lr.lo, lambda.lo) - at(good, lambda.lo));
      expect(acrossLambda * 10, `seed ${seed}`).toBeLessThan(acrossLr);
    }
  });

  it(`at the preset, over ${SEEDS} seeds random search finds the lower validation error more often (several runs)`, () => {
    for (const seed of [1, 2]) {
      const t = createSearch(preset(), seed);
      t.step(SEEDS * 9 + 50); // past the end: it stops at SEEDS × 9 trials
      const m = t.metrics();
      expect(m.step).toBe(SEEDS * 9);
      expect(m.seedsDone).toBe(SEEDS);
      const counts = `seed ${seed}: random ${m.randomWins}, grid ${m.gridWins} of ${SEEDS}`;
      expect(m.randomWins!, counts).toBeGreaterThan(m.gridWins!);
    }
  });
});
