/**
 * The raw-loop interface. Ops call only these functions for their heavy lifting, so a faster backend
 * (WASM SIMD, threads) can replace the JS loops without touching ops or modules: `setKernels(myKernels)`.
 *
 * Layout: dense row-major Float32Array, addressed by an offset.
 */
export interface Kernels {
  /** Short label for reports (e.g. 'wasm-simd'). */
  name?: string;
  /**
   * Optional: how many calls took each internal path (e.g. { plain, packed } or { plain, wasm, swapped, batched }).
   * One integer increment per call, so the hot path pays nothing measurable; tests read it to assert which kernel
   * path a product really ran on.
   */
  readonly calls?: Readonly<Record<string, number>>;
  /**
   * General matrix multiply: C[M,N] = op(A) · op(B)  (or C += … when `accumulate`).
   * op(A) is A [M,K] or, with `transA`, Aᵀ where A is stored [K,M]; likewise op(B) is B [K,N] or Bᵀ with B stored [N,K].
   * No transpose is ever materialised.
   */
  gemm(...call: GemmCall): void;

  /**
   * Optional: `batches` independent products of the same shape, operand t at xOff + t·xStride (dense strides:
   * aStride = M·K, bStride = K·N, cStride = M·N). Lets a backend move all batches in one go (attention heads).
   * Callers fall back to a loop over gemm when it is missing.
   */
  gemmBatched?(batches: number, ...call: GemmCall): void;

  /**
   * Optional: C[r, j] += b[j] for every row r of the dense C [rows, n] (a linear layer's bias). Must give the bits of
   * the plain loop (float32 adds in this order), so the bias path never changes a trajectory.
   */
  addRowVector?(C: Float32Array, rows: number, n: number, b: Float32Array): void;

  /** Optional: s[j] += G[r, j] for r = 0 … rows − 1 in order (a bias gradient); bit-identical to the plain loop. */
  addColumnSums?(G: Float32Array, rows: number, n: number, s: Float32Array): void;

  /**
   * Optional: o[i] = a[i] > 0 ? a[i] : +0 (NaN → +0) for i < n; o may be a. Must give the plain loop's bits.
   */
  relu?(a: Float32Array, o: Float32Array, n: number): void;

  /** Optional: gx[i] += a[i] > 0 ? g[i] : 0 for i < n (ReLU's backward); the plain loop's bits, NaN and ±∞ too. */
  reluBackward?(a: Float32Array, g: Float32Array, gx: Float32Array, n: number): void;

  /**
   * Optional: Adam's update of n parameters in place (w, and the moments m and v), with the gradient g: see
   * AdamStep and core/optim.ts. Must give the plain loop's bits (jsKernels.adam).
   */
  adam?(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, n: number, h: AdamStep): void;

  /** Optional: LayerNorm's last backward pass (LayerNormDz); must give the plain loop's bits (jsKernels). */
  layerNormDz?(p: LayerNormDz): void;

  /** Optional: a strided block copy or add (BlockCopy); must give the plain loop's bits (jsKernels). */
  copyBlocks?(p: BlockCopy): void;
}

/**
 * One product's operands, in the order every GEMM entry point takes them: C[M,N] (+)= op(A)·op(B), each matrix read
 * (or written) from its offset; C is overwritten, or added to when `accumulate`. Declared once so the JS loops, the
 * WebAssembly path and the tests spell the eleven-argument list the same way.
 */
export type GemmOperands = [
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  aOff: number,
  B: Float32Array,
  bOff: number,
  C: Float32Array,
  cOff: number,
  accumulate: boolean,
];

/** A GEMM call: the two transpose flags, then the operands (Kernels.gemm). */
export type GemmCall = [transA: boolean, transB: boolean, ...operands: GemmOperands];

/**
 * Blocks of `len` floats between two layouts with three nested counts (attention heads: batch, time, head): for
 * i0 < counts[0], i1 < counts[1], i2 < counts[2], the block at Σ iₖ·srcStrides[k] in `src` is written (or, with
 * `add`, added in float32) at Σ iₖ·dstStrides[k] in `dst`. Strides in floats; blocks must not overlap.
 */
export interface BlockCopy {
  src: Float32Array;
  dst: Float32Array;
  counts: readonly [number, number, number];
  srcStrides: readonly [number, number, number];
  dstStrides: readonly [number, number, number];
  len: number;
  add: boolean;
}

/**
 * LayerNorm's last backward pass, once every row's means are known (ops/layerNorm.ts): for each row r and column j,
 * dz = r_r·((g·γⱼ − m₁) − x̂·m₂), added into g0 (and g1), rounded to float32 first when `roundDz`.
 */
export interface LayerNormDz {
  /** dL/dy [rows, D]. */
  g: Float32Array;
  /** x̂ [rows, D], then r = 1/√(σ²+ε) [rows]. */
  xhat: Float32Array;
  /** γ [D]. */
  gamma: Float32Array;
  /** Per row, mean(ĝ) then mean(ĝ·x̂) [rows, 2]. */
  means: Float64Array;
  g0: Float32Array;
  g1: Float32Array | null;
  rows: number;
  D: number;
  roundDz: boolean;
}

/** The numbers of one Adam step: β₁, β₂, learning rate α, ε and the bias corrections c = 1/(1 − βᵗ). */
export interface AdamStep {
  beta1: number;
  beta2: number;
  lr: number;
  eps: number;
  c1: number;
  c2: number;
}
