import { describe, expect, it } from 'vitest';
import { rand, type Tensor } from '../tensor';
import { checkGrad } from '../testing';
import { add, mul } from './elementwise';
import { addLayerNorm, layerNorm } from './layerNorm';
import { sum } from './reduce';

/** Values and gradients of a, b, γ, β for Σ r ⊙ LN(a + b), fused or as add then layerNorm. */
function run(fused: boolean) {
  const [rows, D] = [7, 10];
  const a = rand([rows, D], 1, -2, 2, { requiresGrad: true });
  const b = rand([rows, D], 2, -2, 2, { requiresGrad: true });
  const gamma = rand([D], 3, 0.5, 1.5, { requiresGrad: true });
  const beta = rand([D], 4, -0.5, 0.5, { requiresGrad: true });
  const y: Tensor = fused ? addLayerNorm(a, b, gamma, beta) : layerNorm(add(a, b), gamma, beta);
  const value = y.toArray();
  sum(mul(y, rand([rows, D], 5, -1, 1))).backward();
  return { value, grads: [a, b, gamma, beta].map((t) => Array.from(t.grad!)) };
}

describe('addLayerNorm', () => {
  it('is bit-identical to layerNorm(add(a, b)), forward and backward', () => {
    const fused = run(true);
    const reference = run(false);
    expect(fused.value).toEqual(reference.value);
    expect(fused.grads).toEqual(reference.grads);
    expect(fused.grads[0].some((g) => g !== 0)).toBe(true);
  });

  it('matches a float64 reference of LN(a + b), values and gradients', () => {
    const [rows, D] = [3, 5];
    const reference = (a: number[], b: number[], g: number[], be: number[]) =>
      a.map((_, i) => {
        const r = Math.floor(i / D);
        const z = Array.from({ length: D }, (_, j) => a[r * D + j] + b[r * D + j]);
        const mu = z.reduce((s, v) => s + v, 0) / D;
        const v = z.reduce((s, x) => s + (x - mu) ** 2, 0) / D;
        const j = i % D;
        return (g[j] * (z[j] - mu)) / Math.sqrt(v + 1e-5) + be[j];
      });
    checkGrad((a, b, g, be) => addLayerNorm(a, b, g, be), [[rows, D], [rows, D], [D], [D]], {
      seed: 2,
      reference,
    });
  });

  it('rejects operands of different shapes', () => {
    const g = rand([4], 0);
    expect(() => addLayerNorm(rand([2, 4], 0), rand([4, 2], 0), g, g)).toThrow(/shapes differ/);
  });
});
