import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHAIN_DEFAULTS,
  CHAIN_PARAM_NAMES,
  autodiffDerivatives,
  chainInputsFrom,
  chainRule,
  finiteDifferences,
  forward,
  type ChainInputs,
} from './chain';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('the four-neuron chain', () => {
  it('matches values worked out by hand for the defaults (sigmoid)', () => {
    const p = CHAIN_DEFAULTS;
    const a2 = sig(0.8 * 1 + 0.1);
    const a3 = sig(-1.2 * a2 + 0.3);
    const a4 = sig(1.5 * a3 - 0.4);
    const d4 = (a4 - 0.2) * a4 * (1 - a4);
    const d3 = d4 * 1.5 * a3 * (1 - a3);
    const d2 = d3 * -1.2 * a2 * (1 - a2);
    const r = chainRule(p);
    expect(r.forward.a[3]).toBeCloseTo(a4, 14);
    expect(r.forward.cost).toBeCloseTo(0.5 * (a4 - 0.2) ** 2, 14);
    expect(r.derivatives.w3).toBeCloseTo(d4 * a3, 14);
    expect(r.derivatives.b3).toBeCloseTo(d4, 14);
    expect(r.derivatives.w2).toBeCloseTo(d3 * a2, 14);
    expect(r.derivatives.b2).toBeCloseTo(d3, 14);
    expect(r.derivatives.w1).toBeCloseTo(d2 * 1, 14);
    expect(r.derivatives.b1).toBeCloseTo(d2, 14);
    expect(r.nodes.map((n) => n.l)).toEqual([4, 3, 2]);
    expect(r.dCda4).toBeCloseTo(a4 - 0.2, 14);
  });

  it('chain rule, autodiff and finite differences agree for random inputs and smooth activations', () => {
    const num = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ a1: num, y: num, w1: num, b1: num, w2: num, b2: num, w3: num, b3: num }),
        fc.constantFrom('sigmoid', 'tanh', 'identity') as fc.Arbitrary<ChainInputs['g']>,
        (vals, g) => {
          const p: ChainInputs = { ...vals, g };
          const exact = chainRule(p).derivatives;
          const fd = finiteDifferences(p);
          const ad = autodiffDerivatives(p);
          expect(ad.cost).toBeCloseTo(forward(p).cost, 3);
          for (const n of CHAIN_PARAM_NAMES) {
            const scale = Math.max(1, Math.abs(exact[n]));
            expect(Math.abs(exact[n] - fd[n]) / scale).toBeLessThan(1e-6);
            expect(Math.abs(exact[n] - ad.derivatives[n]) / scale).toBeLessThan(1e-4); // float32
          }
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it('saturation: a large w₃ makes g′(z₄) tiny and shrinks every earlier derivative', () => {
    const small = chainRule({ ...CHAIN_DEFAULTS, w3: 1.5, b3: 0 });
    const big = chainRule({ ...CHAIN_DEFAULTS, w3: 12, b3: 0 });
    expect(big.nodes[0].dadz).toBeLessThan(small.nodes[0].dadz / 10);
  });

  it('y = a₄ makes every derivative zero', () => {
    const a4 = forward(CHAIN_DEFAULTS).a[3];
    const r = chainRule({ ...CHAIN_DEFAULTS, y: a4 });
    for (const n of CHAIN_PARAM_NAMES) expect(Math.abs(r.derivatives[n])).toBe(0);
  });

  it('bad values fall back to defaults instead of producing NaN', () => {
    const p = chainInputsFrom({ w1: Number.NaN, b1: 'x', g: 'softmax', w2: Infinity, y: 0.5 });
    expect(p).toEqual({ ...CHAIN_DEFAULTS, y: 0.5 });
    expect(Number.isFinite(chainRule(p).forward.cost)).toBe(true);
  });
});
