import { describe, expect, it } from 'vitest';
import { checkGrad } from '../../core/testing';
import { analogyTestSet, generateCorpus, PROBE_WORDS } from './corpus';
import { countCooccurrences, subBlock } from './cooccurrence';
import { glovePairs, gloveLoss, gloveWeight } from './objective';
import { createGlove, corpusStats, gloveParams } from './trainer';
import { analogy, mostSimilar, neighboursOf, pca2, rowNorms } from './vectors';
import { defaultValues } from '../params';

describe('co-occurrence counting', () => {
  it('adds 1/distance within the window, symmetrically, per sentence', () => {
    const c = countCooccurrences(['a b c', 'a b'], 2);
    const id = (w: string) => c.vocab.stoi.get(w)!;
    const X = subBlock(c, c.vocab.itos);
    const V = c.vocab.size;
    expect(X[id('a') * V + id('b')]).toBeCloseTo(2); // adjacent in both sentences
    expect(X[id('b') * V + id('a')]).toBeCloseTo(2);
    expect(X[id('a') * V + id('c')]).toBeCloseTo(0.5); // distance 2
    expect(X[id('b') * V + id('c')]).toBeCloseTo(1);
    expect(Array.from(c.frequency)).toEqual([2, 2, 1]); // a, b, c
    expect(countCooccurrences(['a b c'], 1).values.length).toBe(4); // a–c is outside a window of 1
    expect(Array.from(subBlock(c, ['c', 'a', 'zzz']))).toEqual([0, 0.5, 0, 0.5, 0, 0, 0, 0, 0]);
  });

  it('never counts across sentences', () => {
    const c = countCooccurrences(['a', 'b'], 5);
    expect(c.values.length).toBe(0);
  });

  it('the bundled corpus is deterministic and covers every analogy word', () => {
    expect(generateCorpus(50)).toEqual(generateCorpus(50));
    const stats = corpusStats(4);
    for (const q of analogyTestSet())
      for (const w of [q.a, q.b, q.c, q.d]) expect(stats.vocab.stoi.has(w)).toBe(true);
  });
});

describe('the GloVe objective', () => {
  it('f(x) = min(1, (x/x_max)^0.75)', () => {
    expect(gloveWeight(10)).toBe(1);
    expect(gloveWeight(100)).toBe(1);
    expect(gloveWeight(5)).toBeCloseTo(Math.pow(0.5, 0.75), 6);
  });

  it('its gradient matches finite differences', () => {
    const rows = Int32Array.from([0, 1, 2, 0, 2]);
    const cols = Int32Array.from([1, 0, 2, 2, 1]);
    const values = Float32Array.from([3, 3, 12, 0.5, 1.5]);
    const pairs = glovePairs(rows, cols, values);
    checkGrad((w, wt, b, bt) => gloveLoss(w, wt, b, bt, pairs), [[3, 4], [3, 4], [3], [3]], {
      seed: 3,
      scaleRange: 1,
    });
  });

  it('is zero when w_iᵀw̃_j + b_i + b̃_j equals log X_ij exactly', async () => {
    const { tensor } = await import('../../core');
    const pairs = glovePairs(Int32Array.from([0]), Int32Array.from([1]), Float32Array.from([Math.E]));
    const w = tensor([1, 0, 0, 0], [2, 2]);
    const wt = tensor([0, 0, 0.5, 0], [2, 2]);
    const loss = gloveLoss(w, wt, tensor([0.25, 0], [2]), tensor([0, 0.25], [2]), pairs);
    expect(loss.item()).toBeCloseTo(0, 6);
  });
});

describe('vector questions', () => {
  // four 2-D vectors: man (1,0), woman (1,1), king (3,0), queen (3,1)
  const vectors = Float32Array.from([1, 0, 1, 1, 3, 0, 3, 1]);
  const norms = rowNorms(vectors, 2);

  it('cosine neighbours, best first', () => {
    const near = neighboursOf(vectors, 2, norms, 2, 3);
    expect(near.map((s) => s.index)).toEqual([0, 3, 1]);
    expect(near[0].similarity).toBeCloseTo(1);
    expect(mostSimilar(vectors, 2, norms, [0, 0], 2)).toEqual([]);
  });

  it('analogy man : woman :: king : queen', () => {
    expect(analogy(vectors, 2, norms, 0, 1, 2, 1)[0].index).toBe(3);
  });

  it('PCA puts the widest direction first and keeps signs from frame to frame', () => {
    const pts = Float32Array.from([-2, 0.1, 0, 0, 2, -0.1, 0, 0.5, 0, -0.5]);
    const first = pca2(pts, 2, 5);
    expect(Math.abs(first.components[0])).toBeGreaterThan(0.99);
    const flipped = pca2(
      pts,
      2,
      5,
      first.components.map((x) => -x),
    );
    expect(flipped.components[0]).toBeCloseTo(-first.components[0], 5);
    expect(first.coords[0]).toBeCloseTo(-flipped.coords[0], 5);
  });
});

describe('trained vectors (the chapter’s default run)', () => {
  it('after 200 steps every probe word has a same-topic neighbour in its top 3, and analogies beat chance widely', () => {
    const trainer = createGlove(defaultValues(gloveParams), 1);
    const before = trainer.metrics();
    trainer.step(200);
    const m = trainer.metrics();
    const chance = 1 / (corpusStats(4).vocab.size - 3);
    expect(m.loss).toBeLessThan(before.loss / 10);
    expect(m.probeHits).toBe(PROBE_WORDS.length);
    expect(m.accuracy!).toBeGreaterThan(20 * chance);
    expect(trainer.divergence()).toBeNull();
  }, 60_000);
});
