/**
 * Gradient Lab's training core: tensors, reverse-mode autodiff, ops, modules, losses, optimisers, data.
 * Pure TypeScript — no DOM, no worker APIs — so it runs in the Web Worker and in Node (tests, benchmark).
 *
 * ## Train an MLP (W1 of the benchmark)
 *
 *   import { MLP, tensor, binaryCrossEntropy, sgd, BatchSampler, circle, gatherRows, noGrad, sigmoid } from '../core';
 *   const data = circle({ n: 500, noise: 0.05 }, seed);                         // x [500, 2], y [500] (0/1)
 *   const model = new MLP({ sizes: [2, 8, 8, 1], activation: 'tanh' }, seed);   // last layer: identity (logits)
 *   const opt = sgd(model.parameters(), { lr: 0.03 });                          // opt.lr may change any time
 *   const sampler = new BatchSampler(data.n, { mode: 'minibatch', batchSize: 10 }, seed);
 *   const { indices, epoch } = sampler.next();
 *   const x = tensor(gatherRows(data.x, 2, indices), [indices.length, 2]);     // [B, 2]
 *   const y = gatherRows(data.y, 1, indices);                                   // [B]
 *   opt.zeroGrad();
 *   const loss = binaryCrossEntropy(model.forward(x), y);                       // scalar; sigmoid is inside
 *   loss.backward();
 *   opt.step();
 *   loss.item();                                                                // read it now (see lifetime rule)
 *   const probs = noGrad(() => sigmoid(model.forward(grid)));                  // evaluation: never recorded
 *
 * ## Lifetime rule (why training allocates nothing)
 * Tensors made by recorded ops (inputs requiring grad, outside noGrad) borrow pooled buffers that are recycled at
 * the end of the backward() AFTER the one that consumed them. Read losses, outputs and captured values right after
 * the step; keep things with `t.detach()`, `t.toArray()`, `capture.snapshot()`, or compute them under noGrad().
 * Carry recurrent state across steps with `h.detach()`. Evaluation loops must run under noGrad().
 *
 * ## Introspection (zero cost when off)
 *   const cap = new Capture();
 *   model.setCapture(cap);           // every sub-module records under its path ('layers.0.a', 'encoder.0.attn.weights')
 *   cap.clear(); …forward…; loss.backward();
 *   const snap = cap.snapshot();     // { name: [{ shape, value, grad }] } copies, one entry per occurrence (time step)
 *   model.gradNorms();               // { 'layers.0.weight': ‖∂L/∂W‖, … } after backward
 *   model.setCapture(null);
 * What each module records is listed in its doc comment (MLP: layers.l.z / layers.l.a; RNN/LSTM: per-step hidden
 * states and gates; attention: weights per head).
 *
 * ## Ops and tests
 * Ops are free functions (add, mul, matmul, tanh, softmax, sum, gather, …); each file opens with its table of
 * backward rules. `checkGrad` (./testing) checks an op's forward and gradient against float64 finite differences.
 */

export {
  Tensor,
  tensor,
  scalar,
  zeros,
  ones,
  full,
  rand,
  randn,
  arange,
  oneHot,
  initTensor,
  asParameter,
  shapeSize,
} from './tensor';
export type { Shape, NestedArray, CreateOptions, InitKind } from './tensor';
export { Rng, toRng } from './random';
export type { SeedOrRng } from './random';
export { noGrad, isGradEnabled, backward, releaseGraph, tapeLength } from './autograd';
export { clearPool, pooledSize } from './pool';
export { kernels, setKernels, jsKernels } from './kernels';
export type { Kernels } from './kernels';

export * from './ops';
export * from './losses';
export * from './optim';
export * from './serialize';

export { Module, param } from './nn/module';
export { Capture, l2norm } from './nn/capture';
export type { CapturedValue } from './nn/capture';
export { Linear, MLP } from './nn/linear';
export type { LinearConfig, MLPConfig } from './nn/linear';

export * from './data/batching';
export * from './data/datasets2d';
export * from './data/functions1d';

// Phase 2: sequence models.
export { Embedding, LayerNorm, BatchNorm, Dropout } from './nn/layers';
export type { EmbeddingConfig } from './nn/layers';
export { RNNCell, LSTMCell } from './nn/rnn';
export type { RNNConfig, LSTMConfig, LSTMState, SequenceOutput } from './nn/rnn';
export { MultiHeadAttention } from './nn/attention';
export type { MultiHeadAttentionConfig } from './nn/attention';
export {
  FeedForward,
  TransformerEncoderLayer,
  TransformerDecoderLayer,
  Seq2SeqTransformer,
  greedyDecode,
} from './nn/transformer';
export type { TransformerLayerConfig, Seq2SeqConfig, GreedyOptions, NormPlacement } from './nn/transformer';
