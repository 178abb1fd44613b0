import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES, maxout, sigmoid, softmax } from './functions';

describe('scalar activations', () => {
  it('match central finite differences away from kinks', () => {
    const h = 1e-5;
    for (const name of ACTIVATION_NAMES) {
      const a = ACTIVATIONS[name];
      for (const x of [-3.1, -0.7, 0.4, 2.9]) {
        const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
        expect(a.df(x), `${name} at ${x}`).toBeCloseTo(numeric, 5);
      }
    }
  });

  it('have the ranges and slopes the lessons state', () => {
    expect(ACTIVATIONS.sigmoid.df(0)).toBe(0.25);
    expect(ACTIVATIONS.tanh.df(0)).toBe(1);
    expect(ACTIVATIONS.sigmoid.df(5)).toBeCloseTo(0.0066, 4);
    expect(ACTIVATIONS.leaky.f(-2)).toBeCloseTo(-0.2);
    expect(ACTIVATIONS.step.df(0.3)).toBe(0);
    // tanh is zero-centred: its mean over inputs symmetric around 0 is 0; the sigmoid's is 0.5.
    const xs = Array.from({ length: 201 }, (_, i) => -5 + i * 0.05);
    const mean = (f: (x: number) => number) => xs.reduce((s, x) => s + f(x), 0) / xs.length;
    expect(Math.abs(mean(Math.tanh))).toBeLessThan(1e-12);
    expect(mean(sigmoid)).toBeCloseTo(0.5, 10);
  });

  it('keep the sigmoid finite and in [0, 1] for extreme inputs', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isNaN(sigmoid(-800))).toBe(false);
  });
});

describe('softmax', () => {
  it('sums to 1, is shift invariant and sharpens as T falls', () => {
    const p = softmax([2, 1, 0.1]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    const q = softmax([102, 101, 100.1]);
    p.forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
    expect(softmax([2, 1, 0.1], 0.2)[0]).toBeGreaterThan(0.99);
    expect(softmax([2, 1, 0.1], 100)[0]).toBeLessThan(0.35);
  });

  it('survives huge logits and bad temperatures', () => {
    const p = softmax([1e308, -1e308, Number.NaN], Number.NaN);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeCloseTo(1);
    expect(softmax([])).toEqual([]);
    expect(softmax([1, 1], -3)).toEqual([0.5, 0.5]);
  });
});

describe('maxout', () => {
  it('is |x| with pieces (1, 0) and (−1, 0)', () => {
    for (const x of [-2, -0.5, 0.3, 4]) expect(maxout(x, [1, -1], [0, 0]).value).toBe(Math.abs(x));
    expect(maxout(-2, [1, -1], [0, 0]).piece).toBe(1);
  });
});
