/**
 * The GloVe objective (Pennington, Socher & Manning, 2014), built from the core's differentiable ops so its
 * gradient comes from the same autodiff as every other model in the course:
 *
 *   J = Σ_{ij: X_ij > 0} f(X_ij) · (w_iᵀ w̃_j + b_i + b̃_j − log X_ij)²,   f(x) = min(1, (x / x_max)^α)
 *
 * w (the word vectors) and w̃ (the context vectors) are two tables; after training the page uses w + w̃, as the
 * paper does. f stops the very frequent pairs ("the the") from dominating and gives rare pairs a small say.
 */
import { add, gather, mul, scale, sub, sum, tensor, type Tensor } from '../../core';

/** GloVe's weighting f(x) = min(1, (x / xMax)^alpha). */
export function gloveWeight(x: number, xMax = 10, alpha = 0.75): number {
  return x >= xMax ? 1 : Math.pow(x / xMax, alpha);
}

/** The training pairs: indices of the non-zero cells with log X and f(X) precomputed. */
export interface GlovePairs {
  rows: Int32Array;
  cols: Int32Array;
  /** [P] log X_ij. */
  logX: Tensor;
  /** [P] f(X_ij). */
  weight: Tensor;
}

export function glovePairs(rows: Int32Array, cols: Int32Array, values: Float32Array, xMax = 10): GlovePairs {
  const P = values.length;
  return {
    rows,
    cols,
    logX: tensor(
      Float32Array.from(values, (v) => Math.log(v)),
      [P],
    ),
    weight: tensor(
      Float32Array.from(values, (v) => gloveWeight(v, xMax)),
      [P],
    ),
  };
}

/**
 * J / P (the weighted squared error averaged over the P pairs, so the read-out does not grow with the corpus).
 * w, wt: [V, d]; b, bt: [V].
 */
export function gloveLoss(w: Tensor, wt: Tensor, b: Tensor, bt: Tensor, pairs: GlovePairs): Tensor {
  const P = pairs.rows.length;
  const wi = gather(w, pairs.rows); // [P, d]
  const wj = gather(wt, pairs.cols); // [P, d]
  const dot = sum(mul(wi, wj), [1]); // [P]
  const bi = gather(b, pairs.rows); // [P]
  const bj = gather(bt, pairs.cols); // [P]
  const diff = sub(add(add(dot, bi), bj), pairs.logX); // [P]
  return scale(sum(mul(pairs.weight, mul(diff, diff))), 1 / P); // scalar
}
