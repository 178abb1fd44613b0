// Our training core (src/core), used the way the experiments use it: modules + loss + optimiser, one
// zeroGrad / forward / backward / step per batch, loss read with item().
import {
  LSTMCell,
  MLP,
  Seq2SeqTransformer,
  adam,
  binaryCrossEntropy,
  crossEntropy,
  kernelName,
  loadState,
  matmul,
  noGrad,
  sgd,
  tensor,
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
  Trainer,
  W1Data,
  W2Data,
  W3Data,
  WorkloadData,
} from '../types';

export async function createCoreEngine(): Promise<Engine> {
  return {
    name: 'core',
    description: `Gradient Lab src/core: MLP, LSTMCell, Seq2SeqTransformer modules; kernels: ${kernelName()}`,
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

/** zeroGrad → loss → backward → Adam step; returns the loss read right after the step (lifetime rule). */
function moduleTrainer(model: Module, cfg: AdamConfig, lossOf: (i: number) => Tensor): Trainer {
  const opt = adam(model.parameters(), { lr: cfg.lr, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.eps });
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

// W2 with the core's LSTMCell: W_x [4H, I], W_h [4H, H], b [4H] (gates i, f, g, o), W_hy [O, H], b_y [O].
function trainerW2(w: W2Data): Trainer {
  const { vocab: V, hidden: H, seqLen: T, batchSize: B } = w;
  const model = new LSTMCell({ inputSize: V, hiddenSize: H, outputSize: V }, 0);
  load(model, {
    W_x: transposed(w.params.wx),
    W_h: transposed(w.params.wh),
    b: w.params.b.data.slice(),
    W_hy: transposed(w.params.wy),
    b_y: w.params.by.data.slice(),
  });
  // The module takes xs [B, T, V] and returns outputs [B, T, V]: reorder the bench's [T, B] batches once, untimed.
  const batches = w.batches.map((batch) => {
    const xs = new Float32Array(B * T * V);
    const targets = new Int32Array(B * T);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        xs.set(batch.inputOneHot.subarray((t * B + b) * V, (t * B + b + 1) * V), (b * T + t) * V);
        targets[b * T + t] = batch.targetIds[t * B + b];
      }
    }
    return { xs, targets };
  });
  return moduleTrainer(model, w.adam, (i) => {
    const batch = batches[i % batches.length];
    const { outputs } = model.forward(tensor(batch.xs, [B, T, V])); // [B, T, V]
    return crossEntropy(outputs, batch.targets);
  });
}

/** Core Seq2SeqTransformer parameter name → the bench's canonical name (and whether to transpose [in,out]→[out,in]). */
function canonicalW3Name(coreName: string): { name: string; transpose: boolean } {
  if (coreName === 'srcEmbed.weight' || coreName === 'tgtEmbed.weight')
    return { name: 'embed', transpose: false };
  if (coreName === 'outBias') return { name: 'outBias', transpose: false };
  const m = /^(encoder|decoder)\.(\d+)\.(.+)$/.exec(coreName);
  if (!m) throw new Error(`core W3: unexpected parameter '${coreName}'`);
  const prefix = `${m[1] === 'encoder' ? 'enc' : 'dec'}${m[2]}`;
  const rest = m[3];
  const attn = /^(selfAttn|crossAttn)\.(q|k|v|out)\.(weight|bias)$/.exec(rest);
  if (attn) {
    const block = m[1] === 'encoder' ? 'attn' : attn[1] === 'selfAttn' ? 'self' : 'cross';
    const which = attn[2] === 'out' ? 'o' : attn[2];
    const isWeight = attn[3] === 'weight';
    return { name: `${prefix}.${block}.${isWeight ? 'w' : 'b'}${which}`, transpose: isWeight };
  }
  const ln = /^(ln\d)\.(gamma|beta)$/.exec(rest);
  if (ln) return { name: `${prefix}.${ln[1]}.${ln[2] === 'gamma' ? 'g' : 'b'}`, transpose: false };
  const ff = /^ffn\.fc(1|2)\.(weight|bias)$/.exec(rest);
  if (ff)
    return { name: `${prefix}.ff.${ff[2] === 'weight' ? 'w' : 'b'}${ff[1]}`, transpose: ff[2] === 'weight' };
  throw new Error(`core W3: unexpected parameter '${coreName}'`);
}

// W3 with the core's Seq2SeqTransformer (post-LN, one shared embedding, tied output with bias, no dropout).
function trainerW3(w: W3Data): Trainer {
  const { vocab: V, dModel: d, heads, dFF, seqLen: L, batchSize: B } = w;
  const model = new Seq2SeqTransformer(
    {
      srcVocab: V,
      tgtVocab: V,
      dModel: d,
      heads,
      ff: dFF,
      encoderLayers: w.encLayers,
      decoderLayers: w.decLayers,
      maxLen: L,
      dropout: 0,
      norm: 'post',
      tieOutput: true,
      shareEmbeddings: true,
    },
    0,
  );
  const state: StateDict = {};
  const used = new Set<string>();
  for (const [name] of model.namedParameters()) {
    const c = canonicalW3Name(name);
    const p = w.params[c.name];
    if (!p) throw new Error(`core W3: no bench parameter '${c.name}' for '${name}'`);
    state[name] = c.transpose ? transposed(p) : p.data.slice();
    used.add(c.name);
  }
  const unused = Object.keys(w.params).filter((n) => !used.has(n));
  if (unused.length) throw new Error(`core W3: the model has no place for ${unused.join(', ')}`);
  load(model, state);
  return moduleTrainer(model, w.adam, (i) => {
    const batch = w.batches[i % w.batches.length];
    const logits = model.forward(batch.srcIds, batch.decInIds, B, L, L); // [B, L, V]
    return crossEntropy(logits, batch.targetIds);
  });
}

function createMatmul(c: MatmulCase): MatmulRunner {
  const a: Tensor = tensor(c.a, c.transA ? [c.batch, c.k, c.m] : [c.batch, c.m, c.k]);
  const b: Tensor = tensor(c.b, c.transB ? [c.batch, c.n, c.k] : [c.batch, c.k, c.n]);
  return {
    run: () => noGrad(() => matmul(a, b, { transA: c.transA, transB: c.transB }).data),
    dispose() {},
  };
}
