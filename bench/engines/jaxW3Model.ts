// jax-js version of the W3 Transformer's forward pass (the engine's trainer in jax.ts differentiates it): blocks as
// functions of one context (sizes + parameter reader), the same math and reference counting as the other engines.
import { numpy as np, nn } from '@jax-js/jax';
import type { W3Data } from '../types';

type JArray = np.Array;

/** What W3's building blocks read: the workload's sizes and the parameter tree being traced. */
interface W3Context {
  w: W3Data;
  param: (name: string) => JArray;
  B: number;
  L: number;
  d: number;
  heads: number;
  dk: number;
}

function w3Linear(c: W3Context, x: JArray, prefix: string, wName: string, bName: string): JArray {
  return np.matmul(x, c.param(`${prefix}.${wName}`)).add(c.param(`${prefix}.${bName}`));
}

function w3LayerNorm(c: W3Context, x: JArray, prefix: string): JArray {
  const mean = x.ref.mean(-1, { keepdims: true }); // [N, 1]
  const centred = x.sub(mean);
  const variance = np.square(centred.ref).mean(-1, { keepdims: true });
  const normed = centred.div(np.sqrt(variance.add(c.w.lnEps)));
  return normed.mul(c.param(`${prefix}.g`)).add(c.param(`${prefix}.b`));
}

/** [B·L, d] → [B, h, L, dk] */
function w3SplitHeads(c: W3Context, x: JArray): JArray {
  return x.reshape([c.B, c.L, c.heads, c.dk]).transpose([0, 2, 1, 3]);
}

/** Multi-head attention of xq over xkv, causal when `causal` is given; [B·L, d]. */
function w3Attention(c: W3Context, xq: JArray, xkv: JArray, prefix: string, causal: JArray | null): JArray {
  const q = w3SplitHeads(c, w3Linear(c, xq, prefix, 'wq', 'bq'));
  const k = w3SplitHeads(c, w3Linear(c, xkv.ref, prefix, 'wk', 'bk'));
  const val = w3SplitHeads(c, w3Linear(c, xkv, prefix, 'wv', 'bv'));
  let scores = np.matmul(q, k.transpose([0, 1, 3, 2])).mul(1 / Math.sqrt(c.dk)); // [B, h, L, L]
  if (causal) scores = scores.add(causal.ref);
  const ctx = np.matmul(nn.softmax(scores, -1), val); // [B, h, L, dk]
  return w3Linear(c, ctx.transpose([0, 2, 1, 3]).reshape([c.B * c.L, c.d]), prefix, 'wo', 'bo'); // [B·L, d]
}

function w3FeedForward(c: W3Context, x: JArray, prefix: string): JArray {
  return w3Linear(c, nn.relu(w3Linear(c, x, prefix, 'w1', 'b1')), prefix, 'w2', 'b2');
}

/** One-hot tokens → scaled embeddings plus positions, [B·L, d]. */
function w3Embed(c: W3Context, oneHot: JArray, pe: JArray): JArray {
  const { B, L, d } = c;
  return np
    .matmul(oneHot, c.param('embed'))
    .mul(Math.sqrt(d))
    .reshape([B, L, d])
    .add(pe.ref)
    .reshape([B * L, d]);
}

/**
 * W3's logits [B·L, V]: encoder over src, decoder over decIn (causal self-attention, cross-attention), output tied to
 * the embedding. Disposes pe and causal (the caller passed references for this trace).
 */
export function w3Logits(
  w: W3Data,
  param: (name: string) => JArray,
  src: JArray,
  decIn: JArray,
  pe: JArray,
  causal: JArray,
): JArray {
  const c: W3Context = {
    w,
    param,
    B: w.batchSize,
    L: w.seqLen,
    d: w.dModel,
    heads: w.heads,
    dk: w.dModel / w.heads,
  };
  let enc = w3Embed(c, src, pe);
  for (let l = 0; l < w.encLayers; l++) {
    enc = w3LayerNorm(c, enc.ref.add(w3Attention(c, enc.ref, enc, `enc${l}.attn`, null)), `enc${l}.ln1`);
    enc = w3LayerNorm(c, enc.ref.add(w3FeedForward(c, enc, `enc${l}.ff`)), `enc${l}.ln2`);
  }
  let dec = w3Embed(c, decIn, pe);
  for (let l = 0; l < w.decLayers; l++) {
    dec = w3LayerNorm(c, dec.ref.add(w3Attention(c, dec.ref, dec, `dec${l}.self`, causal)), `dec${l}.ln1`);
    dec = w3LayerNorm(c, dec.ref.add(w3Attention(c, dec, enc.ref, `dec${l}.cross`, null)), `dec${l}.ln2`);
    dec = w3LayerNorm(c, dec.ref.add(w3FeedForward(c, dec, `dec${l}.ff`)), `dec${l}.ln3`);
  }
  const logits = np.matmul(dec, param('embed').transpose([1, 0])).add(param('outBias')); // tied: [B·L, V]
  enc.dispose();
  pe.dispose();
  causal.dispose();
  return logits;
}
