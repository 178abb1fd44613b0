/**
 * An MLP's weights as one flat float64 vector, and its loss evaluated on such a vector without the autodiff tape:
 * the loss-landscape slice (landscape.ts) evaluates 1,681 full-dataset losses per refresh, so every point must be a
 * tight loop over typed arrays with no allocation.
 */
import type { Dataset2D } from '../../core/data/datasets2d';
import type { MLP } from '../../core/nn/linear';

/** Flat layout of an MLP's parameters: per layer, W [out, in] row-major, then b [out]. */
export interface FlatLayout {
  sizes: readonly number[];
  /** Offset of each layer's W and b in the flat vector. */
  wOffset: number[];
  bOffset: number[];
  total: number;
}

export function flatLayout(sizes: readonly number[]): FlatLayout {
  const wOffset: number[] = [];
  const bOffset: number[] = [];
  let o = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    wOffset.push(o);
    o += sizes[l] * sizes[l + 1];
    bOffset.push(o);
    o += sizes[l + 1];
  }
  return { sizes, wOffset, bOffset, total: o };
}

/** Copies the MLP's weights into a flat float64 vector (layout above). */
export function flatten(model: MLP, layout: FlatLayout, out = new Float64Array(layout.total)): Float64Array {
  model.layers.forEach((layer, l) => {
    out.set(layer.weight.data, layout.wOffset[l]);
    if (layer.bias) out.set(layer.bias.data, layout.bOffset[l]);
  });
  return out;
}

/**
 * tanh through one exp: V8's Math.tanh costs several times more than Math.exp, and the slice evaluates 16 of them
 * per sample per grid point. Absolute error ≤ 1e-15 (checked against Math.tanh in the tests).
 */
export function fastTanh(z: number): number {
  if (z > 20) return 1;
  if (z < -20) return -1;
  const e = Math.exp(2 * z);
  return (e - 1) / (e + 1);
}

/**
 * Mean binary cross-entropy (from logits) of a tanh MLP with identity output, on flat weights θ + s·d1 + t·d2.
 * Evaluated layer by layer over the whole dataset (tight loops over typed arrays, no allocation per call once the
 * evaluator exists) — the slice calls it 1,681 times per refresh.
 */
export class FlatLossEvaluator {
  private readonly w: Float64Array;
  private readonly acts: Float64Array[];

  constructor(
    private readonly layout: FlatLayout,
    private readonly data: Dataset2D,
  ) {
    this.w = new Float64Array(layout.total);
    this.acts = layout.sizes.map((width) => new Float64Array(width * data.n)); // [n, width] per layer
    const x0 = this.acts[0];
    for (let i = 0; i < 2 * data.n; i++) x0[i] = data.x[i];
  }

  loss(theta: Float64Array, d1?: Float64Array, s = 0, d2?: Float64Array, t = 0): number {
    const { layout, data, w, acts } = this;
    const P = layout.total;
    if (d1 && d2) for (let i = 0; i < P; i++) w[i] = theta[i] + s * d1[i] + t * d2[i];
    else for (let i = 0; i < P; i++) w[i] = theta[i];
    const N = data.n;
    const L = layout.sizes.length - 1;
    for (let l = 0; l < L; l++) {
      const nIn = layout.sizes[l];
      const nOut = layout.sizes[l + 1];
      const wo = layout.wOffset[l];
      const bo = layout.bOffset[l];
      const input = acts[l]; // [N, nIn]
      const output = acts[l + 1]; // [N, nOut]
      const hidden = l < L - 1;
      for (let n = 0; n < N; n++) {
        const ib = n * nIn;
        const ob = n * nOut;
        for (let j = 0; j < nOut; j++) {
          let z = w[bo + j];
          const row = wo + j * nIn;
          for (let k = 0; k < nIn; k++) z += w[row + k] * input[ib + k];
          output[ob + j] = hidden ? fastTanh(z) : z;
        }
      }
    }
    const logits = acts[L]; // [N, 1]
    let total = 0;
    for (let n = 0; n < N; n++) {
      const z = logits[n];
      total += (z > 0 ? z : 0) - z * data.y[n] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return total / N;
  }

  /** Logits of the last evaluation, [n]. */
  lastLogits(): Float64Array {
    return this.acts[this.acts.length - 1];
  }
}

/** One-off convenience (tests): the mean BCE of flat weights theta on data. */
export function flatLoss(layout: FlatLayout, theta: Float64Array, data: Dataset2D): number {
  return new FlatLossEvaluator(layout, data).loss(theta);
}
