import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../losses';
import { adam } from '../optim';
import { Rng } from '../random';
import { getState, loadState } from '../serialize';
import { tensor } from '../tensor';
import { MultiHeadAttention } from './attention';
import { Capture } from './capture';
import { BatchNorm, Dropout, LayerNorm } from './layers';
import { greedyDecode, Seq2SeqTransformer } from './transformer';

// Reverse task, generated inline: symbols 0..7, BOS = 8, length 6.
const K = 8;
const L = 6;
const BOS = K;
function reverseBatch(rng: Rng, B: number) {
  const src = new Int32Array(B * L);
  const tgtIn = new Int32Array(B * L);
  const tgtOut = new Int32Array(B * L);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < L; t++) src[b * L + t] = rng.int(K);
    for (let t = 0; t < L; t++) tgtOut[b * L + t] = src[b * L + L - 1 - t];
    tgtIn[b * L] = BOS;
    for (let t = 1; t < L; t++) tgtIn[b * L + t] = tgtOut[b * L + t - 1];
  }
  return { src, tgtIn, tgtOut };
}

const small = {
  srcVocab: K + 1,
  tgtVocab: K + 1,
  dModel: 16,
  heads: 2,
  ff: 32,
  encoderLayers: 1,
  decoderLayers: 1,
  maxLen: 8,
};

function trainReverse(steps: number, seed: number, norm: 'post' | 'pre' = 'post') {
  const model = new Seq2SeqTransformer({ ...small, shareEmbeddings: true, norm }, seed);
  const opt = adam(model.parameters(), { lr: 1e-2 });
  const rng = new Rng(seed + 100);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { src, tgtIn, tgtOut } = reverseBatch(rng, 32);
    opt.zeroGrad();
    const logits = model.forward(src, tgtIn, 32, L, L); // [32, 6, 9]
    const loss = crossEntropy(logits, tgtOut);
    loss.backward();
    opt.step();
    losses.push(loss.item());
  }
  return { model, losses };
}

describe('Seq2SeqTransformer', () => {
  it('learns to reverse length-6 sequences to ≥ 95% token accuracy (greedy decoding, held-out data)', () => {
    const { model } = trainReverse(250, 1);
    const test = reverseBatch(new Rng(999), 200);
    const out = greedyDecode(model, test.src, 200, L, { bos: BOS, maxLen: L });
    let correct = 0;
    for (let i = 0; i < out.length; i++) if (out[i] === test.tgtOut[i]) correct++;
    expect(correct / out.length).toBeGreaterThanOrEqual(0.95);
  });

  it('same seed ⇒ bit-identical losses; pre-LN also trains', () => {
    const a = trainReverse(8, 3).losses;
    expect(trainReverse(8, 3).losses).toEqual(a);
    const pre = trainReverse(40, 3, 'pre').losses;
    expect(pre[pre.length - 1]).toBeLessThan(pre[0]);
  });

  it('ties the output projection to the embedding and counts it once', () => {
    const tied = new Seq2SeqTransformer({ ...small, shareEmbeddings: true }, 0);
    const untied = new Seq2SeqTransformer({ ...small, tieOutput: false }, 0);
    const names = tied.namedParameters().map(([n]) => n);
    expect(names.filter((n) => n.endsWith('Embed.weight'))).toEqual(['srcEmbed.weight']);
    expect(untied.namedParameters().some(([n]) => n.startsWith('outProj'))).toBe(true);
    const state = getState(tied);
    const other = new Seq2SeqTransformer({ ...small, shareEmbeddings: true }, 5);
    expect(loadState(other, state).ok).toBe(true);
    expect(getState(other)).toEqual(state);
    expect(() => new Seq2SeqTransformer({ ...small, srcVocab: 3, shareEmbeddings: true }, 0)).toThrow(
      /shareEmbeddings/,
    );
  });

  it('captures attention weights per head for every layer', () => {
    const model = new Seq2SeqTransformer(small, 0);
    const cap = new Capture();
    model.setCapture(cap);
    const { src, tgtIn, tgtOut } = reverseBatch(new Rng(1), 2);
    crossEntropy(model.forward(src, tgtIn, 2, L, L), tgtOut).backward();
    const snap = cap.snapshot();
    expect(Object.keys(snap)).toEqual(
      expect.arrayContaining([
        'encoder.0.selfAttn.weights',
        'decoder.0.selfAttn.weights',
        'decoder.0.crossAttn.weights',
        'memory',
        'decoderOut',
      ]),
    );
    const w = snap['decoder.0.selfAttn.weights'][0];
    expect(w.shape).toEqual([2, 2, L, L]);
    expect(w.value[1]).toBe(0); // position 0 cannot see position 1 (causal)
    expect(w.grad).not.toBeNull();
  });

  it('with padId, padded source positions change nothing (same logits as the unpadded source)', () => {
    const PAD = K; // reuse the BOS id as padding here; it never appears in the sources below
    const model = new Seq2SeqTransformer({ ...small, shareEmbeddings: true, padId: PAD }, 4);
    const src = Int32Array.from([3, 1, 4, 1]);
    const padded = Int32Array.from([3, 1, 4, 1, PAD, PAD]);
    const tgtIn = Int32Array.from([BOS, 2, 7]);
    const a = model.forward(src, tgtIn, 1, 4, 3).toArray();
    const b = model.forward(padded, tgtIn, 1, 6, 3).toArray();
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 4));
    const unmasked = new Seq2SeqTransformer({ ...small, shareEmbeddings: true }, 4);
    const c = unmasked.forward(padded, tgtIn, 1, 6, 3).toArray();
    expect(c.some((v, i) => Math.abs(v - a[i]) > 1e-3)).toBe(true);
    expect(Array.from(model.sourceMask(padded)!)).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it('rejects sequences longer than maxLen', () => {
    const model = new Seq2SeqTransformer(small, 0);
    expect(() => model.forward(new Int32Array(9), new Int32Array(9), 1, 9, 9)).toThrow(/maxLen/);
  });
});

describe('small modules', () => {
  it('MultiHeadAttention: heads must divide d; output keeps the query shape', () => {
    expect(() => new MultiHeadAttention({ dModel: 10, heads: 4 }, 0)).toThrow(/divide/);
    const mha = new MultiHeadAttention({ dModel: 8, heads: 2 }, 0);
    const x = tensor(
      new Array(2 * 3 * 8).fill(0).map((_, i) => Math.cos(i)),
      [2, 3, 8],
    );
    const m = tensor(
      new Array(2 * 5 * 8).fill(0).map((_, i) => Math.sin(i)),
      [2, 5, 8],
    );
    expect(mha.forward(x, m).shape).toEqual([2, 3, 8]);
    expect(mha.lastWeights!.shape).toEqual([2, 2, 3, 5]);
  });

  it('BatchNorm and Dropout switch behaviour with train()/eval()', () => {
    const bn = new BatchNorm(2);
    const x = tensor([
      [1, 10],
      [3, 30],
    ]);
    expect(
      bn
        .forward(x)
        .toArray()
        .map((v) => Math.round(v * 100) / 100),
    ).toEqual([-1, -1, 1, 1]);
    bn.eval();
    expect(bn.forward(x).at(0, 0)).toBeCloseTo((1 - 0.2) / Math.sqrt(0.9 + 0.2 + 1e-5), 4);
    const drop = new Dropout(0.5, 1);
    const ones = tensor(new Array(100).fill(1));
    expect(
      drop
        .forward(ones)
        .toArray()
        .some((v) => v === 0),
    ).toBe(true);
    drop.eval();
    expect(drop.forward(ones)).toBe(ones);
    const state = getState(bn);
    expect(Object.keys(state)).toEqual(['gamma', 'beta', 'runningMean', 'runningVar']);
    const fresh = new BatchNorm(2);
    expect(loadState(fresh, state).ok).toBe(true);
    expect(Array.from(fresh.state.runningMean)).toEqual(Array.from(bn.state.runningMean));
    const ln = new LayerNorm(3);
    expect(
      ln
        .forward(tensor([[1, 2, 3]]))
        .toArray()
        .reduce((s, v) => s + v, 0),
    ).toBeCloseTo(0, 5);
  });
});
