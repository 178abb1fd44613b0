import { describe, expect, it } from 'vitest';
import { createCapacity } from './capacity';
import { createPenalty, pathLambdas } from './penalty';
import { createPolynomial } from './polynomial';
import { defaultValues } from '../params';
import type { ParamTable } from '../types';
import { polynomialExperiment } from './polynomial';
import { penaltyExperiment } from './penalty';
import { capacityExperiment } from './capacity';

const defaults = (exp: { params: ParamTable }) => defaultValues(exp.params);

describe('reg-poly', () => {
  it('reveals one degree per step; at degree 15 validation error exceeds the best degree’s', () => {
    const t = createPolynomial({ ...defaults(polynomialExperiment), degree: 15 }, 1);
    t.step(5);
    expect(t.metrics().step).toBe(5);
    t.step(100);
    expect(t.metrics().step).toBe(15);
    const sweep = t.views(['sweep']).sweep!;
    expect(sweep.val[14]).toBeGreaterThan(sweep.val[sweep.bestDegree - 1]);
    expect(sweep.train[14]).toBeLessThan(sweep.train[sweep.bestDegree - 1]);
    const m = t.metrics();
    expect(m.valLoss).toBeCloseTo(sweep.val[14], 10);
  });

  it('a new degree applies live', () => {
    const t = createPolynomial(defaults(polynomialExperiment), 1);
    const before = t.metrics().loss;
    t.set('degree', 1);
    expect(t.metrics().loss).toBeGreaterThan(before);
  });
});

describe('reg-penalty', () => {
  it('at the same λ, L1 leaves more exactly-zero weights than L2 (several seeds)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = createPenalty(defaults(penaltyExperiment), seed);
      t.step(100);
      const m = t.metrics();
      expect(m.zerosL1!).toBeGreaterThan(m.zerosL2!);
    }
  });

  it('coefficient paths: L1 zero count reaches all weights at the largest λ, L2 never zero', () => {
    const t = createPenalty(defaults(penaltyExperiment), 1);
    const paths = t.views(['paths']).paths!;
    expect(paths.zerosL1.length).toBe(pathLambdas().length);
    expect(paths.zerosL1[paths.zerosL1.length - 1]).toBe(paths.degree);
    expect(Math.max(...paths.zerosL2)).toBe(0);
  });
});

describe('reg-capacity', () => {
  it('a wide network’s training error keeps falling while validation error rises past its minimum', () => {
    const t = createCapacity(defaults(capacityExperiment), 1);
    t.step(3000);
    const m = t.metrics();
    expect(m.step).toBe(3000);
    expect(m.bestStep!).toBeGreaterThan(0);
    expect(m.bestStep!).toBeLessThan(3000);
    expect(m.valLoss!).toBeGreaterThan(m.bestVal! * 1.1);
    expect(m.loss).toBeLessThan(0.005);
  }, 60_000);
});
