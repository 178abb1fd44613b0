// TensorFlow.js 4.x peers: the pure-JS CPU backend and the Wasm backend (SIMD, single thread, .wasm files loaded
// from node_modules — no network). Idiomatic user code: tf.variable + optimizer.minimize(f, returnCost = true).
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerTfjsGradients } from './tfjs-gradients';
import type {
  Engine,
  MatmulCase,
  MatmulRunner,
  Params,
  Trainer,
  W1Data,
  W2Data,
  W3Data,
  WorkloadData,
} from '../types';

type Backend = 'cpu' | 'wasm';

export async function createTfjsEngine(backend: Backend): Promise<Engine> {
  await registerTfjsGradients();
  if (backend === 'wasm') {
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(path.dirname(wasmFile) + path.sep);
    // Single-threaded like every other engine in this bench (Node has no browser Worker for jax-js either).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  tf.enableProdMode(); // no NaN checks / debug bookkeeping, as in a production app
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend "${backend}" failed to initialise`);
  const simd = backend === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
  const description =
    backend === 'cpu'
      ? `@tensorflow/tfjs-core ${tf.version_core} + tfjs-backend-cpu (pure JS)`
      : `@tensorflow/tfjs-core ${tf.version_core} + tfjs-backend-wasm (${simd ? 'SIMD' : 'no SIMD'}, 1 thread)`;
  return {
    name: backend === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm',
    description,
    async activate() {
      if (tf.getBackend() !== backend) await tf.setBackend(backend);
    },
    createTrainer: (w) => createTrainer(w, backend),
    createMatmul: (c) => createMatmul(c),
  };
}

function createTrainer(w: WorkloadData, backend: Backend): Trainer {
  switch (w.id) {
    case 'W1':
      return trainerW1(w);
    case 'W2':
      return trainerW2(w);
    case 'W3':
      return trainerW3(w, backend);
  }
}

type Vars = Record<string, tf.Variable>;

function toVariables(params: Params): Vars {
  const vars: Vars = {};
  for (const [name, p] of Object.entries(params))
    vars[name] = tf.variable(tf.tensor(p.data, p.shape, 'float32'));
  return vars;
}

/** The shared train-step shape: build the loss from fresh batch tensors, minimise, read the loss back. */
function makeTrainer(
  vars: Vars,
  optimizer: tf.Optimizer,
  lossOf: (batchIndex: number) => tf.Scalar,
): Trainer {
  const varList = Object.values(vars);
  let stepIndex = 0;
  return {
    step() {
      const i = stepIndex++;
      const cost = optimizer.minimize(() => lossOf(i), true, varList);
      if (!cost) throw new Error('tfjs: minimize returned no cost');
      const value = cost.dataSync()[0];
      cost.dispose();
      return value;
    },
    dispose() {
      optimizer.dispose();
      for (const v of varList) v.dispose();
    },
  };
}

function adam(w: W2Data | W3Data): tf.Optimizer {
  return tf.train.adam(w.adam.lr, w.adam.beta1, w.adam.beta2, w.adam.eps);
}

// W1: h = tanh(x·W + b) twice, z = h·W + b, mean BCE from logits.
function trainerW1(w: W1Data): Trainer {
  const v = toVariables(w.params);
  const layers = w.sizes.length - 1;
  return makeTrainer(v, tf.train.sgd(w.lr), (i) => {
    const batch = w.batches[i % w.batches.length];
    const x = tf.tensor2d(batch.x, [w.batchSize, w.sizes[0]]); // [B, 2]
    const y = tf.tensor2d(batch.y, [w.batchSize, 1]); // [B, 1]
    let h: tf.Tensor2D = x;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, v[`w${l}`] as tf.Tensor2D), v[`b${l}`]) as tf.Tensor2D; // [B, out]
      h = l + 1 < layers ? tf.tanh(z) : z;
    }
    return tf.losses.sigmoidCrossEntropy(y, h) as tf.Scalar;
  });
}

// W2: gates = x_t·Wx + b + h·Wh (order i, f, g, o), logits_t = h_t·Wy + by, mean CE over T·B. As in the core, the
// input projection of all T steps is one [T·B, V]·[V, 4H] product and the output projection one [T·B, H]·[H, V]
// product; only h·Wh runs step by step.
function trainerW2(w: W2Data): Trainer {
  const v = toVariables(w.params);
  const { vocab: V, hidden: H, seqLen: T, batchSize: B } = w;
  return makeTrainer(v, adam(w), (i) => {
    const batch = w.batches[i % w.batches.length];
    const x = tf.tensor2d(batch.inputOneHot, [T * B, V]); // [T·B, V]
    const zx = tf.add(tf.matMul(x, v.wx as tf.Tensor2D), v.b); // [T·B, 4H]
    const zs = tf.unstack(tf.reshape(zx, [T, B, 4 * H])) as tf.Tensor2D[]; // T × [B, 4H]
    const ys = tf.tensor2d(batch.targetOneHot, [T * B, V]); // [T·B, V]
    let h: tf.Tensor2D = tf.zeros([B, H]);
    let c: tf.Tensor2D = tf.zeros([B, H]);
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const z = tf.add(zs[t], tf.matMul(h, v.wh as tf.Tensor2D)); // [B, 4H]
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))); // [B, H]
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c)); // [B, H]
      hs.push(h);
    }
    const logits = tf.add(tf.matMul(tf.concat(hs, 0), v.wy as tf.Tensor2D), v.by); // [T·B, V]
    return tf.losses.softmaxCrossEntropy(ys, logits) as tf.Scalar;
  });
}

// W3: see W3Data in types.ts for the exact definition every engine follows. The Wasm backend has no kernel for
// gather's gradient (UnsortedSegmentSum), so there the embedding lookup is a one-hot matmul (same values).
function trainerW3(w: W3Data, backend: Backend): Trainer {
  const v = toVariables(w.params);
  const { vocab: V, dModel: d, heads, seqLen: L, batchSize: B } = w;
  const dk = d / heads;
  const posEnc = tf.keep(tf.tensor2d(w.posEnc, [L, d]));
  const mask = tf.keep(tf.tensor2d(w.causalMask, [L, L]));

  const linear = (x: tf.Tensor2D, prefix: string, wName: string, bName: string) =>
    tf.add(tf.matMul(x, v[`${prefix}.${wName}`] as tf.Tensor2D), v[`${prefix}.${bName}`]) as tf.Tensor2D;
  const layerNorm = (x: tf.Tensor2D, prefix: string) => {
    const mean = tf.mean(x, -1, true); // [N, 1]
    const centred = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centred), -1, true);
    const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, w.lnEps)));
    return tf.add(tf.mul(normed, v[`${prefix}.g`]), v[`${prefix}.b`]) as tf.Tensor2D;
  };
  const splitHeads = (x: tf.Tensor2D) =>
    tf.reshape(tf.transpose(tf.reshape(x, [B, L, heads, dk]), [0, 2, 1, 3]), [
      B * heads,
      L,
      dk,
    ]) as tf.Tensor3D;
  const attention = (xq: tf.Tensor2D, xkv: tf.Tensor2D, prefix: string, causal: boolean) => {
    const q = splitHeads(linear(xq, prefix, 'wq', 'bq')); // [B·h, L, dk]
    const k = splitHeads(linear(xkv, prefix, 'wk', 'bk'));
    const val = splitHeads(linear(xkv, prefix, 'wv', 'bv'));
    let scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dk)); // [B·h, L, L]
    if (causal) scores = tf.add(scores, mask);
    const ctx = tf.matMul(tf.softmax(scores), val); // [B·h, L, dk]
    const merged = tf.reshape(tf.transpose(tf.reshape(ctx, [B, heads, L, dk]), [0, 2, 1, 3]), [B * L, d]);
    return linear(merged as tf.Tensor2D, prefix, 'wo', 'bo'); // [B·L, d]
  };
  const feedForward = (x: tf.Tensor2D, prefix: string) =>
    linear(tf.relu(linear(x, prefix, 'w1', 'b1')), prefix, 'w2', 'b2');
  const lookup = (ids: Int32Array, oneHot: Float32Array) =>
    backend === 'wasm'
      ? tf.matMul(tf.tensor2d(oneHot, [B * L, V]), v.embed as tf.Tensor2D)
      : tf.gather(v.embed, tf.tensor1d(ids, 'int32')); // [B·L, d]
  const embed = (ids: Int32Array, oneHot: Float32Array) => {
    const e = tf.mul(lookup(ids, oneHot), Math.sqrt(d)); // [B·L, d]
    return tf.reshape(tf.add(tf.reshape(e, [B, L, d]), posEnc), [B * L, d]) as tf.Tensor2D;
  };

  const trainer = makeTrainer(v, adam(w), (i) => {
    const batch = w.batches[i % w.batches.length];
    let enc = embed(batch.srcIds, batch.srcOneHot);
    for (let l = 0; l < w.encLayers; l++) {
      enc = layerNorm(tf.add(enc, attention(enc, enc, `enc${l}.attn`, false)), `enc${l}.ln1`);
      enc = layerNorm(tf.add(enc, feedForward(enc, `enc${l}.ff`)), `enc${l}.ln2`);
    }
    let dec = embed(batch.decInIds, batch.decInOneHot);
    for (let l = 0; l < w.decLayers; l++) {
      dec = layerNorm(tf.add(dec, attention(dec, dec, `dec${l}.self`, true)), `dec${l}.ln1`);
      dec = layerNorm(tf.add(dec, attention(dec, enc, `dec${l}.cross`, false)), `dec${l}.ln2`);
      dec = layerNorm(tf.add(dec, feedForward(dec, `dec${l}.ff`)), `dec${l}.ln3`);
    }
    const logits = tf.add(tf.matMul(dec, v.embed as tf.Tensor2D, false, true), v.outBias); // tied: [B·L, V]
    const targets = tf.tensor2d(batch.targetOneHot, [B * L, V]);
    return tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
  });
  return {
    step: trainer.step,
    dispose() {
      trainer.dispose();
      posEnc.dispose();
      mask.dispose();
    },
  };
}

function createMatmul(c: MatmulCase): MatmulRunner {
  const aShape = c.transA ? [c.batch, c.k, c.m] : [c.batch, c.m, c.k];
  const bShape = c.transB ? [c.batch, c.n, c.k] : [c.batch, c.k, c.n];
  const a = tf.tensor3d(c.a, aShape as [number, number, number]);
  const b = tf.tensor3d(c.b, bShape as [number, number, number]);
  return {
    run() {
      const out = tf.matMul(a, b, c.transA, c.transB);
      const data = out.dataSync() as Float32Array;
      out.dispose();
      return data;
    },
    dispose() {
      a.dispose();
      b.dispose();
    },
  };
}
