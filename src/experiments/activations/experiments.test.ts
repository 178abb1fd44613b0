import { describe, expect, it } from 'vitest';
import { defaultValues, mergeValues } from '../params';
import type { Experiment, Trainer, ViewMap } from '../types';
import { compareExperiment } from './compare';
import { depthExperiment } from './depth';
import { dyingExperiment } from './dying';
import { maxoutExperiment } from './maxout';

/** The numbers the lessons claim, checked on the experiments the figures run (bounded by step counts). */

function make<V extends ViewMap>(exp: Experiment<V>, preset: Record<string, unknown>, seed = 1): Trainer<V> {
  const { values, ignored } = mergeValues(exp.params, defaultValues(exp.params), preset);
  expect(ignored).toEqual([]);
  return exp.create(values, seed);
}

function trainTo(t: Trainer, step: number) {
  t.step(step - t.metrics().step);
  return t.metrics();
}

describe('step 2: linear cannot bend, ReLU can (activations-compare)', () => {
  const preset = { task: 'circle', a1: 'linear', a2: 'linear', actB: 'relu', lr: 0.1 };

  it('starts both networks from identical weights', () => {
    const t = make(compareExperiment, preset);
    const [a, b] = t.views(['weights']).weights!;
    expect(a.layers.length).toBe(3);
    a.layers.forEach((layer, l) => {
      expect(Array.from(layer.w)).toEqual(Array.from(b.layers[l].w));
      expect(Array.from(layer.b)).toEqual(Array.from(b.layers[l].b));
    });
  });

  it('ends with the ReLU network far below the linear one on the circle, from the same seed', () => {
    const t = make(compareExperiment, preset);
    const m = trainTo(t, 1000);
    expect(m.loss).toBeGreaterThan(0.65); // linear: no better than a straight line through a ring (ln 2 ≈ 0.693)
    expect(m.lossB!).toBeLessThan(0.1);
    expect(m.accuracyB!).toBeGreaterThan(0.95);
    expect(m.accuracy!).toBeLessThan(0.7);
    expect(t.divergence()).toBeNull();
  });

  it('never changes the hidden weights of a step network (zero gradient), only its output layer', () => {
    const t = make(compareExperiment, { ...preset, a1: 'step', a2: 'step', actB: 'off' });
    const before = t.views(['weights']).weights![0].layers.map((l) => Array.from(l.w));
    trainTo(t, 200);
    const after = t.views(['weights']).weights![0].layers.map((l) => Array.from(l.w));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).not.toEqual(before[2]);
  });

  it('is reproducible: the same seed gives the same losses step for step', () => {
    const a = make(compareExperiment, preset, 7);
    const b = make(compareExperiment, preset, 7);
    for (const s of [1, 10, 100]) expect(trainTo(a, s)).toEqual(trainTo(b, s));
    const c = make(compareExperiment, preset, 8);
    expect(trainTo(c, 100).lossB).not.toBe(a.metrics().lossB);
  });

  it('fits 1-D regression targets and reports fields of the documented sizes', () => {
    const t = make(compareExperiment, { task: 'abs', actB: 'relu', lr: 0.05 });
    const m0 = t.metrics();
    const m = trainTo(t, 1500);
    expect(m.lossB!).toBeLessThan(m0.lossB! / 5);
    const fields = t.views(['fields']).fields!;
    expect(fields.a.length).toBe(121);
    expect(fields.b?.length).toBe(121);
    const grid = make(compareExperiment, {}).views(['fields']).fields!;
    expect(grid.a.length).toBe(40 * 40);
  });

  it('stops at the first non-finite loss and says why', () => {
    const t = make(compareExperiment, { task: 'sine', lr: 3, a1: 'relu', a2: 'relu', width: 8, depth: 4 });
    trainTo(t, 500);
    expect(t.divergence()).toMatch(/Lower α/);
    const stoppedAt = t.metrics().step;
    t.step(10);
    expect(t.metrics().step).toBe(stoppedAt);
  });

  it('survives garbage parameters by falling back to defaults', () => {
    const t = compareExperiment.create(
      { task: '<script>', depth: Number.NaN, width: -3, a1: 'nope', lr: 'x' },
      1,
    );
    t.step(5);
    expect(Number.isFinite(t.metrics().loss)).toBe(true);
  });
});

describe('step 4: vanishing gradients (activations-depth)', () => {
  function norms(act: string, depth: number) {
    const t = make(depthExperiment, { act, depth });
    t.step(20);
    return { norms: Array.from(t.views(['gradNorms']).gradNorms!), m: t.metrics(), t };
  }

  it('shrinks the gradient layer by layer towards the input under sigmoid', () => {
    const { norms: g, m } = norms('sigmoid', 8);
    expect(g.length).toBe(9);
    for (let l = 0; l + 1 < g.length; l++) expect(g[l]).toBeLessThan(g[l + 1]);
    expect(m.gradRatio!).toBeGreaterThan(1e4); // the output layer's gradient is >10,000× the first layer's
  });

  it('keeps the per-layer norms within a small factor under ReLU', () => {
    const { norms: g, m } = norms('relu', 8);
    expect(Math.max(...g) / Math.min(...g)).toBeLessThan(30);
    expect(m.gradRatio!).toBeLessThan(10);
  });

  it('lets ReLU learn at depth 8 while sigmoid barely moves', () => {
    const sig = make(depthExperiment, { act: 'sigmoid', depth: 8 });
    const relu = make(depthExperiment, { act: 'relu', depth: 8 });
    const s = trainTo(sig, 1000);
    const r = trainTo(relu, 1000);
    expect(s.loss).toBeGreaterThan(0.65);
    expect(r.loss).toBeLessThan(0.1);
  });
});

describe('step 5: dying ReLU at learning rate 1.0 (activations-dying)', () => {
  it('leaves far more dead units with ReLU than with leaky ReLU (α = 0.1), over several seeds', () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const run = (act: string, seed: number) => trainTo(make(dyingExperiment, { act, lr: 1 }, seed), 400);
    let reluDead = 0;
    let leakyDead = 0;
    let reluLoss = 0;
    let leakyLoss = 0;
    for (const seed of seeds) {
      const r = run('relu', seed);
      const l = run('leaky', seed);
      reluDead += r.deadFraction! / seeds.length;
      leakyDead += l.deadFraction! / seeds.length;
      reluLoss += r.loss / seeds.length;
      leakyLoss += l.loss / seeds.length;
    }
    expect(reluDead).toBeGreaterThan(0.35);
    expect(reluDead - leakyDead).toBeGreaterThan(0.15);
    expect(leakyLoss).toBeLessThan(reluLoss);
  });

  it('shows the lesson preset (seed 2): ReLU stuck with many dead units, leaky solves the task', () => {
    const relu = trainTo(make(dyingExperiment, { act: 'relu', lr: 1 }, 2), 500);
    const leaky = trainTo(make(dyingExperiment, { act: 'leaky', lr: 1 }, 2), 500);
    expect(relu.deadFraction!).toBeGreaterThan(0.4);
    expect(relu.loss).toBeGreaterThan(0.6);
    expect(leaky.deadFraction!).toBeLessThan(0.25);
    expect(leaky.loss).toBeLessThan(0.1);
  });

  it('keeps most ReLU units alive at a small learning rate', () => {
    const m = trainTo(make(dyingExperiment, { act: 'relu', lr: 0.05 }, 2), 400);
    expect(m.deadFraction!).toBeLessThan(0.25);
  });
});

describe('step 7: maxout fits a convex function (activations-maxout)', () => {
  const lossAt = (k: number, target: string, steps = 1000) =>
    trainTo(make(maxoutExperiment, { k, target }), steps).loss;

  it('fits x² better with more pieces', () => {
    const l1 = lossAt(1, 'x2');
    const l3 = lossAt(3, 'x2');
    const l6 = lossAt(6, 'x2');
    expect(l3).toBeLessThan(l1 / 20);
    expect(l6).toBeLessThan(l3);
  });

  it('represents |x| exactly with two pieces', () => {
    expect(lossAt(2, 'abs')).toBeLessThan(1e-6);
  });

  it('reports the pieces and the fit for the figure', () => {
    const t = make(maxoutExperiment, { k: 4 });
    const fit = t.views(['fit']).fit!;
    expect(fit.w.length).toBe(4);
    expect(fit.h.length).toBe(fit.x.length);
    // h is the maximum of the pieces at every x
    fit.x.forEach((x, i) => {
      const best = Math.max(...Array.from(fit.w, (w, j) => w * x + fit.b[j]));
      expect(fit.h[i]).toBeCloseTo(best, 4);
    });
  });
});
