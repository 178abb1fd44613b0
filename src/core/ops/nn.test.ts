import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noGrad } from '../autograd';
import { Rng } from '../random';
import { tensor } from '../tensor';
import { checkGrad } from '../testing';
import { sum } from './reduce';
import {
  batchNorm,
  dropout,
  layerNorm,
  maskedScale,
  positionalEncoding,
  scaledDotProductAttention,
} from './nn';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const seedArb = fc.integer({ min: 0, max: 1_000_000 });

function layerNormRef(x: number[], g: number[], b: number[], D: number, eps: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < x.length / D; r++) {
    const row = x.slice(r * D, r * D + D);
    const mu = row.reduce((s, v) => s + v, 0) / D;
    const v = row.reduce((s, x) => s + (x - mu) ** 2, 0) / D;
    row.forEach((x, j) => out.push(g[j] * ((x - mu) / Math.sqrt(v + eps)) + b[j]));
  }
  return out;
}

describe('normalisation: layer norm and batch norm in training', () => {
  it('layerNorm matches float64 over random shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 6 }), seedArb, (R, D, seed) => {
        checkGrad((x, g, b) => layerNorm(x, g, b), [[R, D], [D], [D]], {
          seed,
          reference: (x, g, b) => layerNormRef(x, g, b, D, 1e-5),
          rtol: 5e-3,
        });
      }),
      { numRuns: 20 },
    );
  });

  it('batchNorm in training uses batch statistics (gradient through them) and updates running stats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }), seedArb, (N, C, seed) => {
        const ref = (x: number[], g: number[], b: number[]) => {
          // Transpose to rows per channel and reuse the layer-norm reference.
          const cols: number[] = [];
          for (let c = 0; c < C; c++) for (let r = 0; r < N; r++) cols.push(x[r * C + c]);
          const normed: number[] = [];
          for (let c = 0; c < C; c++) {
            const y = layerNormRef(
              cols.slice(c * N, c * N + N),
              new Array(N).fill(g[c]),
              new Array(N).fill(b[c]),
              N,
              1e-5,
            );
            normed.push(...y);
          }
          const out: number[] = [];
          for (let r = 0; r < N; r++) for (let c = 0; c < C; c++) out.push(normed[c * N + r]);
          return out;
        };
        const state = () => ({ runningMean: new Float32Array(C), runningVar: new Float32Array(C).fill(1) });
        checkGrad((x, g, b) => batchNorm(x, g, b, state(), { training: true }), [[N, C], [C], [C]], {
          seed,
          reference: ref,
          rtol: 5e-3,
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('normalisation: zero variance, huge values and running statistics', () => {
  it('constant rows/columns (zero variance) and huge values stay finite', () => {
    const x = tensor(
      [
        [5, 5, 5],
        [1e30, -1e30, 0],
      ],
      undefined,
      { requiresGrad: true },
    );
    const g = tensor([1, 1, 1], [3], { requiresGrad: true });
    const b = tensor([0, 0, 0], [3], { requiresGrad: true });
    const y = layerNorm(x, g, b);
    expect(y.toArray().slice(0, 3)).toEqual([0, 0, 0]);
    sum(y).backward();
    for (const v of [...y.data, ...x.grad!, ...g.grad!]) expect(Number.isFinite(v)).toBe(true);
    const st = { runningMean: new Float32Array(2), runningVar: new Float32Array(2).fill(1) };
    const bn = batchNorm(
      tensor([
        [3, 1],
        [3, 2],
      ]),
      tensor([1, 1]),
      tensor([0, 0]),
      st,
      { training: true },
    );
    for (const v of bn.data) expect(Number.isFinite(v)).toBe(true);
  });

  it('batchNorm running statistics and evaluation mode', () => {
    const st = { runningMean: new Float32Array(1), runningVar: new Float32Array(1).fill(1) };
    const g = tensor([1]);
    const b = tensor([0]);
    batchNorm(tensor([1, 3], [2, 1]), g, b, st, { training: true, momentum: 0.5 });
    expect(st.runningMean[0]).toBeCloseTo(1, 6); // 0.5·0 + 0.5·2
    expect(st.runningVar[0]).toBeCloseTo(1.5, 6); // 0.5·1 + 0.5·2 (unbiased var of {1, 3})
    const y = batchNorm(tensor([1], [1, 1]), g, b, st, { training: false });
    expect(y.item()).toBeCloseTo(0, 4);
    checkGrad((x, gg, bb) => batchNorm(x, gg, bb, st, { training: false }), [[3, 1], [1], [1]]);
    expect(() => batchNorm(tensor([1], [1, 1]), g, b, st, { training: true })).toThrow(/at least 2/);
  });
});

describe('dropout', () => {
  it('inverted: zeros about p of the units, scales the rest by 1/(1−p), identity at inference', () => {
    const x = tensor(new Array(4000).fill(1), [4000], { requiresGrad: true });
    const y = dropout(x, 0.25, new Rng(1), { training: true });
    const zeros = y.toArray().filter((v) => v === 0).length;
    expect(zeros / 4000).toBeGreaterThan(0.22);
    expect(zeros / 4000).toBeLessThan(0.28);
    expect(y.toArray().every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    sum(y).backward();
    expect(Array.from(x.grad!)).toEqual(y.toArray());
    expect(dropout(x, 0.25, new Rng(1), { training: false })).toBe(x);
  });

  it('same seed ⇒ same mask; classic mode scales by 1 − p at inference', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8]);
    const a = noGrad(() => dropout(x, 0.5, new Rng(3), { training: true }).toArray());
    const b = noGrad(() => dropout(x, 0.5, new Rng(3), { training: true }).toArray());
    expect(b).toEqual(a);
    const c = dropout(x, 0.5, new Rng(3), { training: true, mode: 'classic' });
    expect(c.toArray().every((v, i) => v === 0 || v === i + 1)).toBe(true);
    expect(dropout(x, 0.5, new Rng(3), { training: false, mode: 'classic' }).toArray()).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((v) => v * 0.5),
    );
  });
});

describe('attention', () => {
  it('maskedScale hides the future and passes gradients only where visible', () => {
    const y = maskedScale(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
      2,
      true,
    );
    expect(y.toArray()).toEqual([2, -Infinity, -Infinity, 8, 10, -Infinity, 14, 16, 18]);
    checkGrad((x) => maskedScale(x, 0.5, false), [[2, 3, 3]]);
  });

  it('key (padding) masks hide keys per batch row, for every head', () => {
    // scores [B=2, heads=2, Tq=1, Tk=3]; row 0 hides key 2, row 1 hides keys 0 and 1.
    const x = tensor(new Array(12).fill(1), [2, 2, 1, 3]);
    const y = maskedScale(x, 1, false, { mask: [1, 1, 0, 0, 0, 1], matricesPerRow: 2 });
    const I = -Infinity;
    expect(y.toArray()).toEqual([1, 1, I, 1, 1, I, I, I, 1, I, I, 1]);
    checkGrad(
      (t) => maskedScale(t, 0.5, true, { mask: [1, 0, 1, 1, 1, 0], matricesPerRow: 2 }),
      [[2, 2, 3, 3]],
    );
    expect(() => maskedScale(x, 1, false, { mask: [1, 1], matricesPerRow: 2 })).toThrow(/key mask/);
  });

  it('scaled dot-product attention: gradient for q, k, v; causal rows ignore the future', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        seedArb,
        (T, dk, causal, seed) => {
          checkGrad(
            (q, k, v) => scaledDotProductAttention(q, k, v, { causal }).output,
            [
              [2, T, dk],
              [2, T, dk],
              [2, T, 3],
            ],
            { seed, eps: 1e-3, rtol: 3e-2, atol: 3e-3 },
          );
        },
      ),
      { numRuns: 15 },
    );
    const q = tensor(
      new Array(2 * 3 * 2).fill(0).map((_, i) => Math.sin(i)),
      [2, 3, 2],
    );
    const { weights } = scaledDotProductAttention(q, q, q, { causal: true });
    for (let r = 0; r < 6; r++) {
      const row = weights.toArray().slice(r * 3, r * 3 + 3);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
      const i = r % 3;
      for (let j = i + 1; j < 3; j++) expect(row[j]).toBe(0);
    }
  });

  it('positional encoding follows sin/cos of p / 10000^(2i/d)', () => {
    const pe = positionalEncoding(5, 4);
    expect(pe.at(0, 0)).toBe(0);
    expect(pe.at(0, 1)).toBe(1);
    expect(pe.at(3, 0)).toBeCloseTo(Math.sin(3), 6);
    expect(pe.at(3, 3)).toBeCloseTo(Math.cos(3 / 100), 6);
  });
});
