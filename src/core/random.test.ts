import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('same seed ⇒ same stream; different seeds differ', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('normal has about the right mean and spread', () => {
    const r = new Rng(1);
    const n = 20000;
    const v = Array.from({ length: n }, () => r.normal(2, 3));
    const mean = v.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeGreaterThan(2.9);
    expect(sd).toBeLessThan(3.1);
  });

  it('shuffle and permutation are permutations', () => {
    const p = new Rng(5).permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('bad seeds do not produce NaN', () => {
    for (const s of [NaN, Infinity, -1, 1.5, 2 ** 40]) expect(Number.isFinite(new Rng(s).next())).toBe(true);
  });

  it('categorical samples by weight and falls back to uniform on bad weights', () => {
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[r.categorical([0, 1, 3])]++;
    expect(counts[0]).toBe(0);
    expect(counts[2] / counts[1]).toBeGreaterThan(2.5);
    const i = r.categorical([NaN, NaN]);
    expect(i === 0 || i === 1).toBe(true);
  });
});
