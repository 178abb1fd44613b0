import { describe, expect, it } from 'vitest';
import { Rng } from '../../core';
import { defaultValues } from '../params';
import { augmentExperiment, createAugment } from './augment';
import {
  AUGMENTATIONS,
  CLASSES,
  PIXELS,
  augmentBatch,
  drawGlyph,
  glyphSet,
  tidyPose,
  type AugmentOptions,
} from './glyphs';

const all = (on: boolean) =>
  Object.fromEntries(AUGMENTATIONS.map((a) => [a, on])) as unknown as AugmentOptions;

describe('glyphs', () => {
  it('draws ten different digits with ink in [0, 1]', () => {
    const pose = { angle: 0, dx: 0, dy: 0, scale: 1, width: 1.3, ink: 1 };
    const digits = Array.from({ length: CLASSES }, (_, k) => drawGlyph(k, pose));
    for (const img of digits) {
      expect(img.length).toBe(PIXELS);
      expect(Math.max(...img)).toBeLessThanOrEqual(1);
      expect(Math.min(...img)).toBeGreaterThanOrEqual(0);
      expect(img.reduce((s, v) => s + v, 0)).toBeGreaterThan(5);
    }
    for (let a = 0; a < CLASSES; a++)
      for (let b = a + 1; b < CLASSES; b++) {
        const diff = digits[a].reduce((s, v, i) => s + Math.abs(v - digits[b][i]), 0);
        expect(diff, `${a} vs ${b}`).toBeGreaterThan(3);
      }
  });

  it('the same seed gives the same set', () => {
    const a = glyphSet(3, tidyPose, 0.1, new Rng(7));
    const b = glyphSet(3, tidyPose, 0.1, new Rng(7));
    expect(a.x).toEqual(b.x);
    expect(Array.from(a.y)).toEqual([
      0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9,
    ]);
  });
});

describe('augmentations', () => {
  const set = glyphSet(2, tidyPose, 0, new Rng(3));

  it('are deterministic for a seed, and differ between seeds', () => {
    const a = augmentBatch(set.x, set.n, all(true), new Rng(11));
    const b = augmentBatch(set.x, set.n, all(true), new Rng(11));
    const c = augmentBatch(set.x, set.n, all(true), new Rng(12));
    expect(a.x).toEqual(b.x);
    expect(a.draws).toEqual(b.draws);
    expect(a.x).not.toEqual(c.x);
  });

  it('with every toggle off, an image is unchanged', () => {
    const out = augmentBatch(set.x, set.n, all(false), new Rng(5)).x;
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(set.x[i], 5);
  });

  it('each toggle alone changes the images, and keeps pixels in [0, 1]', () => {
    for (const name of AUGMENTATIONS) {
      const only = { ...all(false), [name]: true };
      const out = augmentBatch(set.x, set.n, only, new Rng(9)).x;
      const diff = out.reduce((s, v, i) => s + Math.abs(v - set.x[i]), 0);
      expect(diff, name).toBeGreaterThan(1);
      expect(Math.min(...out), name).toBeGreaterThanOrEqual(0);
      expect(Math.max(...out), name).toBeLessThanOrEqual(1);
    }
  });

  it('a toggle changes only its own transformation (the random stream stays aligned)', () => {
    const on = augmentBatch(set.x, set.n, all(true), new Rng(4)).draws;
    const noRotate = augmentBatch(set.x, set.n, { ...all(true), rotate: false }, new Rng(4)).draws;
    expect(noRotate.map((d) => d.angle).every((a) => a === 0)).toBe(true);
    expect(noRotate.map((d) => d.dx)).toEqual(on.map((d) => d.dx));
    expect(noRotate.map((d) => d.zoom)).toEqual(on.map((d) => d.zoom));
  });
});

describe('reg-augment', () => {
  it('augmentation raises validation accuracy on the preset after 300 steps (several seeds)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = createAugment(defaultValues(augmentExperiment.params), seed);
      t.step(300);
      const m = t.metrics();
      expect(m.step).toBe(300);
      expect(m.trainAccPlain, `seed ${seed}`).toBe(1); // the plain run has learnt its few examples by heart
      expect(m.valAccAugmented!, `seed ${seed}`).toBeGreaterThan(m.valAccPlain! + 0.1);
    }
  }, 60_000);

  it('the instructor preset (two glyphs per digit, seed 1): augmentation still wins', () => {
    const t = createAugment({ ...defaultValues(augmentExperiment.params), perClass: 2 }, 1);
    t.step(300);
    const m = t.metrics();
    expect(m.valAccAugmented!).toBeGreaterThan(m.valAccPlain! + 0.1);
  }, 30_000);

  it('toggles apply live, and the gallery shows ten originals and their augmented copies', () => {
    const t = createAugment(defaultValues(augmentExperiment.params), 1);
    t.step(1);
    const g = t.views(['gallery']).gallery!;
    expect(g.original.length).toBe(CLASSES * PIXELS);
    expect(g.augmented).not.toEqual(g.original);
    for (const name of AUGMENTATIONS) t.set(name, false);
    t.step(1);
    const off = t.views(['gallery']).gallery!;
    for (let i = 0; i < off.original.length; i++) expect(off.augmented[i]).toBeCloseTo(off.original[i], 5);
  });
});
