import { describe, expect, it } from 'vitest';
import { defaultValues } from '../params';
import { BINS, batchnormExperiment, createBatchnorm } from './batchnorm';
import { SigmoidNet } from './batchnormNet';

const defaults = () => defaultValues(batchnormExperiment.params);

describe('reg-batchnorm', () => {
  it('both networks start from the same weights', () => {
    const a = new SigmoidNet(8, 8, false, 5);
    const b = new SigmoidNet(8, 8, true, 5);
    a.layers.forEach((layer, l) => expect(b.layers[l].weight.data).toEqual(layer.weight.data));
    expect(b.norms.length).toBe(8);
  });

  it('with batch norm the loss after 600 steps is lower (several seeds)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = createBatchnorm(defaults(), seed);
      t.step(600);
      const m = t.metrics();
      expect(m.step).toBe(600);
      expect(m.lossBn!, `seed ${seed}`).toBeLessThan(m.lossPlain! * 0.5);
      // The plain network's activations stay bunched; batch norm's spread over more of the sigmoid's range.
      const v = t.views(['layers']).layers!;
      const avg = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
      expect(avg(v.spreadBn), `seed ${seed}`).toBeGreaterThan(1.5 * avg(v.spreadPlain));
    }
  }, 60_000);

  it('the instructor preset (12 layers, seed 1): without batch norm the loss stays at a coin toss’s, ln 2', () => {
    const t = createBatchnorm({ ...defaults(), depth: 12 }, 1);
    t.step(600);
    const m = t.metrics();
    expect(Math.abs(m.lossPlain! - Math.LN2)).toBeLessThan(0.02);
    expect(m.lossBn!).toBeLessThan(m.lossPlain! * 0.5);
  }, 30_000);

  it('layer read-outs: histograms sum to 1 per layer; γ and β move away from 1 and 0', () => {
    const t = createBatchnorm(defaults(), 1);
    t.step(200);
    const v = t.views(['layers']).layers!;
    const depth = v.depth;
    const hist = v.histBn;
    expect(hist.length).toBe(depth * BINS);
    for (let l = 0; l < depth; l++) {
      const row = hist.subarray(l * BINS, (l + 1) * BINS).reduce((s, x) => s + x, 0);
      expect(row).toBeCloseTo(1, 4);
    }
    expect(v.gradPlain.length).toBe(depth + 1);
    const gamma = v.gamma;
    const beta = v.beta;
    expect(Math.max(...gamma.map((g) => Math.abs(g - 1)))).toBeGreaterThan(1e-3);
    expect(Math.max(...beta.map(Math.abs))).toBeGreaterThan(1e-3);
    // Without batch norm the sigmoid's gradient vanishes towards the input; with it, much less.
    const ratio = (g: Float64Array) => g[0] / g[depth];
    expect(ratio(v.gradBn)).toBeGreaterThan(ratio(v.gradPlain));
  });
});
