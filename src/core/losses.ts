/**
 * Losses, numerically stable, fused (forward and backward in one op each).
 *
 *   loss                 per element                                         d/d(input)
 *   mse                  (p − y)²                                            2(p − y)
 *   crossEntropy         −log softmax(z)_y = logΣeᶻ − z_y                    softmax(z) − onehot(y)
 *   binaryCrossEntropy   max(z,0) − z·y + log(1 + e^−|z|)  (= BCE(σ(z), y))  σ(z) − y
 *
 * Reduction: 'mean' (default) divides by the number of terms, 'sum' adds them, 'none' returns one value per term.
 * The lesson's MSE is 1/N Σ(y − h)²; its J(θ) = 1/(2m)Σ… is mse(...)·½.
 */
import { gradOf, record, tracks } from './autograd';
import { sigmoidScalar } from './ops/activations';
import { outTensor, type Tensor } from './tensor';

export type Reduction = 'mean' | 'sum' | 'none';

export interface LossOptions {
  reduction?: Reduction;
}

function reduceLoss(
  perTerm: Float32Array,
  termShape: readonly number[],
  reduction: Reduction,
  tracked: boolean,
  parents: Tensor[],
  name: string,
  /** Adds dL/d(input) into the input's grad, given dL/d(term i) = gTerm(i). */
  backwardInto: (gTerm: (i: number) => number) => void,
  count = perTerm.length,
): Tensor {
  if (reduction === 'none') {
    const out = outTensor(termShape, tracked);
    out.data.set(perTerm);
    if (tracked) {
      record(out, name, parents, () => {
        const g = out.grad!;
        backwardInto((i) => g[i]);
      });
    }
    return out;
  }
  const out = outTensor([], tracked);
  let s = 0;
  for (let i = 0; i < perTerm.length; i++) s += perTerm[i];
  const k = reduction === 'mean' ? (count > 0 ? 1 / count : 0) : 1;
  out.data[0] = s * k;
  if (tracked) {
    record(out, name, parents, () => {
      const gv = out.grad![0] * k;
      backwardInto(() => gv);
    });
  }
  return out;
}

// Scratch for per-term values, reused across calls (sized up when needed) to keep training steps allocation-free.
let scratch = new Float32Array(1024);
function terms(n: number): Float32Array {
  if (scratch.length < n) scratch = new Float32Array(Math.max(n, scratch.length * 2));
  return scratch.subarray(0, n);
}

function targetValues(target: Tensor | ArrayLike<number>): ArrayLike<number> {
  return (target as Tensor).data !== undefined ? (target as Tensor).data : (target as ArrayLike<number>);
}

/** Mean squared error between predictions and targets of the same size. */
export function mse(pred: Tensor, target: Tensor | ArrayLike<number>, options: LossOptions = {}): Tensor {
  const y = targetValues(target);
  const n = pred.size;
  if (y.length !== n) throw new Error(`mse: ${n} predictions but ${y.length} targets`);
  const p = pred.data;
  const t = terms(n);
  for (let i = 0; i < n; i++) {
    const d = p[i] - y[i];
    t[i] = d * d;
  }
  return reduceLoss(t, pred.shape, options.reduction ?? 'mean', tracks(pred), [pred], 'mse', (gTerm) => {
    const gp = gradOf(pred)!;
    for (let i = 0; i < n; i++) gp[i] += gTerm(i) * 2 * (p[i] - y[i]);
  });
}

export interface CrossEntropyOptions extends LossOptions {
  /** Targets equal to this id contribute nothing (padding); 'mean' averages over the rest. */
  ignoreIndex?: number;
}

/**
 * Softmax cross-entropy from logits [..., C] and integer class targets (one per row). Targets outside [0, C) throw
 * (unless equal to ignoreIndex). Per-term shape: the logits' shape without the last axis.
 */
export function crossEntropy(
  logits: Tensor,
  targets: Tensor | ArrayLike<number>,
  options: CrossEntropyOptions = {},
): Tensor {
  const C = logits.shape[logits.ndim - 1];
  const rows = C === 0 ? 0 : logits.size / C;
  const y = targetValues(targets);
  if (y.length !== rows) throw new Error(`crossEntropy: ${rows} rows of logits but ${y.length} targets`);
  const ignore = options.ignoreIndex;
  const z = logits.data;
  const t = terms(rows);
  let counted = 0;
  for (let r = 0; r < rows; r++) {
    const cls = y[r];
    if (ignore !== undefined && cls === ignore) {
      t[r] = 0;
      continue;
    }
    if (!Number.isInteger(cls) || cls < 0 || cls >= C)
      throw new Error(`crossEntropy: target ${cls} outside [0, ${C})`);
    const off = r * C;
    let m = -Infinity;
    for (let j = 0; j < C; j++) if (z[off + j] > m) m = z[off + j];
    let s = 0;
    for (let j = 0; j < C; j++) s += Math.exp(z[off + j] - m);
    t[r] = m + Math.log(s) - z[off + cls];
    counted++;
  }
  const tracked = tracks(logits);
  return reduceLoss(
    t,
    logits.shape.slice(0, -1),
    options.reduction ?? 'mean',
    tracked,
    [logits],
    'crossEntropy',
    (gTerm) => {
      const gz = gradOf(logits)!;
      for (let r = 0; r < rows; r++) {
        const cls = y[r];
        if (ignore !== undefined && cls === ignore) continue;
        const gr = gTerm(r);
        if (gr === 0) continue;
        const off = r * C;
        let m = -Infinity;
        for (let j = 0; j < C; j++) if (z[off + j] > m) m = z[off + j];
        let s = 0;
        for (let j = 0; j < C; j++) s += Math.exp(z[off + j] - m);
        const inv = 1 / s;
        for (let j = 0; j < C; j++) gz[off + j] += gr * Math.exp(z[off + j] - m) * inv;
        gz[off + cls] -= gr;
      }
    },
    counted,
  );
}

/**
 * Binary cross-entropy from logits z (the sigmoid is inside, so saturated outputs stay finite) and targets in [0, 1],
 * same size as the logits.
 */
export function binaryCrossEntropy(
  logits: Tensor,
  targets: Tensor | ArrayLike<number>,
  options: LossOptions = {},
): Tensor {
  const y = targetValues(targets);
  const n = logits.size;
  if (y.length !== n) throw new Error(`binaryCrossEntropy: ${n} logits but ${y.length} targets`);
  const z = logits.data;
  const t = terms(n);
  for (let i = 0; i < n; i++) {
    const v = z[i];
    t[i] = (v > 0 ? v : 0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v)));
  }
  return reduceLoss(
    t,
    logits.shape,
    options.reduction ?? 'mean',
    tracks(logits),
    [logits],
    'binaryCrossEntropy',
    (gTerm) => {
      const gz = gradOf(logits)!;
      for (let i = 0; i < n; i++) gz[i] += gTerm(i) * (sigmoidScalar(z[i]) - y[i]);
    },
  );
}
