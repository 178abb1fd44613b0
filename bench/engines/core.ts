// Our training core (src/core), used the way the experiments use it: modules + loss + optimiser, one
// zeroGrad / forward / backward / step per batch, loss read with item().
import {
  MLP,
  adam,
  add,
  addScalar,
  asParameter,
  binaryCrossEntropy,
  concat,
  crossEntropy,
  div,
  gather,
  loadState,
  matmul,
  mean,
  mul,
  noGrad,
  relu,
  reshape,
  scale,
  sgd,
  sigmoid,
  softmax,
  split,
  sqrt,
  sub,
  tanh,
  tensor,
  transpose,
  zeros,
  type Module,
  type StateDict,
  type Tensor,
} from '../../src/core';
import type {
  AdamConfig,
  Engine,
  MatmulCase,
  MatmulRunner,
  Param,
  Params,
  Trainer,
  W1Data,
  W2Data,
  W3Data,
  WorkloadData,
} from '../types';

export async function createCoreEngine(): Promise<Engine> {
  return {
    name: 'core',
    description: 'Gradient Lab src/core (TypeScript, JS kernels); W2/W3 built from core ops',
    async activate() {},
    createTrainer: (w) => createTrainer(w),
    createMatmul: (c) => createMatmul(c),
  };
}

function createTrainer(w: WorkloadData): Trainer {
  switch (w.id) {
    case 'W1':
      return trainerW1(w);
    case 'W2':
      return trainerW2(w);
    case 'W3':
      return trainerW3(w);
  }
}

/** The bench stores x·W weights [in, out]; core's Linear keeps PyTorch's [out, in]. */
function transposed(p: Param): Float32Array {
  const [rows, cols] = p.shape;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = p.data[r * cols + c];
  return out;
}

function load(model: Module, state: StateDict): void {
  const result = loadState(model, state);
  if (!result.ok) throw new Error(`core: loadState failed: ${result.problems.join('; ')}`);
}

function trainerW1(w: W1Data): Trainer {
  const model = new MLP({ sizes: w.sizes, activation: 'tanh' }, 0);
  const state: StateDict = {};
  for (let l = 0; l + 1 < w.sizes.length; l++) {
    state[`layers.${l}.weight`] = transposed(w.params[`w${l}`]);
    state[`layers.${l}.bias`] = w.params[`b${l}`].data.slice();
  }
  load(model, state);
  const opt = sgd(model.parameters(), { lr: w.lr });
  let i = 0;
  return {
    step() {
      const batch = w.batches[i++ % w.batches.length];
      const x = tensor(batch.x, [w.batchSize, w.sizes[0]]); // [B, 2]
      opt.zeroGrad();
      const loss = binaryCrossEntropy(model.forward(x), batch.y); // logits [B, 1]
      loss.backward();
      opt.step();
      return loss.item();
    },
    dispose() {},
  };
}

/** Bench params as core parameter tensors (same [in, out] layout: these workloads use matmul, not Linear). */
function toParameters(params: Params): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, p] of Object.entries(params)) out[name] = asParameter(tensor(p.data, p.shape), name);
  return out;
}

/** zeroGrad → loss → backward → Adam step; returns the loss read right after the step (lifetime rule). */
function adamTrainer(
  params: Record<string, Tensor>,
  cfg: AdamConfig,
  lossOf: (i: number) => Tensor,
): Trainer {
  const opt = adam(Object.values(params), { lr: cfg.lr, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.eps });
  let i = 0;
  return {
    step() {
      opt.zeroGrad();
      const loss = lossOf(i++);
      loss.backward();
      opt.step();
      return loss.item();
    },
    dispose() {},
  };
}

// W2 with core ops (until src/core exports an LSTMCell): gates = x_t·Wx + h·Wh + b (i, f, g, o), per-step logits.
function trainerW2(w: W2Data): Trainer {
  const p = toParameters(w.params);
  const { vocab: V, hidden: H, seqLen: T, batchSize: B } = w;
  return adamTrainer(p, w.adam, (i) => {
    const batch = w.batches[i % w.batches.length];
    let h = zeros([B, H]);
    let c = zeros([B, H]);
    const logits: Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tensor(batch.inputOneHot.subarray(t * B * V, (t + 1) * B * V), [B, V]); // [B, V]
      const z = add(add(matmul(xt, p.wx), matmul(h, p.wh)), p.b); // [B, 4H]
      const [zi, zf, zg, zo] = split(z, 4, 1);
      c = add(mul(sigmoid(zf), c), mul(sigmoid(zi), tanh(zg))); // [B, H]
      h = mul(sigmoid(zo), tanh(c)); // [B, H]
      logits.push(add(matmul(h, p.wy), p.by)); // [B, V]
    }
    return crossEntropy(concat(logits, 0), batch.targetIds); // [T·B, V] vs [T·B]
  });
}

// W3 with core ops (until src/core exports the Transformer): the definition in W3Data (types.ts).
function trainerW3(w: W3Data): Trainer {
  const p = toParameters(w.params);
  const { dModel: d, heads, seqLen: L, batchSize: B } = w;
  const dk = d / heads;
  const posEnc = tensor(w.posEnc, [L, d]);
  const mask = tensor(w.causalMask, [L, L]);
  const linearXW = (x: Tensor, prefix: string, wName: string, bName: string) =>
    add(matmul(x, p[`${prefix}.${wName}`]), p[`${prefix}.${bName}`]);
  const layerNorm = (x: Tensor, prefix: string) => {
    const centred = sub(x, mean(x, -1, true)); // [N, d]
    const std = sqrt(addScalar(mean(mul(centred, centred), -1, true), w.lnEps)); // [N, 1]
    return add(mul(div(centred, std), p[`${prefix}.g`]), p[`${prefix}.b`]);
  };
  const splitHeads = (x: Tensor) => transpose(reshape(x, [B, L, heads, dk]), [0, 2, 1, 3]); // [B, h, L, dk]
  const attention = (xq: Tensor, xkv: Tensor, prefix: string, causal: boolean) => {
    const q = splitHeads(linearXW(xq, prefix, 'wq', 'bq'));
    const k = splitHeads(linearXW(xkv, prefix, 'wk', 'bk'));
    const v = splitHeads(linearXW(xkv, prefix, 'wv', 'bv'));
    let scores = scale(matmul(q, k, { transB: true }), 1 / Math.sqrt(dk)); // [B, h, L, L]
    if (causal) scores = add(scores, mask);
    const ctx = matmul(softmax(scores), v); // [B, h, L, dk]
    return linearXW(reshape(transpose(ctx, [0, 2, 1, 3]), [B * L, d]), prefix, 'wo', 'bo'); // [B·L, d]
  };
  const feedForward = (x: Tensor, prefix: string) =>
    linearXW(relu(linearXW(x, prefix, 'w1', 'b1')), prefix, 'w2', 'b2');
  const embed = (ids: Int32Array) =>
    reshape(add(reshape(scale(gather(p.embed, ids), Math.sqrt(d)), [B, L, d]), posEnc), [B * L, d]);

  return adamTrainer(p, w.adam, (i) => {
    const batch = w.batches[i % w.batches.length];
    let enc = embed(batch.srcIds);
    for (let l = 0; l < w.encLayers; l++) {
      enc = layerNorm(add(enc, attention(enc, enc, `enc${l}.attn`, false)), `enc${l}.ln1`);
      enc = layerNorm(add(enc, feedForward(enc, `enc${l}.ff`)), `enc${l}.ln2`);
    }
    let dec = embed(batch.decInIds);
    for (let l = 0; l < w.decLayers; l++) {
      dec = layerNorm(add(dec, attention(dec, dec, `dec${l}.self`, true)), `dec${l}.ln1`);
      dec = layerNorm(add(dec, attention(dec, enc, `dec${l}.cross`, false)), `dec${l}.ln2`);
      dec = layerNorm(add(dec, feedForward(dec, `dec${l}.ff`)), `dec${l}.ln3`);
    }
    const logits = add(matmul(dec, p.embed, { transB: true }), p.outBias); // tied: [B·L, V]
    return crossEntropy(logits, batch.targetIds);
  });
}

function createMatmul(c: MatmulCase): MatmulRunner {
  const a: Tensor = tensor(c.a, c.transA ? [c.batch, c.k, c.m] : [c.batch, c.m, c.k]);
  const b: Tensor = tensor(c.b, c.transB ? [c.batch, c.n, c.k] : [c.batch, c.k, c.n]);
  return {
    run: () => noGrad(() => matmul(a, b, { transA: c.transA, transB: c.transB }).data[0]),
    dispose() {},
  };
}
