import { describe, expect, it } from 'vitest';
import { dataset2D } from '../../core/data/datasets2d';
import { binaryCrossEntropy } from '../../core/losses';
import { MLP } from '../../core/nn/linear';
import { Rng } from '../../core/random';
import { tensor } from '../../core/tensor';
import { defaultValues } from '../params';
import { SIZES, createLandscape, landscapeParams } from './landscape';
import { fastTanh, flatLayout, flatLoss, flatten } from './flatMlp';
import { SLICE_N, computeSlice, filterNormalize, principalDirections, projectOntoPlane } from './lossSlice';

const layout = flatLayout(SIZES);

describe('loss-surface slice helpers', () => {
  it('fastTanh matches Math.tanh', () => {
    for (let z = -30; z <= 30; z += 0.137) expect(Math.abs(fastTanh(z) - Math.tanh(z))).toBeLessThan(1e-15);
  });

  it('a 2-8-8-1 MLP has 105 parameters', () => {
    expect(layout.total).toBe(105);
    expect(new MLP({ sizes: SIZES, activation: 'tanh' }, 1).parameterCount()).toBe(105);
  });

  it('the flat float64 forward gives the same loss as the core model', () => {
    const data = dataset2D('circle', { n: 50, noise: 0.05 }, 3);
    const model = new MLP({ sizes: SIZES, activation: 'tanh' }, 3);
    const core = binaryCrossEntropy(model.forward(tensor(data.x, [data.n, 2])), data.y).item();
    expect(flatLoss(layout, flatten(model, layout), data)).toBeCloseTo(core, 5);
  });

  it('filter normalisation gives every neuron’s slice of the direction the norm of its weights', () => {
    const rng = new Rng(5);
    const theta = new Float64Array(layout.total).map(() => rng.normal(0, 2));
    const raw = new Float64Array(layout.total).map(() => rng.normal());
    const d = filterNormalize(raw, theta, layout);
    // Neuron 3 of layer 1 (8 → 8): weights row 3 plus bias 3.
    const idx = [
      ...Array.from({ length: 8 }, (_, k) => layout.wOffset[1] + 3 * 8 + k),
      layout.bOffset[1] + 3,
    ];
    const norm = (v: Float64Array) => Math.sqrt(idx.reduce((s, i) => s + v[i] * v[i], 0));
    expect(norm(d)).toBeCloseTo(norm(theta), 10);
    // Direction only rescaled, never rotated: same sign pattern.
    for (const i of idx) expect(Math.sign(d[i])).toBe(Math.sign(raw[i]));
  });

  it('projection recovers the coordinates of a point in the plane', () => {
    const rng = new Rng(8);
    const d1 = new Float64Array(105).map(() => rng.normal());
    const d2 = new Float64Array(105).map(() => rng.normal());
    const v = d1.map((x, i) => 0.7 * x - 0.3 * d2[i]);
    const [s, t] = projectOntoPlane(v, d1, d2);
    expect(s).toBeCloseTo(0.7, 10);
    expect(t).toBeCloseTo(-0.3, 10);
  });

  it('the slice is centred on the current loss and computes a 41 × 41 grid', () => {
    const data = dataset2D('circle', { n: 200, noise: 0.05 }, 1);
    const model = new MLP({ sizes: SIZES, activation: 'tanh' }, 1);
    const theta = flatten(model, layout);
    const rng = new Rng(2);
    const d1 = filterNormalize(
      new Float64Array(105).map(() => rng.normal()),
      theta,
      layout,
    );
    const d2 = filterNormalize(
      new Float64Array(105).map(() => rng.normal()),
      theta,
      layout,
    );
    const slice = computeSlice(layout, theta, data, d1, d2, 1, 0);
    expect(slice.values.length).toBe(SLICE_N * SLICE_N);
    const mid = (SLICE_N - 1) / 2;
    expect(slice.values[mid * SLICE_N + mid]).toBeCloseTo(flatLoss(layout, theta, data), 5);
    expect(slice.min).toBeLessThanOrEqual(slice.values[mid * SLICE_N + mid]);
    expect(slice.ms).toBeGreaterThanOrEqual(0); // measured, never asserted against a budget (wall time)
  });
});

describe('principal directions of a path', () => {
  it('finds the plane a path lies in and says it explains all of it', () => {
    const rng = new Rng(3);
    const u = new Float64Array(105).map(() => rng.normal());
    const v = new Float64Array(105).map(() => rng.normal());
    const rows = Array.from({ length: 30 }, (_, i) => u.map((x, q) => (i / 10) * x + Math.sin(i) * v[q]));
    const pcs = principalDirections(rows)!;
    expect(pcs.explained).toBeGreaterThan(0.999);
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(dot(pcs.d1, pcs.d1)).toBeCloseTo(1, 10);
    expect(dot(pcs.d1, pcs.d2)).toBeCloseTo(0, 10);
    // u lies in the plane: its projection keeps its whole length.
    const [a, b] = [dot(u, pcs.d1), dot(u, pcs.d2)];
    expect(Math.hypot(a, b)).toBeCloseTo(Math.sqrt(dot(u, u)), 6);
  });

  it('returns null when there is no path yet', () => {
    expect(principalDirections([new Float64Array(105)])).toBeNull();
    expect(principalDirections([new Float64Array(105), new Float64Array(105)])).toBeNull();
  });
});

describe('descent-landscape experiment', () => {
  it("with plane 'pca' the projected path spans the slice instead of collapsing onto its centre", () => {
    const t = createLandscape({ ...defaultValues(landscapeParams), plane: 'pca', lr: 0.3 }, 4);
    t.step(500);
    const v = t.views(['slice', 'path']);
    const slice = v.slice as { x1: number; explained: number };
    const path = v.path as Float32Array;
    let extent = 0;
    for (const c of path) extent = Math.max(extent, Math.abs(c));
    expect(extent).toBeGreaterThan(0.5 * slice.x1);
    expect(extent).toBeLessThanOrEqual(slice.x1);
    expect(slice.explained).toBeGreaterThan(0.5);
  });

  it('trains (loss falls, accuracy rises), and its projected path ends at the slice centre', () => {
    const t = createLandscape({ ...defaultValues(landscapeParams), lr: 0.3 }, 4);
    const before = t.metrics().loss;
    t.step(1500);
    const m = t.metrics();
    expect(m.loss).toBeLessThan(before * 0.5);
    expect(m.accuracy!).toBeGreaterThan(0.85);
    const v = t.views(['slice', 'path']);
    const slice = v.slice as { values: Float32Array; centerLoss: number; step: number; nx: number };
    expect(slice.step).toBe(1500);
    expect(slice.centerLoss).toBeCloseTo(m.loss, 4);
    const path = v.path as Float32Array;
    expect(path.length).toBeGreaterThan(4);
    expect(Math.abs(path[path.length - 2])).toBeLessThan(1e-6);
    expect(Math.abs(path[path.length - 1])).toBeLessThan(1e-6);
    // The start of training is somewhere else on the plane.
    expect(Math.hypot(path[0], path[1])).toBeGreaterThan(1e-3);
  });

  it('same seed ⇒ identical runs', () => {
    const a = createLandscape(defaultValues(landscapeParams), 9);
    const b = createLandscape(defaultValues(landscapeParams), 9);
    a.step(100);
    b.step(100);
    expect(a.metrics()).toEqual(b.metrics());
  });

  it('stops with a reason instead of training on NaN', () => {
    const t = createLandscape({ ...defaultValues(landscapeParams), lr: 3, batch: 1 }, 2);
    t.step(3000);
    // A rate of 3 may or may not blow up a tanh net; whatever happens, nothing non-finite is reported.
    expect(Number.isFinite(t.metrics().loss) || t.divergence() !== null).toBe(true);
  });
});
