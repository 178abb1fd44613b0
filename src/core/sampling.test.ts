import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { argmax, sampleLogits, softmaxValues } from './sampling';

describe('sampling', () => {
  it('argmax over a window', () => {
    expect(argmax([1, 5, 3])).toBe(1);
    expect(argmax([9, 1, 2, 7], 1, 3)).toBe(2);
  });

  it('softmaxValues is stable and sums to 1; bad temperature means 1', () => {
    const p = softmaxValues([1000, 1000, -1000]);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[2]).toBe(0);
    expect(Array.from(softmaxValues([1, 2], NaN))).toEqual(Array.from(softmaxValues([1, 2], 1)));
  });

  it('sampling follows the probabilities, is seeded, and temperature 0 is greedy', () => {
    const logits = [0, Math.log(3)]; // p = [0.25, 0.75]
    const rng = new Rng(1);
    let ones = 0;
    for (let i = 0; i < 4000; i++) ones += sampleLogits(logits, rng);
    expect(ones / 4000).toBeGreaterThan(0.72);
    expect(ones / 4000).toBeLessThan(0.78);
    const a = Array.from({ length: 20 }, (_, i) => sampleLogits(logits, new Rng(i)));
    const b = Array.from({ length: 20 }, (_, i) => sampleLogits(logits, new Rng(i)));
    expect(b).toEqual(a);
    expect(sampleLogits([0, 3, 1], new Rng(0), 0)).toBe(1);
  });
});
