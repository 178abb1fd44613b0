/**
 * Reductions over axes (all axes by default), optionally keeping reduced dimensions as size 1.
 *
 *   op     forward               backward (g = dL/dout, broadcast back over the reduced axes)
 *   sum    Σ x                   dx += g
 *   mean   Σ x / n               dx += g / n
 *   max    max x                 dx += g at the (first) arg-max, 0 elsewhere
 */
import { gradOf, record, tracks } from '../autograd';
import { outTensor, type Shape, type Tensor } from '../tensor';
import { broadcastIndex } from './broadcast';

export type Axes = number | readonly number[] | undefined;

interface Plan {
  /** Output shape (keepDims or not). */
  shape: number[];
  /** The output shape with reduced axes kept as 1 (for the index map). */
  kept: number[];
  /** Elements reduced into each output. */
  count: number;
  all: boolean;
}

function plan(shape: Shape, axes: Axes, keepDims: boolean): Plan {
  const nd = shape.length;
  const list = axes === undefined ? shape.map((_, i) => i) : typeof axes === 'number' ? [axes] : [...axes];
  const reduced = new Array<boolean>(nd).fill(false);
  for (const ax of list) {
    const a = ax < 0 ? ax + nd : ax;
    if (!Number.isInteger(a) || a < 0 || a >= nd)
      throw new Error(`reduce: axis ${ax} out of range for ${nd}-D`);
    reduced[a] = true;
  }
  const kept: number[] = [];
  const out: number[] = [];
  let count = 1;
  for (let i = 0; i < nd; i++) {
    if (reduced[i]) {
      kept.push(1);
      count *= shape[i];
      if (keepDims) out.push(1);
    } else {
      kept.push(shape[i]);
      out.push(shape[i]);
    }
  }
  return { shape: out, kept, count, all: reduced.every(Boolean) };
}

/** Only the last axis is reduced (and the tensor has more than one axis). */
function isLastAxisOnly(shape: Shape, p: Plan): boolean {
  const nd = shape.length;
  if (nd < 2 || p.all) return false;
  for (let i = 0; i < nd - 1; i++) if (p.kept[i] !== shape[i]) return false;
  return p.kept[nd - 1] === 1 && p.count === shape[nd - 1];
}

function sumLike(x: Tensor, axes: Axes, keepDims: boolean, mean: boolean): Tensor {
  const p = plan(x.shape, axes, keepDims);
  const tracked = tracks(x);
  const out = outTensor(p.shape, tracked);
  const o = out.data;
  const a = x.data;
  const n = x.size;
  const k = mean ? 1 / p.count : 1;
  const lastOnly = isLastAxisOnly(x.shape, p);
  const map = p.all || lastOnly ? null : broadcastIndex(x.shape, p.kept);
  if (lastOnly) {
    // Row sums over the last axis (layer statistics, softmax denominators): no index map.
    const W = p.count;
    const rows = o.length;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < W; j++) s += a[r * W + j];
      o[r] = s * k;
    }
  } else if (map === null) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i];
    o[0] = s * k;
  } else {
    o.fill(0);
    for (let i = 0; i < n; i++) o[map[i]] += a[i];
    if (mean) for (let i = 0; i < o.length; i++) o[i] *= k;
  }
  if (tracked) {
    record(out, mean ? 'mean' : 'sum', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      if (lastOnly) {
        const W = p.count;
        for (let r = 0; r < o.length; r++) {
          const gv = g[r] * k;
          for (let j = 0; j < W; j++) gx[r * W + j] += gv;
        }
      } else if (map === null) {
        const gv = g[0] * k;
        for (let i = 0; i < n; i++) gx[i] += gv;
      } else {
        for (let i = 0; i < n; i++) gx[i] += g[map[i]] * k;
      }
    });
  }
  return out;
}

/** Σ over axes (all by default). */
export function sum(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  return sumLike(x, axes, keepDims, false);
}

/** Mean over axes (all by default). */
export function mean(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  return sumLike(x, axes, keepDims, true);
}

/** Maximum over axes (all by default); the gradient goes to the first arg-max. */
export function max(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  const p = plan(x.shape, axes, keepDims);
  const tracked = tracks(x);
  const out = outTensor(p.shape, tracked);
  const o = out.data;
  const a = x.data;
  const n = x.size;
  const arg = new Int32Array(o.length).fill(-1);
  o.fill(-Infinity);
  const map = p.all ? null : broadcastIndex(x.shape, p.kept);
  for (let i = 0; i < n; i++) {
    const j = map === null ? 0 : map[i];
    // NaN propagates: a NaN input wins, so a diverging run is visible.
    if (a[i] > o[j] || arg[j] === -1 || a[i] !== a[i]) {
      if (o[j] !== o[j]) continue;
      o[j] = a[i];
      arg[j] = i;
    }
  }
  if (tracked) {
    record(out, 'max', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let j = 0; j < arg.length; j++) if (arg[j] >= 0) gx[arg[j]] += g[j];
    });
  }
  return out;
}
