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

/**
 * The one-row-at-a-time loops the ops ran before they took four rows at a time: the blocked version must give
 * exactly these bits (forward: y and x̂; backward: dz, dγ, dβ).
 */
function oneRowAtATime(z: Float32Array, gm: Float32Array, bt: Float32Array, g: Float32Array, D: number) {
  const rows = z.length / D;
  const y = new Float32Array(z.length);
  const xhat = new Float32Array(z.length);
  const rstd = new Float64Array(rows); // kept in float64, as the op keeps it between its loops
  for (let r = 0; r < rows; r++) {
    const off = r * D;
    let mu = 0;
    for (let j = 0; j < D; j++) mu += z[off + j];
    mu /= D;
    let v = 0;
    for (let j = 0; j < D; j++) v += (z[off + j] - mu) * (z[off + j] - mu);
    rstd[r] = 1 / Math.sqrt(v / D + 1e-5);
    for (let j = 0; j < D; j++) {
      const h = (z[off + j] - mu) * rstd[r]; // y uses x̂ before it is rounded to float32
      xhat[off + j] = h;
      y[off + j] = gm[j] * h + bt[j];
    }
  }
  const [dz, dGamma, dBeta] = [new Float32Array(z.length), new Float32Array(D), new Float32Array(D)];
  for (let r = 0; r < rows; r++) {
    const off = r * D;
    let [m1, m2] = [0, 0];
    for (let j = 0; j < D; j++) {
      m1 += g[off + j] * gm[j];
      m2 += g[off + j] * gm[j] * xhat[off + j];
      dGamma[j] += g[off + j] * xhat[off + j];
      dBeta[j] += g[off + j];
    }
    [m1, m2] = [m1 / D, m2 / D];
    const r32 = Math.fround(rstd[r]); // the backward reads r back from its float32 scratch
    for (let j = 0; j < D; j++) dz[off + j] += r32 * (g[off + j] * gm[j] - m1 - xhat[off + j] * m2);
  }
  return { y, dz, dGamma, dBeta };
}

describe('layerNorm, four rows at a time', () => {
  it.each([
    [9, 64],
    [4, 5],
    [3, 7],
    [21, 64], // ≥ 1,024 values: the kernels' WebAssembly dz pass
  ])('gives exactly the one-row loops’ bits for %i rows of %i', (rows, D) => {
    const x = rand([rows, D], 11, -3, 3, { requiresGrad: true });
    const gamma = rand([D], 12, 0.5, 1.5, { requiresGrad: true });
    const beta = rand([D], 13, -0.5, 0.5, { requiresGrad: true });
    const weights = rand([rows, D], 14, -1, 1);
    const y = layerNorm(x, gamma, beta);
    sum(mul(y, weights)).backward();
    const expected = oneRowAtATime(x.data, gamma.data, beta.data, weights.data, D);
    expect(Array.from(y.data)).toEqual(Array.from(expected.y));
    expect(Array.from(x.grad!)).toEqual(Array.from(expected.dz));
    expect(Array.from(gamma.grad!)).toEqual(Array.from(expected.dGamma));
    expect(Array.from(beta.grad!)).toEqual(Array.from(expected.dBeta));
  });
});
