import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { createOneParam, oneParamParams, regimeOf } from './oneParam';
import { createTwoParam, twoParamParams } from './twoParam';
import { batchModesParams, createBatchModes, iterationsPerEpoch } from './batchModes';
import { createLrRace, lrRaceParams } from './lrRace';
import { createOptimizers, optimizersParams } from './optimizers';
import { PointRecorder } from './recorder';
import { lineData, lineGradient, lineLoss, lineOptimum, slopeData } from './regression';

const withDefaults = (
  table: Parameters<typeof defaultValues>[0],
  over: Record<string, number | string> = {},
) => ({
  ...defaultValues(table),
  ...over,
});

describe('regression helpers', () => {
  it('slope data has curvature exactly 1, and the analytic gradient matches finite differences', () => {
    const d = slopeData(30, 4);
    let c = 0;
    for (const x of d.x) c += (x * x) / d.x.length;
    expect(c).toBeCloseTo(1, 12);
    const d2 = lineData(40, 2);
    const [gw, gb] = lineGradient(d2, 0.3, -0.7);
    const e = 1e-6;
    expect(gw).toBeCloseTo((lineLoss(d2, 0.3 + e, -0.7) - lineLoss(d2, 0.3 - e, -0.7)) / (2 * e), 6);
    expect(gb).toBeCloseTo((lineLoss(d2, 0.3, -0.7 + e) - lineLoss(d2, 0.3, -0.7 - e)) / (2 * e), 6);
  });

  it('the least-squares optimum has zero gradient', () => {
    const d = lineData(100, 9);
    const o = lineOptimum(d);
    const [gw, gb] = lineGradient(d, o.w, o.b);
    expect(Math.abs(gw)).toBeLessThan(1e-10);
    expect(Math.abs(gb)).toBeLessThan(1e-10);
    expect(o.lambdaMax).toBeGreaterThan(o.lambdaMin);
  });
});

describe('PointRecorder', () => {
  it('stays bounded over a long run and keeps the first and latest point', () => {
    const r = new PointRecorder(64);
    for (let i = 0; i < 100_000; i++) r.push(i, -i);
    expect(r.length).toBeLessThan(64);
    const out = r.toInterleaved([99_999, -99_999]);
    expect(out[0]).toBe(0);
    expect(out[out.length - 2]).toBe(99_999);
  });
});

describe('one parameter θ', () => {
  it('classifies the learning-rate regimes by α times the curvature', () => {
    expect(regimeOf(0.05, 1)).toBe('slow');
    expect(regimeOf(1, 1)).toBe('smooth');
    expect(regimeOf(1.8, 1)).toBe('oscillating');
    expect(regimeOf(2.2, 1)).toBe('diverging');
  });

  it('takes the update θ_b = θ_a − α ∂J/∂θ, and α = 1 lands on the minimum in one step', () => {
    const t = createOneParam(withDefaults(oneParamParams, { lr: 1 }), 3);
    const before = t.views(['state']).state as { theta: number; grad: number; thetaStar: number };
    t.step(1);
    const after = t.views(['state']).state as { theta: number; grad: number };
    expect(after.theta).toBeCloseTo(before.theta - before.grad, 10);
    expect(after.theta).toBeCloseTo(before.thetaStar, 10);
    expect(Math.abs(after.grad)).toBeLessThan(1e-10);
  });

  it('oscillates but converges for α = 1.8, and stops calmly with a reason for α = 2.2', () => {
    const osc = createOneParam(withDefaults(oneParamParams, { lr: 1.8 }), 3);
    const star = (osc.views(['state']).state as { thetaStar: number }).thetaStar;
    const signs: number[] = [];
    for (let i = 0; i < 6; i++) {
      osc.step(1);
      signs.push(Math.sign(osc.metrics().theta! - star));
    }
    expect(signs).toEqual([1, -1, 1, -1, 1, -1]);
    osc.step(200);
    expect(osc.divergence()).toBeNull();
    expect(Math.abs(osc.metrics().theta! - star)).toBeLessThan(1e-6);

    const div = createOneParam(withDefaults(oneParamParams, { lr: 2.2 }), 3);
    div.step(10_000);
    expect(div.divergence()).toMatch(/α·∂²L\/∂θ² = 2\.20/);
    expect(div.metrics().step).toBeLessThan(200);
    expect(Number.isFinite(div.metrics().loss)).toBe(true);
  });

  it('a live change of α takes effect at the next step', () => {
    const t = createOneParam(withDefaults(oneParamParams, { lr: 0.1 }), 1);
    t.set('lr', 1);
    t.step(1);
    expect(Math.abs(t.metrics().grad!)).toBeLessThan(1e-10);
  });
});

describe('two parameters (w, b)', () => {
  it('descends to the least-squares optimum and exposes a grid whose minimum is near it', () => {
    const t = createTwoParam(withDefaults(twoParamParams), 5);
    const views = t.views(['grid', 'state']);
    const grid = views.grid as {
      values: Float32Array;
      nx: number;
      x0: number;
      x1: number;
      y0: number;
      y1: number;
    };
    expect(grid.values.length).toBe(grid.nx * grid.nx);
    let best = 0;
    for (let i = 1; i < grid.values.length; i++) if (grid.values[i] < grid.values[best]) best = i;
    const state = views.state as { wStar: number; bStar: number };
    const cell = (grid.x1 - grid.x0) / (grid.nx - 1);
    expect(Math.abs(grid.x0 + (best % grid.nx) * cell - state.wStar)).toBeLessThan(2 * cell);
    t.step(2000);
    expect(t.metrics().w).toBeCloseTo(state.wStar, 4);
    expect(t.metrics().b).toBeCloseTo(state.bStar, 4);
    const path = t.views(['path']).path as Float32Array;
    expect(path[0]).toBeCloseTo(-2, 5);
    expect(path[1]).toBeCloseTo(2.5, 5);
  });

  it('reports divergence above 2/λ_max instead of producing NaN', () => {
    const t = createTwoParam(withDefaults(twoParamParams, { lr: 1.5 }), 5);
    t.step(5000);
    expect(t.divergence()).toMatch(/2\/λ_max/);
    expect(Number.isFinite(t.metrics().loss)).toBe(true);
  });
});

describe('batch, mini-batch and stochastic', () => {
  it('counts iterations per epoch as dataset size / batch size', () => {
    expect(iterationsPerEpoch(500, 50)).toBe(10);
    expect(iterationsPerEpoch(500, 500)).toBe(1);
    expect(iterationsPerEpoch(500, 1)).toBe(500);
    expect(iterationsPerEpoch(500, 64)).toBe(8); // seven full batches and one of 52
    expect(iterationsPerEpoch(10, 50)).toBe(1); // capped at n
  });

  it('after 10 updates each, the mini-batch run (500 / 50) has seen exactly one epoch', () => {
    const t = createBatchModes(withDefaults(batchModesParams, { pace: 'updates' }), 7);
    t.step(10);
    const runs = t.views(['runs']).runs as Record<
      string,
      { itersPerEpoch: number; iterations: number; epochs: number }
    >;
    expect(runs.batch.itersPerEpoch).toBe(1);
    expect(runs.mini.itersPerEpoch).toBe(10);
    expect(runs.sgd.itersPerEpoch).toBe(500);
    expect(runs.mini.iterations).toBe(10);
    expect(runs.mini.epochs).toBe(1);
    expect(runs.batch.epochs).toBe(10);
    expect(runs.sgd.epochs).toBeCloseTo(10 / 500, 12);
    expect(t.metrics().epoch).toBe(1);
  });

  it("with pace 'data' every run sees the same samples: batch GD updates once per 10 steps, SGD 50 times per step", () => {
    const t = createBatchModes(withDefaults(batchModesParams, { pace: 'data' }), 7);
    t.step(20);
    const m = t.metrics();
    expect(m.itersBatch).toBe(2);
    expect(m.itersMini).toBe(20);
    expect(m.itersSgd).toBe(1000);
  });

  it('all three reduce the loss; same seed ⇒ identical runs', () => {
    const a = createBatchModes(withDefaults(batchModesParams, { pace: 'updates' }), 11);
    const b = createBatchModes(withDefaults(batchModesParams, { pace: 'updates' }), 11);
    const start = a.metrics().lossBatch!;
    a.step(300);
    b.step(300);
    expect(a.metrics()).toEqual(b.metrics());
    for (const k of ['lossBatch', 'lossMini', 'lossSgd'] as const)
      expect(a.metrics()[k]!).toBeLessThan(start / 10);
    const curves = a.views(['curves']).curves as Record<
      string,
      { byIteration: Float32Array; byEpoch: Float32Array }
    >;
    expect(curves.mini.byEpoch[curves.mini.byEpoch.length - 2]).toBeCloseTo(30, 5); // 300 iterations / 10 per epoch
  });
});

describe('four learning rates', () => {
  it('freezes the divergent run and keeps racing the others', () => {
    const t = createLrRace(withDefaults(lrRaceParams), 1);
    t.step(400);
    const runs = t.views(['runs', 'state']);
    const list = runs.runs as { alpha: number; loss: number; divergedAt: number }[];
    const state = runs.state as { maxStableRate: number; lossStar: number };
    expect(list.map((r) => r.divergedAt >= 0)).toEqual([false, false, false, true]);
    expect(list[3].alpha).toBeGreaterThan(state.maxStableRate);
    expect(list[2].alpha).toBeLessThan(state.maxStableRate);
    expect(list[1].loss).toBeLessThan(list[0].loss); // about right beats too small
    expect(list[1].loss - state.lossStar).toBeLessThan(1e-3);
    expect(t.divergence()).toBeNull();
  });
});

describe('optimisers race', () => {
  it('on the valley all three converge and Adam and momentum beat SGD after 150 steps', () => {
    const t = createOptimizers(withDefaults(optimizersParams), 1);
    t.step(150);
    const m = t.metrics();
    expect(m.loss_momentum!).toBeLessThan(m.loss_sgd!);
    expect(m.loss_adam!).toBeLessThan(m.loss_sgd!);
    t.step(2000);
    for (const k of ['loss_sgd', 'loss_momentum', 'loss_adam']) expect(t.metrics()[k]!).toBeLessThan(1e-3);
  });

  it('on the saddle Adam leaves the ridge first', () => {
    const t = createOptimizers(withDefaults(optimizersParams, { surface: 'saddle' }), 1);
    const escapedAt: Record<string, number> = {};
    for (let s = 1; s <= 400; s++) {
      t.step(1);
      for (const r of t.views(['runs']).runs as { rule: string; y: number }[]) {
        if (Math.abs(r.y) > 0.5 && !(r.rule in escapedAt)) escapedAt[r.rule] = s;
      }
    }
    expect(escapedAt.adam).toBeLessThan(escapedAt.sgd);
    expect(escapedAt.adam).toBeLessThan(escapedAt.momentum);
  });

  it('β changes live; β = 0 makes momentum identical to SGD with the same α', () => {
    const t = createOptimizers(withDefaults(optimizersParams, { beta: 0, lrmom: 0.09 }), 1);
    t.step(30);
    expect(t.metrics().loss_momentum).toBe(t.metrics().loss_sgd);
    t.set('beta', 0.9);
    t.step(1);
    expect(t.metrics().loss_momentum).not.toBe(t.metrics().loss_sgd);
  });

  it('a run with an absurd rate is frozen, not NaN', () => {
    const t = createOptimizers(withDefaults(optimizersParams, { lrsgd: 1 }), 1);
    t.step(500);
    const runs = t.views(['runs']).runs as { rule: string; divergedAt: number; loss: number }[];
    expect(runs[0].divergedAt).toBeGreaterThan(0);
    expect(runs.every((r) => Number.isFinite(r.loss))).toBe(true);
    expect(t.divergence()).toBeNull();
  });
});
