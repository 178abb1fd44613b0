import { describe, expect, it } from 'vitest';
import { noGrad } from '../../core/autograd';
import { positionalEncoding, scaledDotProductAttention } from '../../core/ops/nn';
import { tensor } from '../../core/tensor';
import {
  attentionByHand,
  multiHeadByHand,
  rowCosineSimilarity,
  sinusoidalEncoding,
  tokensToVectors,
} from './illustrations';

describe('positional encoding', () => {
  it('follows the sin/cos formula', () => {
    const pe = sinusoidalEncoding(4, 8);
    expect(Array.from(pe.data.slice(0, 8))).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(pe.data[8 + 0]).toBeCloseTo(Math.sin(1));
    expect(pe.data[8 + 1]).toBeCloseTo(Math.cos(1));
    expect(pe.data[2 * 8 + 2]).toBeCloseTo(Math.sin(2 / Math.pow(10000, 2 / 8)));
    expect(pe.data[2 * 8 + 3]).toBeCloseTo(Math.cos(2 / Math.pow(10000, 2 / 8)));
  });
  it('similarity of two positions depends only on their distance (constant diagonals)', () => {
    const sim = rowCosineSimilarity(sinusoidalEncoding(8, 16));
    for (let p = 0; p < 8; p++) expect(sim.data[p * 8 + p]).toBeCloseTo(1);
    for (let p = 0; p + 3 < 8; p++) expect(sim.data[p * 8 + p + 3]).toBeCloseTo(sim.data[3], 5);
    expect(sim.data[1]).toBeGreaterThan(sim.data[7]); // neighbours are more alike than far-apart positions
  });
});

describe('tokens → vectors', () => {
  it('picks embedding rows by id, scales by √d and adds PE', () => {
    const v = tokensToVectors('3 1 4', { d: 16 });
    expect(v.tokens).toEqual(['3', '1', '4']);
    expect(v.ids).toEqual([6, 4, 7]);
    expect(v.table.rows).toBe(13);
    for (let c = 0; c < 16; c++) {
      expect(v.embedded.data[c]).toBe(v.table.data[6 * 16 + c]);
      expect(v.input.data[16 + c]).toBeCloseTo(4 * v.table.data[4 * 16 + c] + v.positional.data[16 + c], 5);
    }
  });
  it('bad input falls back to the example and reports unknown characters', () => {
    const v = tokensToVectors('xyz', { d: 8 });
    expect(v.unknown).toEqual(['x', 'y', 'z']);
    expect(v.tokens.length).toBeGreaterThan(0);
  });
});

describe('attention by hand', () => {
  const input = tokensToVectors('31415', { d: 8 }).input;
  it('weights are row-stochastic and output = weights · V', () => {
    const s = attentionByHand(input, { dk: 4 });
    const n = 5;
    expect(s.scores.rows).toBe(n);
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += s.weights.data[i * n + j];
      expect(total).toBeCloseTo(1, 5);
      for (let c = 0; c < 4; c++) {
        let o = 0;
        for (let j = 0; j < n; j++) o += s.weights.data[i * n + j] * s.v.data[j * 4 + c];
        expect(s.output.data[i * 4 + c]).toBeCloseTo(o, 5);
      }
    }
    // scores = q·k / √d_k
    let dot = 0;
    for (let c = 0; c < 4; c++) dot += s.q.data[c] * s.k.data[4 + c];
    expect(s.scores.data[1]).toBeCloseTo(dot / 2, 5);
  });
  it('the causal mask zeroes the upper triangle and the first row attends only to itself', () => {
    const s = attentionByHand(input, { dk: 4, causal: true });
    const n = 5;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        expect(s.weights.data[i * n + j]).toBe(0);
        expect(s.scores.data[i * n + j]).toBe(-Infinity);
      }
    expect(s.weights.data[0]).toBeCloseTo(1);
  });
  it('multi-head: h heads of width d/h concatenate back to d', () => {
    const m = multiHeadByHand(input, { heads: 4 });
    expect(m.heads).toHaveLength(4);
    expect(m.heads[0].dk).toBe(2);
    expect(m.concat.cols).toBe(8);
    expect(m.output.cols).toBe(8);
    expect(Array.from(m.concat.data.slice(2, 4))).toEqual(Array.from(m.heads[1].output.data.slice(0, 2)));
  });
  it('matches the core attention op stage for stage (weights and output, with and without the mask)', () => {
    for (const causal of [false, true]) {
      const s = attentionByHand(input, { dk: 4, causal });
      const asHeads = (m: { data: Float32Array; rows: number; cols: number }) =>
        tensor(m.data, [1, 1, m.rows, m.cols]);
      const core = noGrad(() =>
        scaledDotProductAttention(asHeads(s.q), asHeads(s.k), asHeads(s.v), { causal }),
      );
      core.weights.data.forEach((w, i) => expect(s.weights.data[i]).toBeCloseTo(w, 5));
      core.output.data.forEach((o, i) => expect(s.output.data[i]).toBeCloseTo(o, 5));
    }
  });
  it('the figure positional encoding equals the core one', () => {
    const ours = sinusoidalEncoding(6, 16).data;
    positionalEncoding(6, 16).data.forEach((v, i) => expect(ours[i]).toBeCloseTo(v, 5));
  });
  it('same seed ⇒ same figures', () => {
    expect(attentionByHand(input, { seed: 9 }).weights.data).toEqual(
      attentionByHand(input, { seed: 9 }).weights.data,
    );
  });
});
