import { describe, expect, it } from 'vitest';
import { histogram, meanAndStd, traceLayerNorms } from './blockTrace';

describe('layer-norm trace for the block figure', () => {
  it('captures every sublayer; after layer norm each row has mean 0 and std 1', () => {
    const trace = traceLayerNorms(1);
    for (const key of ['enc-mha', 'enc-ffn', 'dec-self', 'dec-cross', 'dec-ffn'] as const) {
      const { before, after } = trace[key];
      expect(before.length).toBeGreaterThan(0);
      expect(after.length).toBe(before.length);
      const row = after.subarray(0, 32); // d = 32
      const { mean, std } = meanAndStd(row);
      expect(Math.abs(mean)).toBeLessThan(1e-4);
      expect(std).toBeCloseTo(1, 2);
    }
    // the residual sum before the first norm is spread wider than unit scale
    expect(meanAndStd(trace['enc-mha'].before).std).toBeGreaterThan(1);
  });
  it('histogram counts every finite value once', () => {
    expect(histogram([-5, 0, 0.1, 0.9, 5, Number.NaN], 2, 0, 1)).toEqual([3, 2]);
  });
});
