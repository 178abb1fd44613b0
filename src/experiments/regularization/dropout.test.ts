import { describe, expect, it } from 'vitest';
import { Rng, Tensor } from '../../core';
import { defaultValues } from '../params';
import { createDropout, dropoutExperiment } from './dropout';
import { DropoutNet, scalingCheck } from './dropoutNet';

/** Positive activations [n, w] like a ReLU layer's. */
function activations(n: number, w: number, seed: number): Tensor {
  const rng = new Rng(seed);
  return new Tensor(
    Float32Array.from({ length: n * w }, () => rng.uniform(0, 2)),
    [n, w],
  );
}

describe('dropout scaling', () => {
  it.each([0.1, 0.5, 0.8])('classic: inference scales by 1 − p, matching the training mean (p = %s)', (p) => {
    const a = activations(60, 64, 1);
    const mean = a.data.reduce((s, v) => s + v, 0) / a.size;
    const check = scalingCheck(a, p, 'classic', 7);
    expect(check.inferenceMean).toBeCloseTo((1 - p) * mean, 5);
    expect(Math.abs(check.trainingMean / check.inferenceMean - 1)).toBeLessThan(0.01);
  });

  it.each([0.1, 0.5, 0.8])('inverted: training scales by 1/(1 − p), inference unchanged (p = %s)', (p) => {
    const a = activations(60, 64, 2);
    const mean = a.data.reduce((s, v) => s + v, 0) / a.size;
    const check = scalingCheck(a, p, 'inverted', 7);
    expect(check.inferenceMean).toBeCloseTo(mean, 5);
    expect(Math.abs(check.trainingMean / check.inferenceMean - 1)).toBeLessThan(0.01);
  });

  it('the network records which units the last training pass dropped, about a fraction p of them', () => {
    const net = new DropoutNet(64, 0.3, 'inverted', 1, 2);
    net.forward(
      new Tensor(
        Float32Array.from({ length: 40 }, (_, i) => i / 20 - 1),
        [40, 1],
      ),
    );
    const [m1, m2] = net.lastMasks;
    expect(m1.length).toBe(40 * 64);
    for (const m of [m1, m2]) {
      const dropped = m.filter((v) => v === 0).length / m.length;
      expect(dropped).toBeGreaterThan(0.25);
      expect(dropped).toBeLessThan(0.35);
    }
  });
});

describe('reg-dropout', () => {
  it('the same seed reproduces the same run step for step', () => {
    const params = defaultValues(dropoutExperiment.params);
    const a = createDropout(params, 3);
    const b = createDropout(params, 3);
    a.step(30);
    b.step(30);
    expect(a.metrics()).toEqual(b.metrics());
  });

  it('at the preset (p = 0.5, seed 4) dropout narrows the gap between validation and training error', () => {
    const t = createDropout({ ...defaultValues(dropoutExperiment.params), p: 0.5 }, 4);
    t.step(1000);
    const curves = t.views(['curves']).curves!;
    const gap = (k: 'plain' | 'dropout') => curves[k].valNow - curves[k].trainNow;
    expect(gap('dropout')).toBeLessThan(gap('plain'));
    expect(curves.dropout.trainNow).toBeGreaterThan(curves.plain.trainNow);
  }, 60_000);
});
