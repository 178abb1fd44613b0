/**
 * Multi-head attention's core as ONE op, in the model's own layout:
 *
 *   q [B, Tq, d], k [B, Tk, d], v [B, Tk, d]  (d = h·d_k; head i is columns i·d_k … (i+1)·d_k − 1)
 *   S = Q_i·K_iᵀ per head,  W = softmax(mask(S / √d_k)),  O_i = W·V_i,  output [B, Tq, d] (heads side by side)
 *
 * It computes exactly what the composite `scaledDotProductAttention` computes on split heads (split = reshape +
 * transpose, merge = transpose + reshape), in the same order of float operations, so the results are bit-identical
 * (ops/attention.test.ts) — but it puts one node on the tape instead of eleven, copies the heads with tight loops
 * instead of generic index maps, and scales, masks and normalises the scores in one pass. On the benchmark's
 * Transformer (W3) the composite's transposes, reshapes and mask took about a tenth of a training step.
 *
 * Backward (G = dL/dO per head):  dW = G·Vᵀ,  dV = Wᵀ·G,  dS = W ⊙ (dW − rowsum(dW ⊙ W)) / √d_k  (zero where hidden),
 * dQ = dS·K,  dK = dSᵀ·Q.
 */
import { gradOf, record, tracks } from '../autograd';
import { acquire, release } from '../pool';
import { Tensor, outTensor } from '../tensor';
import { kernel } from '../kernels';
import { batchedGemm } from './matmul';

export interface FusedAttentionOptions {
  causal?: boolean;
  /** [B, Tk] row-major: 0 = hidden (padding), anything else = visible. */
  keyMask?: ArrayLike<number>;
}

export interface FusedAttentionResult {
  /** [B, Tq, d] */
  output: Tensor;
  /**
   * Attention weights [B, h, Tq, Tk], read-only: not on the tape (no gradient). Valid as long as `output` is (see
   * autograd.ts: until the end of the next backward).
   */
  weights: Tensor;
}

interface Dims {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  dk: number;
}

/** x [B, T, H·dk] → out [B, H, T, dk]: blocks of dk floats, through the kernels' copyBlocks. */
function splitHeads(x: Float32Array, out: Float32Array, B: number, T: number, H: number, dk: number): void {
  const d = H * dk;
  kernel('copyBlocks')({
    src: x,
    dst: out,
    counts: [B, T, H],
    srcStrides: [T * d, d, dk],
    dstStrides: [H * T * dk, dk, T * dk],
    len: dk,
    add: false,
  });
}

/**
 * x [B, T, H·dk] → heads [B, H, T, dk] (splitHeads) and their transposes [B, H, dk, T]. Products with a transposed
 * right-hand side (Q·Kᵀ, G·Vᵀ) then read Kᵀ and Vᵀ as plain row-major matrices: the kernels copy those as they are
 * instead of packing them column by column, which made those small products twice as slow as the others.
 */
function splitHeadsBoth(
  x: Float32Array,
  out: Float32Array,
  outT: Float32Array,
  B: number,
  T: number,
  H: number,
  dk: number,
): void {
  splitHeads(x, out, B, T, H, dk);
  const d = H * dk;
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const src = (b * T + t) * d;
      for (let h = 0; h < H; h++) {
        const dstT = (b * H + h) * dk * T + t;
        const s = src + h * dk;
        for (let j = 0; j < dk; j++) outT[dstT + j * T] = x[s + j];
      }
    }
  }
}

/** heads [B, H, T, dk] → x [B, T, H·dk], written (add = false) or added (add = true), through copyBlocks. */
function mergeHeads(
  heads: Float32Array,
  x: Float32Array,
  B: number,
  T: number,
  H: number,
  dk: number,
  add: boolean,
): void {
  const d = H * dk;
  kernel('copyBlocks')({
    src: heads,
    dst: x,
    counts: [B, T, H],
    srcStrides: [H * T * dk, dk, T * dk],
    dstStrides: [T * d, d, dk],
    len: dk,
    add,
  });
}

/**
 * In place over scores [B·H, Tq, Tk]: w = softmax(s·scale) over visible keys, 0 where hidden (causal: key j is
 * hidden from query i when j > i + Tk − Tq; keyMask: padded keys). Same float operations as maskedScale + softmax.
 */
function maskedSoftmaxInPlace(
  w: Float32Array,
  dims: Dims,
  scale: number,
  causal: boolean,
  km: ArrayLike<number> | null,
): void {
  const { B, H, Tq, Tk } = dims;
  const shift = Tk - Tq;
  for (let m = 0; m < B * H; m++) {
    const maskRow = km === null ? -1 : Math.floor(m / H) * Tk;
    for (let i = 0; i < Tq; i++) {
      const off = (m * Tq + i) * Tk;
      const last = causal ? Math.min(Tk, i + shift + 1) : Tk; // keys ≥ last are in the future
      if (km === null) softmaxRowPrefix(w, off, Tk, last, scale);
      else softmaxRowMasked(w, off, Tk, last, scale, km, maskRow);
    }
  }
}

/**
 * One row w[off … off + Tk) with keys 0 … last − 1 visible (no padding mask): the loops run over the visible keys
 * only, and the hidden ones become 0 directly. The same bits as softmaxRowMasked: e^(−∞) = 0 and adding 0 to the
 * sum changes nothing; the hidden zeros are still multiplied by 1/sum, so a NaN sum spreads as it did.
 */
function softmaxRowPrefix(w: Float32Array, off: number, Tk: number, last: number, scale: number): void {
  let mx = -Infinity;
  for (let j = 0; j < last; j++) {
    const v = Math.fround(w[off + j] * scale); // rounded as the composite stores it
    w[off + j] = v;
    if (v > mx) mx = v;
  }
  if (mx === -Infinity) mx = 0; // every key hidden (or −∞): those become zeros below
  let sum = 0;
  for (let j = 0; j < last; j++) {
    const e = Math.exp(w[off + j] - mx);
    w[off + j] = e;
    sum += e;
  }
  for (let j = last; j < Tk; j++) w[off + j] = 0;
  divideRow(w, off, Tk, sum);
}

/** w[off … off + Tk) ÷ sum (as a product with 1/sum, the composite softmax's order); all zeros when sum is 0. */
function divideRow(w: Float32Array, off: number, Tk: number, sum: number): void {
  const inv = sum > 0 ? 1 / sum : 0;
  for (let j = 0; j < Tk; j++) w[off + j] *= inv;
}

/** One row as softmaxRowPrefix, with padded keys (km[maskRow + j] = 0) hidden too. */
function softmaxRowMasked(
  w: Float32Array,
  off: number,
  Tk: number,
  last: number,
  scale: number,
  km: ArrayLike<number>,
  maskRow: number,
): void {
  let mx = -Infinity;
  for (let j = 0; j < Tk; j++) {
    const visible = j < last && km[maskRow + j] !== 0;
    const v = visible ? Math.fround(w[off + j] * scale) : -Infinity; // rounded as the composite stores it
    w[off + j] = v;
    if (v > mx) mx = v;
  }
  if (mx === -Infinity) mx = 0; // every key hidden: the row becomes all zeros below
  let sum = 0;
  for (let j = 0; j < Tk; j++) {
    const s = w[off + j];
    // e^(−∞) = 0 exactly: hidden keys skip the exponential.
    const e = s === -Infinity ? 0 : Math.exp(s - mx);
    w[off + j] = e;
    sum += e;
  }
  divideRow(w, off, Tk, sum);
}

/** dS = W ⊙ (dW − rowsum(dW ⊙ W)) · scale, in place over dW [B·H, Tq, Tk]. Hidden keys have W = 0, so dS = 0. */
function softmaxBackwardInPlace(
  dw: Float32Array,
  w: Float32Array,
  rows: number,
  Tk: number,
  scale: number,
): void {
  for (let r = 0; r < rows; r++) {
    const off = r * Tk;
    let dot = 0;
    for (let j = 0; j < Tk; j++) dot += dw[off + j] * w[off + j];
    // Rounded to float32 between the two factors, as the composite's softmax and maskedScale backwards store it.
    for (let j = 0; j < Tk; j++) dw[off + j] = Math.fround(w[off + j] * (dw[off + j] - dot)) * scale;
  }
}

/** The forward's scratch, by part (see multiHeadAttentionCore). */
function scratchParts(scratch: Float32Array, { B, H, Tq, Tk, dk }: Dims) {
  const nq = B * H * Tq * dk;
  const nk = B * H * Tk * dk;
  const nw = B * H * Tq * Tk;
  const at = [nq, nk, nk, nw, nq, nk, nk].reduce((offs, n) => [...offs, offs[offs.length - 1] + n], [0]);
  const part = (i: number) => scratch.subarray(at[i], at[i + 1]);
  return { qh: part(0), kh: part(1), vh: part(2), w: part(3), oh: part(4), khT: part(5), vhT: part(6) };
}

function checkShapes(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  heads: number,
  keyMask: ArrayLike<number> | undefined,
): Dims {
  if (q.ndim !== 3 || k.ndim !== 3 || v.ndim !== 3)
    throw new Error('multiHeadAttentionCore: q, k and v must be [B, T, d]');
  const [B, Tq, d] = q.shape;
  const Tk = k.shape[1];
  if (k.shape[0] !== B || v.shape[0] !== B || k.shape[2] !== d || v.shape[2] !== d || v.shape[1] !== Tk)
    throw new Error(
      `multiHeadAttentionCore: shapes do not fit: q [${q.shape.join(', ')}], k [${k.shape.join(', ')}], v [${v.shape.join(', ')}]`,
    );
  if (!(Number.isInteger(heads) && heads > 0 && d % heads === 0))
    throw new Error(`multiHeadAttentionCore: ${heads} heads do not divide ${d}`);
  if (keyMask !== undefined && keyMask.length !== B * Tk)
    throw new Error(
      `multiHeadAttentionCore: key mask of ${keyMask.length} values does not fit [${B}, ${Tk}]`,
    );
  return { B, H: heads, Tq, Tk, dk: d / heads };
}

/** Multi-head scaled dot-product attention in [B, T, d] layout; see the file comment. */
export function multiHeadAttentionCore(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  heads: number,
  options: FusedAttentionOptions = {},
): FusedAttentionResult {
  const dims = checkShapes(q, k, v, heads, options.keyMask);
  const { B, H, Tq, Tk, dk } = dims;
  const BH = B * H;
  const nq = BH * Tq * dk;
  const nk = BH * Tk * dk;
  const nw = BH * Tq * Tk;
  const scale = 1 / Math.sqrt(dk);
  const tracked = tracks(q, k, v);
  // One scratch buffer: split heads Qh [BH, Tq, dk] | Kh [BH, Tk, dk] | Vh [BH, Tk, dk] | W [BH, Tq, Tk] |
  // Oh [BH, Tq, dk] | Khᵀ [BH, dk, Tk] | Vhᵀ [BH, dk, Tk]. Recorded, it rides on the output as aux (recycled with it)
  // and the backward reads Qh, Kh, Vhᵀ and W from it.
  const size = 2 * nq + 4 * nk + nw;
  const scratch = tracked ? acquire(size) : new Float32Array(size);
  const { qh, kh, vh, w, oh, khT, vhT } = scratchParts(scratch, dims);
  splitHeads(q.data, qh, B, Tq, H, dk);
  splitHeadsBoth(k.data, kh, khT, B, Tk, H, dk);
  splitHeadsBoth(v.data, vh, vhT, B, Tk, H, dk);
  batchedGemm(BH, false, false, Tq, Tk, dk, qh, Tq * dk, khT, dk * Tk, w, Tq * Tk, false); // S [BH, Tq, Tk]
  maskedSoftmaxInPlace(w, dims, scale, options.causal ?? false, options.keyMask ?? null);
  batchedGemm(BH, false, false, Tq, dk, Tk, w, Tq * Tk, vh, Tk * dk, oh, Tq * dk, false); // O [BH, Tq, dk]
  const out = outTensor(q.shape, tracked);
  mergeHeads(oh, out.data, B, Tq, H, dk, false);
  const weights = new Tensor(w, [B, H, Tq, Tk]);
  if (tracked) {
    out.aux = scratch;
    record(out, 'multiHeadAttention', [q, k, v], () => attentionBackward(out.grad!, q, k, v, scratch, dims));
  }
  return { output: out, weights };
}

function attentionBackward(
  g: Float32Array,
  q: Tensor,
  k: Tensor,
  v: Tensor,
  scratch: Float32Array,
  dims: Dims,
): void {
  const { B, H, Tq, Tk, dk } = dims;
  const BH = B * H;
  const nq = BH * Tq * dk;
  const nw = BH * Tq * Tk;
  const { qh, kh, w, vhT } = scratchParts(scratch, dims);
  // Temporaries: G split into heads [BH, Tq, dk] | dW → dS [BH, Tq, Tk] | one head-gradient [BH, max(Tq, Tk), dk].
  const nh = BH * Math.max(Tq, Tk) * dk;
  const tmp = acquire(nq + nw + nh);
  const gh = tmp.subarray(0, nq);
  const ds = tmp.subarray(nq, nq + nw);
  const dh = tmp.subarray(nq + nw);
  splitHeads(g, gh, B, Tq, H, dk);
  batchedGemm(BH, false, false, Tq, Tk, dk, gh, Tq * dk, vhT, dk * Tk, ds, Tq * Tk, false); // dW = G·Vᵀ
  const gv = gradOf(v);
  if (gv) {
    batchedGemm(BH, true, false, Tk, dk, Tq, w, Tq * Tk, gh, Tq * dk, dh, Tk * dk, false); // dV = Wᵀ·G
    mergeHeads(dh, gv, B, Tk, H, dk, true);
  }
  softmaxBackwardInPlace(ds, w, BH * Tq, Tk, 1 / Math.sqrt(dk)); // dS
  const gq = gradOf(q);
  if (gq) {
    batchedGemm(BH, false, false, Tq, dk, Tk, ds, Tq * Tk, kh, Tk * dk, dh, Tq * dk, false); // dQ = dS·K
    mergeHeads(dh, gq, B, Tq, H, dk, true);
  }
  const gk = gradOf(k);
  if (gk) {
    batchedGemm(BH, true, false, Tk, dk, Tq, ds, Tq * Tk, qh, Tq * dk, dh, Tk * dk, false); // dK = dSᵀ·Q
    mergeHeads(dh, gk, B, Tk, H, dk, true);
  }
  release(tmp);
}
