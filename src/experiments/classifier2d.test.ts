import { describe, expect, it } from 'vitest';
import { classifier2d } from './classifier2d';
import { defaultValues, mergeValues } from './params';
import type { ParamValues } from './types';

const values = (over: Record<string, unknown> = {}): ParamValues =>
  mergeValues(classifier2d.params, defaultValues(classifier2d.params), over).values;

function losses(seed: number, steps: number, over: Record<string, unknown> = {}) {
  const t = classifier2d.create(values(over), seed);
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    t.step(1);
    out.push(t.metrics().loss);
  }
  return out;
}

describe('classifier2d', () => {
  it('learns the circle: test accuracy above 0.9 within 1500 steps', () => {
    const t = classifier2d.create(values({ lr: 0.3 }), 1);
    const start = t.metrics();
    t.step(1500);
    const end = t.metrics();
    expect(end.step).toBe(1500);
    expect(end.loss).toBeLessThan(start.loss / 3);
    expect(end.valAccuracy).toBeGreaterThan(0.9);
    expect(t.divergence()).toBeNull();
  });

  it('is reproducible: same seed ⇒ same losses step for step, however the steps are chunked', () => {
    const a = losses(7, 60);
    const b = losses(7, 60);
    expect(b).toEqual(a);
    const t = classifier2d.create(values(), 7);
    t.step(17);
    t.step(43);
    expect(t.metrics().loss).toBe(a[59]);
    expect(losses(8, 60)).not.toEqual(a);
  });

  it('applies live parameters at the next step', () => {
    const t = classifier2d.create(values(), 3);
    t.step(10);
    t.set('lr', 0.0001);
    t.set('batch', 4);
    t.set('l2', 0.01);
    t.set('optimizer', 'adam');
    const before = t.metrics().loss;
    t.step(1);
    expect(Math.abs(t.metrics().loss - before)).toBeLessThan(0.01);
    expect(t.metrics().penalty).toBeGreaterThan(0);
  });

  it('stops at the first non-finite number with a divergence reason (lr 50)', () => {
    const t = classifier2d.create(values({ lr: 50 }), 1);
    t.step(5000);
    expect(t.divergence()).toMatch(/NaN|Infinity|infinite/);
    expect(t.metrics().step).toBeLessThan(5000);
  });

  it('builds every view with the documented shapes', () => {
    const t = classifier2d.create(values({ hidden: [4, 3] }), 2);
    t.step(5);
    const v = t.views(['boundary', 'points', 'lossHistory', 'gradNorms', 'weights']) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(v.boundary.values).toHaveLength(40 * 40);
    expect(v.boundary.values.every((p: number) => p >= 0 && p <= 1)).toBe(true);
    expect(v.points.train.x.length).toBe(2 * v.points.train.y.length);
    expect(v.points.train.y.length + v.points.test.y.length).toBe(300);
    expect(Array.from(v.lossHistory.step)).toEqual([1, 2, 3, 4, 5]);
    expect(v.gradNorms.values).toHaveLength(3);
    expect(v.weights.layers.map((l: { w: Float32Array }) => l.w.length)).toEqual([8, 12, 3]);
  });

  it('keeps the loss history bounded in long runs', () => {
    const t = classifier2d.create(values({ points: 20, batch: 1, hidden: [2] }), 1);
    t.step(5000);
    const h = t.views(['lossHistory']).lossHistory as { step: Float32Array };
    expect(h.step.length).toBeLessThanOrEqual(1024);
    expect(h.step[h.step.length - 1]).toBeGreaterThan(4000);
  });
});
