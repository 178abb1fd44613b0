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
 * ## Sequence models
 *
 *   // RNN / LSTM over one-hot characters: xs [B, T, V] → outputs [B, T, V] (logits of the next character)
 *   const lstm = new LSTMCell({ inputSize: V, hiddenSize: 128 }, seed);       // outputSize defaults to inputSize
 *   const { outputs, h, c } = lstm.forward(xs, state);                          // state: { h, c } or undefined (zeros)
 *   const loss = crossEntropy(outputs, nextIds);                                // [B·T] targets
 *   state = { h: h.detach(), c: c!.detach() };                                  // carry into the next chunk
 *   // RNNCell is the same with the lesson's hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ), yₜ = W_hy hₜ (no biases by default).
 *
 *   // Encoder–decoder Transformer (post-LN by default; ids are flat row-major Int32Arrays)
 *   const model = new Seq2SeqTransformer(
 *     { srcVocab: 16, tgtVocab: 16, dModel: 64, heads: 4, ff: 256, encoderLayers: 2, decoderLayers: 2,
 *       maxLen: 16, norm: 'post', tieOutput: true, shareEmbeddings: true, padId: PAD }, seed); // padId optional
 *   const logits = model.forward(srcIds, tgtInIds, B, Ts, Tt);                  // [B, Tt, V], teacher forcing
 *   const loss = crossEntropy(logits, tgtOutIds);                               // optionally { ignoreIndex: PAD }
 *   const ids = greedyDecode(model, srcIds, B, Ts, { bos: BOS, maxLen: Tt, eos }); // Int32Array [B, maxLen]
 *   // Building blocks: MultiHeadAttention (lastWeights), TransformerEncoderLayer / DecoderLayer, LayerNorm,
 *   // positionalEncoding(T, d), scaledDotProductAttention(q, k, v, { causal }).
 *
 * ## Text (embeddings, RNN, LSTM chapters)
 *   const vocab = Vocab.fromTokens(wordTokens(text));     // itos / stoi, '<unk>' first; or [...text] for characters
 *   const ids = vocab.encode(wordTokens(text));            // Int32Array
 *   const { inputs, targets } = sampleWindows(ids, T, B, rng);  const xs = oneHotSequence(inputs, [B, T], vocab.size);
 *   const glove = parseGlove(fileText, { maxWords: 50_000 }); // or new GloveParser() + push(chunk) + finish()
 *   sampleLogits(logitsRow, rng, temperature);             // generation; temperature 0 = greedy
 *
 * ## Lifetime rule (why training allocates nothing)
 * Tensors made by recorded ops (inputs requiring grad, outside noGrad) borrow pooled buffers that are recycled at
 * the end of the backward() AFTER the one that consumed them. Read losses, outputs and captured values right after
 * the step; keep things with `t.detach()`, `t.toArray()`, `capture.snapshot()`, or compute them under noGrad().
 * Carry recurrent state across steps with `h.detach()`. Evaluation loops must run under noGrad().
 *
 * ## Introspection (zero cost when off)
 *   const cap = new Capture();
 *   model.setCapture(cap);           // every sub-module records under its path ('layers.0.a', 'encoder.0.selfAttn.weights')
 *   cap.clear(); …forward…; loss.backward();
 *   const snap = cap.snapshot();     // { name: [{ shape, value, grad }] } copies, one entry per occurrence (time step)
 *   model.gradNorms();               // { 'layers.0.weight': ‖∂L/∂W‖, … } after backward
 *   model.setCapture(null);
 * What each module records is listed in its doc comment:
 *   MLP            'layers.<l>.z', 'layers.<l>.a'                        [B, width]
 *   RNNCell        'h', 'y' — one entry per time step                    [B, H], [B, O]
 *   LSTMCell       'i', 'f', 'g', 'o', 'c', 'h', 'y' — per time step     [B, H]
 *   MultiHeadAttn  'weights' (per head)                                  [B, heads, Tq, Tk]
 *   Seq2Seq        'encoder.<l>.selfAttn.weights', 'decoder.<l>.selfAttn.weights', 'decoder.<l>.crossAttn.weights',
 *                  'encoder.<l>.out', 'decoder.<l>.out', 'memory', 'decoderOut'
 * `cap.filter = (name) => name.endsWith('weights')` keeps only what a figure needs.
 *
 * ## Snapshots, kernels
 *   const snapshot = getState(model);  loadState(model, snapshot);   // { path: Float32Array }, all-or-nothing check
 *   kernelName();                                                    // 'wasm-simd' (default) or 'js-packed'
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
export type { RngState, SeedOrRng } from './random';
export { noGrad, isGradEnabled, backward, releaseGraph, tapeLength } from './autograd';
export { clearPool, pooledSize } from './pool';
export { kernels, setKernels, jsKernels, packedKernels, createWasmKernels, kernelName } from './kernels';
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
export * from './sampling';
export * as scalarMath from './scalar';
export * from './data/text';
export * from './data/glove';
export * from './data/bpe';
