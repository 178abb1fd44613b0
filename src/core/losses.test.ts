import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, crossEntropy, mse } from './losses';
import { tensor } from './tensor';
import { checkGrad } from './testing';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const seedArb = fc.integer({ min: 0, max: 1_000_000 });
const sig = (v: number) => 1 / (1 + Math.exp(-v));

describe('losses: mean squared error and cross-entropy', () => {
  it('mse matches 1/N Σ(p − y)² and its gradient', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), seedArb, (n, seed) => {
        const y = Array.from({ length: n }, (_, i) => Math.sin(i + seed));
        checkGrad((p) => mse(p, y), [[n]], {
          seed,
          reference: (p) => [p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / n],
        });
        checkGrad((p) => mse(p, y, { reduction: 'sum' }), [[n]], {
          seed,
          reference: (p) => [p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0)],
        });
        checkGrad((p) => mse(p, y, { reduction: 'none' }), [[n]], {
          seed,
          reference: (p) => p.map((v, i) => (v - y[i]) ** 2),
        });
      }),
      { numRuns: 20 },
    );
  });

  it('crossEntropy from logits = −log softmax at the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 6 }), seedArb, (R, C, seed) => {
        const y = Array.from({ length: R }, (_, i) => (i * 7 + seed) % C);
        const ref = (z: number[]) =>
          y.map((cls, r) => {
            const row = z.slice(r * C, r * C + C);
            const m = Math.max(...row);
            return m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0)) - row[cls];
          });
        checkGrad((z) => crossEntropy(z, y, { reduction: 'none' }), [[R, C]], {
          seed,
          scaleRange: 4,
          reference: ref,
        });
        checkGrad((z) => crossEntropy(z, y), [[R, C]], {
          seed,
          scaleRange: 4,
          reference: (z) => [ref(z).reduce((a, b) => a + b, 0) / R],
        });
      }),
      { numRuns: 20 },
    );
  });

  it('crossEntropy ignoreIndex skips padded targets in value and gradient', () => {
    const z = tensor(
      [
        [1, 2, 3],
        [3, 2, 1],
      ],
      undefined,
      { requiresGrad: true },
    );
    const full = crossEntropy(tensor([[1, 2, 3]]), [0]).item();
    const l = crossEntropy(z, [0, -1], { ignoreIndex: -1 });
    expect(l.item()).toBeCloseTo(full, 6);
    l.backward();
    expect(Array.from(z.grad!.slice(3))).toEqual([0, 0, 0]);
    expect(() => crossEntropy(tensor([[1, 2]]), [2])).toThrow(/outside/);
  });
});

describe('losses: binary cross-entropy, extreme logits and bad shapes', () => {
  it('binaryCrossEntropy from logits = −y log σ(z) − (1−y) log(1−σ(z))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), seedArb, (n, seed) => {
        const y = Array.from({ length: n }, (_, i) => ((i + seed) % 3) / 2);
        checkGrad((z) => binaryCrossEntropy(z, y), [[n]], {
          seed,
          scaleRange: 6,
          reference: (z) => [
            z.reduce((s, v, i) => s - y[i] * Math.log(sig(v)) - (1 - y[i]) * Math.log(1 - sig(v)), 0) / n,
          ],
        });
      }),
      { numRuns: 20 },
    );
  });

  it('extreme logits stay finite with finite gradients', () => {
    const z = tensor(
      [
        [1e4, -1e4, 0],
        [-800, 900, 5],
      ],
      undefined,
      { requiresGrad: true },
    );
    const l = crossEntropy(z, [1, 0]);
    expect(Number.isFinite(l.item())).toBe(true);
    expect(l.item()).toBeGreaterThan(1e3);
    l.backward();
    for (const g of z.grad!) expect(Number.isFinite(g)).toBe(true);

    const zb = tensor([1e4, -1e4, 80, -80], [4], { requiresGrad: true });
    const lb = binaryCrossEntropy(zb, [0, 1, 1, 0]);
    expect(lb.item()).toBeCloseTo((1e4 + 1e4) / 4, 0);
    lb.backward();
    expect(Array.from(zb.grad!).map((g) => Math.round(g * 4))).toEqual([1, -1, 0, 0]);
  });

  it('size mismatches throw', () => {
    expect(() => mse(tensor([1, 2]), [1])).toThrow(/targets/);
    expect(() => binaryCrossEntropy(tensor([1, 2]), [1])).toThrow(/targets/);
  });
});
