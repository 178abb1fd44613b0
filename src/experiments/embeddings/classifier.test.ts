import { describe, expect, it } from 'vitest';
import { softmaxValues } from '../../core/sampling';
import { defaultValues } from '../params';
import { accuracyOf, bagRows, classifyText, confusionCounts, coverage, type BagModel } from './bagClassifier';
import { classifierParams, createClassifier } from './classifierTrainer';
import { HEADLINE_CLASSES, HELD_OUT_HEADLINES, TRAIN_HEADLINES } from './headlines';

describe('the headline set', () => {
  it('has four classes, each with training and held-out headlines, and no headline in both', () => {
    expect(HEADLINE_CLASSES).toEqual(['sport', 'business', 'science', 'world']);
    for (let c = 0; c < 4; c++) {
      expect(TRAIN_HEADLINES.filter((h) => h.label === c).length).toBeGreaterThanOrEqual(10);
      expect(HELD_OUT_HEADLINES.filter((h) => h.label === c).length).toBeGreaterThanOrEqual(5);
    }
    const train = new Set(TRAIN_HEADLINES.map((h) => h.text.toLowerCase()));
    for (const h of HELD_OUT_HEADLINES) expect(train.has(h.text.toLowerCase())).toBe(false);
  });
});

describe('bag-of-vectors classifier pieces', () => {
  it('bag rows are the shares of the known words; unknown words are skipped', () => {
    const index = new Map([
      ['goal', 0],
      ['bank', 1],
    ]);
    const rows = Array.from(bagRows(['goal goal bank zebra', 'zebra', ''], index));
    const expected = [2 / 3, 1 / 3, 0, 0, 0, 0];
    rows.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(rows.length).toBe(6);
  });

  it('confusion counts put (true, predicted) pairs in row-major cells and accuracy reads the diagonal', () => {
    const counts = confusionCounts([0, 0, 1, 2, 3, 3], [0, 1, 1, 2, 0, 3], 4);
    expect(Array.from(counts)).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
    expect(accuracyOf(counts, 4)).toBeCloseTo(4 / 6);
    expect(accuracyOf(new Int32Array(16), 4)).toBe(0);
    expect(() => confusionCounts([0], [], 4)).toThrow();
  });

  it('softmax is stable for large scores', () => {
    const p = softmaxValues([1000, 1000, -1000]); // the core's softmax, which the classifier uses
    expect(p[0]).toBeCloseTo(0.5);
    expect(p[2]).toBe(0);
  });

  const model: BagModel = {
    words: ['goal', 'bank'],
    dim: 2,
    vectors: Float32Array.from([1, 0, 0, 1]),
    weight: Float32Array.from([2, 0, 0, 2, 0, 0, 0, 0]), // class 0 reads x₀, class 1 reads x₁
    bias: Float32Array.from([0, 0, 0.5, 0]),
  };

  it('classifies the mean of the known words', () => {
    const p = classifyText(model, 'Goal! Goal!');
    expect(p.predicted).toBe(0);
    expect(p.known).toEqual(['goal', 'goal']);
    expect(p.unknown).toEqual(['!', '!']);
    expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('empty text, emoji, RTL and zero-width text fall back to the bias alone, without throwing', () => {
    for (const text of ['', '   ', '👋🏽🇫🇷', 'שלום עולם', 'مرحبا', '\u200b\u200f', 'x'.repeat(10_000)]) {
      const p = classifyText(model, text);
      expect(p.known).toEqual([]);
      expect(p.predicted).toBe(2); // the largest bias
      expect(Array.from(p.probs).every(Number.isFinite)).toBe(true);
    }
  });

  it('coverage is the share of tokens in the vocabulary', () => {
    expect(coverage(['goal zebra', 'bank'], new Map(model.words.map((w, i) => [w, i])))).toBeCloseTo(2 / 3);
    expect(coverage([''], new Map())).toBe(0);
  });
});

describe('the step 7 preset (default settings, seed 1)', () => {
  const run = (seed: number) => {
    const trainer = createClassifier(defaultValues(classifierParams), seed);
    const pretrain = Number(defaultValues(classifierParams).pretrain);
    trainer.step(pretrain + 100); // the lesson step's stopAt: GloVe steps, then 100 classifier steps
    return trainer;
  };

  it('both classifiers learn; frozen GloVe vectors generalise to held-out headlines far better than a learned embedding', () => {
    const t = run(1);
    const m = t.metrics();
    const chance = 1 / HEADLINE_CLASSES.length;
    expect(m.classifierSteps).toBe(100);
    expect(m.trainAccFrozen!).toBeGreaterThan(0.9);
    expect(m.trainAccScratch!).toBeGreaterThan(0.9);
    expect(m.heldAccFrozen!).toBeGreaterThan(3 * chance);
    expect(m.heldAccFrozen!).toBeGreaterThan(m.heldAccScratch! + 0.25);
    // the reason: the learned embedding knows only the training headlines' words
    expect(m.heldCoverageFrozen!).toBeGreaterThan(m.heldCoverageScratch!);
    expect(t.divergence()).toBeNull();
  }, 60_000);

  it('is deterministic for a seed, and the confusion counts add up to the held-out set', () => {
    const a = run(1);
    const b = run(1);
    expect(b.metrics()).toEqual(a.metrics());
    const va = a.views(['confusion', 'models']);
    expect(b.views(['confusion', 'models'])).toEqual(va);
    const confusion = va.confusion!;
    for (const counts of [confusion.frozen, confusion.scratch]) {
      expect(counts.length).toBe(16);
      expect(counts.reduce((s, x) => s + x, 0)).toBe(HELD_OUT_HEADLINES.length);
      for (let c = 0; c < 4; c++) {
        const row = counts.slice(c * 4, c * 4 + 4).reduce((s, x) => s + x, 0);
        expect(row).toBe(HELD_OUT_HEADLINES.filter((h) => h.label === c).length);
      }
    }
    expect(accuracyOf(confusion.frozen, 4)).toBe(a.metrics().heldAccFrozen);
  }, 60_000);

  it('the page’s typed-headline prediction agrees with the trained model on the held-out set', () => {
    const t = run(1);
    const models = t.views(['models']).models!;
    const confusion = t.views(['confusion']).confusion!;
    const predicted = HELD_OUT_HEADLINES.map((h) => classifyText(models.frozen, h.text).predicted);
    expect(
      Array.from(
        confusionCounts(
          HELD_OUT_HEADLINES.map((h) => h.label),
          predicted,
          4,
        ),
      ),
    ).toEqual(Array.from(confusion.frozen));
  }, 60_000);

  it('phase 1 trains only the vectors; with pretrain 0 the frozen vectors are random and generalise far worse', () => {
    const t = createClassifier({ ...defaultValues(classifierParams), pretrain: 10 }, 1);
    const before = t.metrics();
    t.step(10);
    const mid = t.metrics();
    expect(mid.gloveSteps).toBe(10);
    expect(mid.classifierSteps).toBe(0);
    expect(mid.lossScratch).toBe(before.lossScratch); // classifiers wait during phase 1
    t.step(1);
    expect(t.metrics().lossScratch).not.toBe(before.lossScratch);
    const random = createClassifier({ ...defaultValues(classifierParams), pretrain: 0 }, 1);
    random.step(100);
    expect(random.metrics().gloveSteps).toBe(0);
    expect(random.metrics().heldAccFrozen!).toBeLessThan(run(1).metrics().heldAccFrozen! - 0.25);
  }, 60_000);
});
