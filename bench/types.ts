// The one small interface between the harness and each engine. A workload is plain data (shapes, seeded initial
// weights, pre-generated batches); an engine turns it into a Trainer whose step() trains on the next batch and
// returns that step's loss as a JS number (read every step, as the live UI must).

export type EngineName = 'core' | 'tfjs-cpu' | 'tfjs-wasm' | 'jax-js';
export type WorkloadId = 'W1' | 'W2' | 'W3';

/** One named parameter: a row-major float32 buffer and its shape. */
export interface Param {
  shape: number[];
  data: Float32Array;
}
export type Params = Record<string, Param>;

export interface AdamConfig {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** W1 playground MLP: 2→8→8→1, tanh hidden, sigmoid output + BCE (from logits), SGD. */
export interface W1Data {
  id: 'W1';
  sizes: number[]; // [2, 8, 8, 1]
  lr: number;
  batchSize: number;
  /** Params `w0,b0,w1,b1,w2,b2`; w_l is [in, out] (x·W convention), b_l is [out]. */
  params: Params;
  batches: { x: Float32Array /* [B, 2] */; y: Float32Array /* [B, 1], 0 or 1 */ }[];
}

/** W2 char-LSTM: one-hot input, fused gates in order (i, f, g, o), softmax CE at every step, Adam. */
export interface W2Data {
  id: 'W2';
  vocab: number;
  hidden: number;
  seqLen: number;
  batchSize: number;
  adam: AdamConfig;
  /** Params `wx` [V, 4H], `wh` [H, 4H], `b` [4H], `wy` [H, V], `by` [V]. h0 = c0 = 0. */
  params: Params;
  batches: {
    /** inputs[t] is the one-hot input at time t, [B, V]; stored as one [T, B, V] buffer. */
    inputOneHot: Float32Array;
    inputIds: Int32Array; // [T, B]
    targetIds: Int32Array; // [T, B] (next character)
    targetOneHot: Float32Array; // [T, B, V]
  }[];
}

/**
 * W3 encoder–decoder Transformer (post-LN, Vaswani et al. 2017), no dropout. Embedding shared by encoder input,
 * decoder input and (tied) output projection: x = E[tok]·√d + PE; logits = h·Eᵀ + outBias. Attention scores QKᵀ/√d_k,
 * causal mask in decoder self-attention (additive −1e9). LayerNorm eps 1e-5 (biased variance). FF: relu.
 */
export interface W3Data {
  id: 'W3';
  vocab: number;
  dModel: number;
  heads: number;
  dFF: number;
  encLayers: number;
  decLayers: number;
  seqLen: number;
  batchSize: number;
  lnEps: number;
  adam: AdamConfig;
  /**
   * Params: `embed` [V, d], `outBias` [V]; per encoder layer l: `enc{l}.attn.{wq,wk,wv,wo}` [d, d] and `.{bq,bk,bv,bo}` [d],
   * `enc{l}.ln1.{g,b}`, `enc{l}.ff.{w1 [d,ff], b1, w2 [ff,d], b2}`, `enc{l}.ln2.{g,b}`; per decoder layer:
   * `dec{l}.self.*`, `dec{l}.ln1.*`, `dec{l}.cross.*`, `dec{l}.ln2.*`, `dec{l}.ff.*`, `dec{l}.ln3.*`.
   */
  params: Params;
  /** Sinusoidal positional encoding [L, d], identical for every engine. */
  posEnc: Float32Array;
  /** Additive causal mask [L, L]: 0 on/below the diagonal, −1e9 above. */
  causalMask: Float32Array;
  batches: {
    srcIds: Int32Array; // [B, L]
    decInIds: Int32Array; // [B, L]: BOS (0) then the target shifted right
    targetIds: Int32Array; // [B, L]: the source reversed
    srcOneHot: Float32Array; // [B·L, V]
    decInOneHot: Float32Array; // [B·L, V]
    targetOneHot: Float32Array; // [B·L, V]
  }[];
}

export type WorkloadData = W1Data | W2Data | W3Data;

/** A matmul on W3's shapes: C[batch, m, n] = op(A)·op(B); A is [batch, k, m] if transA else [batch, m, k]. */
export interface MatmulCase {
  name: string;
  batch: number;
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
  a: Float32Array;
  b: Float32Array;
}

export interface Trainer {
  /** Trains on the next batch (batches cycle) and returns this step's loss, read back to JS. */
  step(): number;
  /**
   * For trainers whose step() returns NaN where it does not read the loss (see chapterModels.ts): the loss of the last
   * step. It may cost an evaluation, so timeTrainer reads it once, after the timed rounds.
   */
  lastLoss?(): number;
  dispose(): void;
}

export interface MatmulRunner {
  /** Computes the product once and reads the whole result back (row-major C) — compared across engines once. */
  run(): Float32Array;
  dispose(): void;
}

export interface Engine {
  readonly name: EngineName;
  /** Free-form: backend, threads, SIMD — printed with the results. */
  readonly description: string;
  /** Called before each of this engine's rounds (tfjs switches its global backend here). */
  activate(): Promise<void>;
  createTrainer(workload: WorkloadData): Trainer;
  createMatmul(c: MatmulCase): MatmulRunner;
}

/** Thrown by an engine that does not (yet) implement a workload; the harness reports it as missing. */
export class NotAvailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAvailableError';
  }
}
