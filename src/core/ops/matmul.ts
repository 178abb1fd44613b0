/**
 * Matrix products, batched over leading dimensions. All heavy lifting goes through kernels.gemm, which reads
 * transposed operands in place (no transpose is materialised — backprop needs Aᵀ and Bᵀ all the time).
 *
 *   op       forward                      backward (g = dL/dC)
 *   matmul   C = A·B                      dA += g·Bᵀ        dB += Aᵀ·g
 *            C = A·Bᵀ (transB)            dA += g·B         dB += gᵀ·A
 *            C = Aᵀ·B (transA)            dA += B·gᵀ        dB += A·g
 *   linear   Y = X·Wᵀ + b  (W [out,in])   dX += g·W         dW += gᵀ·X     db += Σ_rows g
 */
import { gradOf, record, tracks } from '../autograd';
import { kernel, kernels } from '../kernels';
import { outTensor, shapeSize, type Tensor } from '../tensor';

export interface MatmulOptions {
  /** Use Aᵀ: a's last two dims are [K, M]. */
  transA?: boolean;
  /** Use Bᵀ: b's last two dims are [N, K]. */
  transB?: boolean;
}

/**
 * C = op(A)·op(B) over the last two dims. Leading (batch) dims must match, or one operand is 2-D and is shared by
 * every batch (e.g. [B, T, d] · [d, d] → [B, T, d]).
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const transA = options.transA ?? false;
  const transB = options.transB ?? false;
  if (a.ndim < 2 || b.ndim < 2) throw new Error('matmul: operands must be at least 2-D');
  const aR = a.shape[a.ndim - 2];
  const aC = a.shape[a.ndim - 1];
  const bR = b.shape[b.ndim - 2];
  const bC = b.shape[b.ndim - 1];
  let M = transA ? aC : aR;
  const K = transA ? aR : aC;
  const Kb = transB ? bC : bR;
  const N = transB ? bR : bC;
  if (K !== Kb) {
    throw new Error(
      `matmul: inner dimensions differ: [${a.shape.join(', ')}]${transA ? 'ᵀ' : ''} · [${b.shape.join(', ')}]${transB ? 'ᵀ' : ''}`,
    );
  }
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  let batchShape: number[];
  if (aBatch.length > 0 && bBatch.length > 0) {
    if (aBatch.length !== bBatch.length || aBatch.some((d, i) => d !== bBatch[i])) {
      throw new Error(`matmul: batch dims differ: [${a.shape.join(', ')}] · [${b.shape.join(', ')}]`);
    }
    batchShape = aBatch;
  } else batchShape = aBatch.length > 0 ? aBatch : bBatch;
  let batches = shapeSize(batchShape);
  const outShape = [...batchShape, M, N];
  let aStride = aBatch.length > 0 ? aR * aC : 0;
  const bStride = bBatch.length > 0 ? bR * bC : 0;
  // A batched, untransposed A times a shared B is one big product: fold the batch into M.
  if (aStride > 0 && bStride === 0 && !transA) {
    M *= batches;
    batches = 1;
    aStride = 0;
  }
  const mn = M * N;
  const tracked = tracks(a, b);
  const out = outTensor(outShape, tracked);
  batchedGemm(batches, transA, transB, M, N, K, a.data, aStride, b.data, bStride, out.data, mn, false);
  if (tracked) {
    record(out, 'matmul', [a, b], () => {
      const g = out.grad!; // [..., M, N]
      const ga = gradOf(a);
      const gb = gradOf(b);
      // dA (in A's layout):  A·B → g·Bᵀ   A·Bᵀ → g·B   Aᵀ·B → B·gᵀ   Aᵀ·Bᵀ → Bᵀ·gᵀ
      if (ga && !transA)
        batchedGemm(batches, false, !transB, M, K, N, g, mn, b.data, bStride, ga, aStride, true);
      if (ga && transA)
        batchedGemm(batches, transB, true, K, M, N, b.data, bStride, g, mn, ga, aStride, true);
      // dB (in B's layout):  A·B → Aᵀ·g   A·Bᵀ → gᵀ·A   Aᵀ·B → A·g    Aᵀ·Bᵀ → gᵀ·Aᵀ
      if (gb && !transB)
        batchedGemm(batches, !transA, false, K, N, M, a.data, aStride, g, mn, gb, bStride, true);
      if (gb && transB)
        batchedGemm(batches, true, transA, N, K, M, g, mn, a.data, aStride, gb, bStride, true);
    });
  }
  return out;
}

/**
 * `batches` products with per-operand strides (0 = shared operand). Uses the kernel's batched entry point when every
 * stride is the dense one, else loops over gemm.
 */
export function batchedGemm(
  batches: number,
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  aStride: number,
  B: Float32Array,
  bStride: number,
  C: Float32Array,
  cStride: number,
  accumulate: boolean,
): void {
  const k = kernels;
  if (
    batches > 1 &&
    k.gemmBatched !== undefined &&
    aStride === M * K &&
    bStride === K * N &&
    cStride === M * N
  ) {
    k.gemmBatched(batches, transA, transB, M, N, K, A, 0, B, 0, C, 0, accumulate);
    return;
  }
  for (let t = 0; t < batches; t++) {
    k.gemm(transA, transB, M, N, K, A, t * aStride, B, t * bStride, C, t * cStride, accumulate);
  }
}

/**
 * Fused affine map Y = X·Wᵀ + b. X [..., in], W [out, in] (PyTorch layout: row i holds the weights into output
 * neuron i, the lesson's θᵢⱼ), b [out] or omitted → Y [..., out]. One op, one buffer: cheaper than matmul + add.
 */
export function linear(x: Tensor, w: Tensor, b?: Tensor | null): Tensor {
  const nIn = w.shape[1];
  const nOut = w.shape[0];
  if (w.ndim !== 2 || x.shape[x.ndim - 1] !== nIn) {
    throw new Error(`linear: input [${x.shape.join(', ')}] does not fit weight [${w.shape.join(', ')}]`);
  }
  if (b && (b.ndim !== 1 || b.shape[0] !== nOut)) throw new Error(`linear: bias must be [${nOut}]`);
  const rows = nIn === 0 ? 0 : x.size / nIn;
  const bias = b ?? null;
  const tracked = bias === null ? tracks(x, w) : tracks(x, w, bias);
  const out = outTensor([...x.shape.slice(0, -1), nOut], tracked);
  const y = out.data;
  kernels.gemm(false, true, rows, nOut, nIn, x.data, 0, w.data, 0, y, 0, false); // [rows, out]
  if (bias !== null) kernel('addRowVector')(y, rows, nOut, bias.data);
  if (tracked) {
    record(out, 'linear', bias === null ? [x, w] : [x, w, bias], () => {
      const g = out.grad!; // [rows, out]
      const gx = gradOf(x);
      const gw = gradOf(w);
      if (gx) kernels.gemm(false, false, rows, nIn, nOut, g, 0, w.data, 0, gx, 0, true); // [rows, in]
      if (gw) kernels.gemm(true, false, nOut, nIn, rows, g, 0, x.data, 0, gw, 0, true); // [out, in]
      const gb = bias === null ? null : gradOf(bias);
      if (gb) kernel('addColumnSums')(g, rows, nOut, gb);
    });
  }
  return out;
}
