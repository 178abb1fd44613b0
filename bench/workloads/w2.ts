// W2 — char-LSTM: vocab 40, hidden 128, sequence 32, batch 16, one-hot input, softmax CE at every step, Adam 0.01.
import { makeRng, xavierUniform } from '../prng';
import type { W2Data } from '../types';

const VOCAB = 40;
const HIDDEN = 128;
const SEQ = 32;
const BATCH = 16;
const N_BATCHES = 8;

export function makeW2(seed = 2): W2Data {
  const rng = makeRng(seed);
  const [V, H, T, B] = [VOCAB, HIDDEN, SEQ, BATCH];
  const small = (n: number) => new Float32Array(n).map(() => rng.uniform(-0.05, 0.05));
  const params = {
    wx: { shape: [V, 4 * H], data: xavierUniform(rng, V, 4 * H) },
    wh: { shape: [H, 4 * H], data: xavierUniform(rng, H, 4 * H) },
    b: { shape: [4 * H], data: small(4 * H) },
    wy: { shape: [H, V], data: xavierUniform(rng, H, V) },
    by: { shape: [V], data: small(V) },
  };

  // A corpus from a seeded order-1 Markov chain (each symbol has 4 likely successors), so there is structure to learn.
  const corpusLength = 4096;
  const corpus = new Int32Array(corpusLength);
  const successors = Array.from({ length: V }, () => Array.from({ length: 4 }, () => rng.int(V)));
  corpus[0] = rng.int(V);
  for (let i = 1; i < corpusLength; i++) {
    corpus[i] = rng.uniform(0, 1) < 0.85 ? successors[corpus[i - 1]][rng.int(4)] : rng.int(V);
  }

  const batches: W2Data['batches'] = [];
  for (let n = 0; n < N_BATCHES; n++) {
    const inputOneHot = new Float32Array(T * B * V);
    const targetOneHot = new Float32Array(T * B * V);
    const inputIds = new Int32Array(T * B);
    const targetIds = new Int32Array(T * B);
    for (let b = 0; b < B; b++) {
      const start = rng.int(corpusLength - T - 1);
      for (let t = 0; t < T; t++) {
        const [x, y] = [corpus[start + t], corpus[start + t + 1]];
        inputIds[t * B + b] = x;
        targetIds[t * B + b] = y;
        inputOneHot[(t * B + b) * V + x] = 1;
        targetOneHot[(t * B + b) * V + y] = 1;
      }
    }
    batches.push({ inputOneHot, inputIds, targetIds, targetOneHot });
  }
  return {
    id: 'W2',
    vocab: V,
    hidden: H,
    seqLen: T,
    batchSize: B,
    adam: { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    params,
    batches,
  };
}
