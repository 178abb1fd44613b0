import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { createPenalty, penaltyExperiment } from './penalty';
import {
  CLASSIFIER_GRID,
  CLASSIFIER_PLANE,
  boundaryLength,
  createPenaltyClassifier,
  featureCount,
} from './penaltyClassifier';

/** A 0/1 field on the boundary grid: 1 inside the circle of radius r about the origin. */
function disc(r: number): Float32Array {
  const n = CLASSIFIER_GRID;
  const [lo, hi] = CLASSIFIER_PLANE;
  const at = (i: number) => lo + ((hi - lo) * i) / (n - 1);
  const values = new Float32Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) values[j * n + i] = Math.hypot(at(i), at(j)) < r ? 1 : 0;
  return values;
}

const runsOf = (t: ReturnType<typeof createPenalty>) => t.views(['runs']).runs!;

describe('boundaryLength', () => {
  it('measures a circle close to 2πr and a field with no boundary as 0', () => {
    for (const r of [0.4, 0.8, 1.2]) {
      const length = boundaryLength(disc(r));
      expect(Math.abs(length - 2 * Math.PI * r) / (2 * Math.PI * r)).toBeLessThan(0.1);
    }
    expect(boundaryLength(new Float32Array(CLASSIFIER_GRID ** 2).fill(0.7))).toBe(0);
  });
});

describe('the step-3 classifier', () => {
  it('at the preset, a larger λ gives a shorter (smoother) L2 boundary — the live λ path, several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const t = createPenalty(defaultValues(penaltyExperiment.params), seed);
      const lengths: number[] = [];
      for (const lambda of [0.1, 1, 10]) {
        t.set!('lambda', lambda);
        t.step(100);
        lengths.push(runsOf(t).l2.boundary);
      }
      expect(lengths[1], `seed ${seed}: ${lengths.join(', ')}`).toBeLessThan(lengths[0]);
      expect(lengths[2], `seed ${seed}: ${lengths.join(', ')}`).toBeLessThan(lengths[1]);
      // The smooth end is the circle the data come from (radius about 0.6), neither collapsed nor wiggly.
      expect(lengths[2]).toBeGreaterThan(2 * Math.PI * 0.5);
      expect(lengths[2]).toBeLessThan(2 * Math.PI * 1);
    }
  });

  it('overfits at a tiny λ: every training point on its side, where a large λ leaves some out', () => {
    const c = createPenaltyClassifier(1);
    for (let s = 0; s < 300; s++) c.step(1e-4);
    expect(c.accuracy('l2')).toBeGreaterThan(0.97);
    const smooth = createPenaltyClassifier(1);
    for (let s = 0; s < 300; s++) smooth.step(10);
    expect(smooth.accuracy('l2')).toBeLessThan(c.accuracy('l2'));
  });

  it('L1 at the largest λ sets every penalised weight to zero: no boundary left', () => {
    const c = createPenaltyClassifier(2);
    for (let s = 0; s < 50; s++) c.step(100);
    expect(c.boundary('l1').length).toBe(0);
    expect(featureCount()).toBe(45);
  });

  it('is seeded: the same seed gives the same boundary', () => {
    const a = createPenalty(defaultValues(penaltyExperiment.params), 7);
    const b = createPenalty(defaultValues(penaltyExperiment.params), 7);
    a.step(20);
    b.step(20);
    expect(runsOf(a).l2.boundary).toBe(runsOf(b).l2.boundary);
    expect(runsOf(a).l1.boundary).toBe(runsOf(b).l1.boundary);
  });
});
