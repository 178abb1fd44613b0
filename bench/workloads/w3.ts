// W3 — encoder–decoder Transformer on "reverse the sequence": d_model 64, 4 heads, ff 256, 2 + 2 layers, post-LN,
// source/target length 12, vocab 16, batch 32, tied output embedding, Adam 1e-3. Full definition: W3Data in types.ts.
import { makeRng, normalArray, xavierUniform, type Rng } from '../prng';
import type { Params, W3Data } from '../types';

const CONFIG = {
  vocab: 16,
  dModel: 64,
  heads: 4,
  dFF: 256,
  encLayers: 2,
  decLayers: 2,
  seqLen: 12,
  batchSize: 32,
  lnEps: 1e-5,
};
const BOS = 0; // data tokens are 1..vocab-1
const N_BATCHES = 8;

/** Every weight of the model, drawn in a fixed order (embedding, encoder layers, decoder layers). */
function makeW3Params(rng: Rng): Params {
  const { vocab: V, dModel: d, dFF: ff } = CONFIG;
  const params: Params = {};
  const small = (n: number) => new Float32Array(n).map(() => rng.uniform(-0.05, 0.05));
  const gain = (n: number) => new Float32Array(n).map(() => 1 + rng.uniform(-0.05, 0.05));
  const linear = (prefix: string, w: string, b: string, fanIn: number, fanOut: number) => {
    params[`${prefix}.${w}`] = { shape: [fanIn, fanOut], data: xavierUniform(rng, fanIn, fanOut) };
    params[`${prefix}.${b}`] = { shape: [fanOut], data: small(fanOut) };
  };
  const attention = (prefix: string) => {
    for (const p of ['q', 'k', 'v', 'o']) linear(prefix, `w${p}`, `b${p}`, d, d);
  };
  const layerNorm = (prefix: string) => {
    params[`${prefix}.g`] = { shape: [d], data: gain(d) };
    params[`${prefix}.b`] = { shape: [d], data: small(d) };
  };
  const feedForward = (prefix: string) => {
    linear(prefix, 'w1', 'b1', d, ff);
    linear(prefix, 'w2', 'b2', ff, d);
  };

  // std d^-1/2: E·√d has unit scale at the input, and the tied logits h·Eᵀ start near unit scale too.
  params.embed = { shape: [V, d], data: normalArray(rng, V * d, 1 / Math.sqrt(d)) };
  params.outBias = { shape: [V], data: small(V) };
  for (let l = 0; l < CONFIG.encLayers; l++) {
    attention(`enc${l}.attn`);
    layerNorm(`enc${l}.ln1`);
    feedForward(`enc${l}.ff`);
    layerNorm(`enc${l}.ln2`);
  }
  for (let l = 0; l < CONFIG.decLayers; l++) {
    attention(`dec${l}.self`);
    layerNorm(`dec${l}.ln1`);
    attention(`dec${l}.cross`);
    layerNorm(`dec${l}.ln2`);
    feedForward(`dec${l}.ff`);
    layerNorm(`dec${l}.ln3`);
  }
  return params;
}

/** Sinusoidal positions [L, d]: sin on even features, cos on odd, wavelengths 2π … 10000·2π. */
function sinusoidalPositions(L: number, d: number): Float32Array {
  const posEnc = new Float32Array(L * d);
  for (let pos = 0; pos < L; pos++) {
    for (let i = 0; i < d; i += 2) {
      const angle = pos / Math.pow(10000, i / d);
      posEnc[pos * d + i] = Math.sin(angle);
      if (i + 1 < d) posEnc[pos * d + i + 1] = Math.cos(angle);
    }
  }
  return posEnc;
}

function oneHot(ids: Int32Array, V: number): Float32Array {
  const out = new Float32Array(ids.length * V);
  ids.forEach((id, i) => (out[i * V + id] = 1));
  return out;
}

/** N_BATCHES batches of random sources; the target is the source reversed, the decoder input it shifted after BOS. */
function makeW3Batches(rng: Rng): W3Data['batches'] {
  const { vocab: V, seqLen: L, batchSize: B } = CONFIG;
  const batches: W3Data['batches'] = [];
  for (let n = 0; n < N_BATCHES; n++) {
    const srcIds = new Int32Array(B * L);
    const decInIds = new Int32Array(B * L);
    const targetIds = new Int32Array(B * L);
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < L; t++) srcIds[b * L + t] = 1 + rng.int(V - 1);
      for (let t = 0; t < L; t++) targetIds[b * L + t] = srcIds[b * L + (L - 1 - t)];
      decInIds[b * L] = BOS;
      for (let t = 1; t < L; t++) decInIds[b * L + t] = targetIds[b * L + t - 1];
    }
    batches.push({
      srcIds,
      decInIds,
      targetIds,
      srcOneHot: oneHot(srcIds, V),
      decInOneHot: oneHot(decInIds, V),
      targetOneHot: oneHot(targetIds, V),
    });
  }
  return batches;
}

export function makeW3(seed = 3): W3Data {
  const rng = makeRng(seed);
  const { dModel: d, seqLen: L } = CONFIG;
  const params = makeW3Params(rng);
  const posEnc = sinusoidalPositions(L, d); // [L, d]
  const causalMask = new Float32Array(L * L); // [L, L]
  for (let i = 0; i < L; i++) for (let j = i + 1; j < L; j++) causalMask[i * L + j] = -1e9;
  return {
    id: 'W3',
    ...CONFIG,
    adam: { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    params,
    posEnc,
    causalMask,
    batches: makeW3Batches(rng),
  };
}
