/**
 * Shape ops: they move values, never change them.
 *
 *   op         forward                              backward
 *   reshape    same values, new shape (a view)       dx += g
 *   transpose  permute axes (default: last two)      dx[perm⁻¹] += g
 *   slice      x[…, start:end, …] on one axis        dx[start:end] += g
 *   concat     [a; b; …] along an axis               each input gets its block of g
 *   split      slices that cover an axis             (composite: slice)
 *   stack      new axis                              (composite: reshape + concat)
 *   gather     table[ids] (embedding lookup)         dtable[ids] += g  (scatter-add, repeats accumulate)
 */
import { gradOf, record, tracks } from '../autograd';
import { outTensor, shapeSize, Tensor, type Shape } from '../tensor';

function normAxis(axis: number, nd: number): number {
  const a = axis < 0 ? axis + nd : axis;
  if (!Number.isInteger(a) || a < 0 || a >= nd)
    throw new Error(`axis ${axis} out of range for ${nd}-D tensor`);
  return a;
}

/** New shape for the same values; one dimension may be -1 (inferred). Shares the input's buffer. */
export function reshape(x: Tensor, shape: Shape): Tensor {
  const sh = shape.slice();
  const unknown = sh.indexOf(-1);
  if (unknown >= 0) {
    const rest = shapeSize(sh.filter((_, i) => i !== unknown));
    sh[unknown] = rest === 0 ? 0 : x.size / rest;
  }
  if (shapeSize(sh) !== x.size || sh.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new Error(`reshape: cannot view [${x.shape.join(', ')}] as [${shape.join(', ')}]`);
  }
  const tracked = tracks(x);
  if (!tracked) {
    // A view of a recorded tensor would outlive its (recycled) buffer: copy instead.
    return new Tensor(x.onTape ? x.data.slice() : x.data, sh);
  }
  const out = new Tensor(x.data, sh, true, false);
  const n = x.size;
  return record(out, 'reshape', [x], () => {
    const g = out.grad!;
    const gx = gradOf(x)!;
    for (let i = 0; i < n; i++) gx[i] += g[i];
  });
}

/** A copy with its own buffer (differentiable). */
export function copy(x: Tensor): Tensor {
  const tracked = tracks(x);
  const out = outTensor(x.shape, tracked);
  out.data.set(x.data);
  if (tracked) {
    const n = x.size;
    record(out, 'copy', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let i = 0; i < n; i++) gx[i] += g[i];
    });
  }
  return out;
}

const permCache = new Map<string, Int32Array>();

/** For each output flat index, the input flat index. */
function permutationIndex(shape: Shape, perm: readonly number[]): Int32Array {
  const key = `${shape.join(',')}|${perm.join(',')}`;
  const hit = permCache.get(key);
  if (hit !== undefined) return hit;
  const nd = shape.length;
  const inStrides = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= shape[i];
  }
  const outShape = perm.map((p) => shape[p]);
  const strides = perm.map((p) => inStrides[p]);
  const total = shapeSize(shape);
  const map = new Int32Array(total);
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let i = 0; i < total; i++) {
    map[i] = off;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < outShape[d]) break;
      off -= strides[d] * idx[d];
      idx[d] = 0;
    }
  }
  if (permCache.size > 256) permCache.clear();
  permCache.set(key, map);
  return map;
}

/** Permute axes; without `perm`, swap the last two. */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const nd = x.ndim;
  let p: number[];
  if (perm === undefined) {
    if (nd < 2) return x;
    p = x.shape.map((_, i) => i);
    p[nd - 1] = nd - 2;
    p[nd - 2] = nd - 1;
  } else {
    p = perm.map((a) => normAxis(a, nd));
    if (p.length !== nd || new Set(p).size !== nd)
      throw new Error(`transpose: bad permutation [${perm.join(', ')}]`);
  }
  const map = permutationIndex(x.shape, p);
  const tracked = tracks(x);
  const out = outTensor(
    p.map((a) => x.shape[a]),
    tracked,
  );
  const o = out.data;
  const a = x.data;
  const n = x.size;
  for (let i = 0; i < n; i++) o[i] = a[map[i]];
  if (tracked) {
    record(out, 'transpose', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let i = 0; i < n; i++) gx[map[i]] += g[i];
    });
  }
  return out;
}

/** x[…, start:end, …] along one axis (end exclusive; negative indices count from the end). */
export function slice(x: Tensor, axis: number, start: number, end?: number): Tensor {
  const ax = normAxis(axis, x.ndim);
  const len = x.shape[ax];
  let s = start < 0 ? start + len : start;
  let e = end === undefined ? len : end < 0 ? end + len : end;
  s = Math.max(0, Math.min(len, s));
  e = Math.max(s, Math.min(len, e));
  const outer = shapeSize(x.shape.slice(0, ax));
  const inner = shapeSize(x.shape.slice(ax + 1));
  const shape = x.shape.slice();
  shape[ax] = e - s;
  const tracked = tracks(x);
  const out = outTensor(shape, tracked);
  const o = out.data;
  const a = x.data;
  const block = (e - s) * inner;
  for (let r = 0; r < outer; r++) {
    const src = (r * len + s) * inner;
    o.set(a.subarray(src, src + block), r * block);
  }
  if (tracked) {
    record(out, 'slice', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let r = 0; r < outer; r++) {
        const src = (r * len + s) * inner;
        const dst = r * block;
        for (let j = 0; j < block; j++) gx[src + j] += g[dst + j];
      }
    });
  }
  return out;
}

/** Join tensors along an axis (all other dimensions equal). */
export function concat(xs: readonly Tensor[], axis = 0): Tensor {
  if (xs.length === 0) throw new Error('concat: no tensors');
  const first = xs[0];
  const ax = normAxis(axis, first.ndim);
  let total = 0;
  for (const t of xs) {
    if (t.ndim !== first.ndim || t.shape.some((d, i) => i !== ax && d !== first.shape[i])) {
      throw new Error(`concat: shape [${t.shape.join(', ')}] does not match [${first.shape.join(', ')}]`);
    }
    total += t.shape[ax];
  }
  const outer = shapeSize(first.shape.slice(0, ax));
  const inner = shapeSize(first.shape.slice(ax + 1));
  const shape = first.shape.slice();
  shape[ax] = total;
  let tracked = false;
  for (const t of xs) tracked = tracked || tracks(t);
  const out = outTensor(shape, tracked);
  const o = out.data;
  const rowOut = total * inner;
  let off = 0;
  const offsets: number[] = [];
  for (const t of xs) {
    offsets.push(off);
    const block = t.shape[ax] * inner;
    for (let r = 0; r < outer; r++) o.set(t.data.subarray(r * block, (r + 1) * block), r * rowOut + off);
    off += block;
  }
  if (tracked) {
    const parents = xs.slice();
    record(out, 'concat', parents, () => {
      const g = out.grad!;
      for (let k = 0; k < parents.length; k++) {
        const t = parents[k];
        const gt = gradOf(t);
        if (gt === null) continue;
        const block = t.shape[ax] * inner;
        for (let r = 0; r < outer; r++) {
          const src = r * rowOut + offsets[k];
          const dst = r * block;
          for (let j = 0; j < block; j++) gt[dst + j] += g[src + j];
        }
      }
    });
  }
  return out;
}

/** Split along an axis into `parts` equal pieces, or into pieces of the given sizes. */
export function split(x: Tensor, parts: number | readonly number[], axis = 0): Tensor[] {
  const ax = normAxis(axis, x.ndim);
  const len = x.shape[ax];
  let sizes: number[];
  if (typeof parts === 'number') {
    if (!Number.isInteger(parts) || parts < 1 || len % parts !== 0) {
      throw new Error(`split: axis of ${len} does not split into ${parts} equal parts`);
    }
    sizes = new Array<number>(parts).fill(len / parts);
  } else {
    sizes = [...parts];
    if (sizes.reduce((s, v) => s + v, 0) !== len) throw new Error(`split: sizes do not add up to ${len}`);
  }
  const result: Tensor[] = [];
  let start = 0;
  for (const s of sizes) {
    result.push(slice(x, ax, start, start + s));
    start += s;
  }
  return result;
}

/** Stack equal-shaped tensors along a new axis. */
export function stack(xs: readonly Tensor[], axis = 0): Tensor {
  if (xs.length === 0) throw new Error('stack: no tensors');
  const nd = xs[0].ndim + 1;
  const ax = axis < 0 ? axis + nd : axis;
  const expanded = xs.map((t) => reshape(t, [...t.shape.slice(0, ax), 1, ...t.shape.slice(ax)]));
  return concat(expanded, ax);
}

/**
 * Rows of `table` [V, ...rest] picked by integer ids → [...idsShape, ...rest] (embedding lookup).
 * Ids outside [0, V) throw: they mean a tokeniser/vocabulary mismatch that must not pass silently.
 */
export function gather(table: Tensor, ids: ArrayLike<number>, idsShape: Shape = [ids.length]): Tensor {
  const V = table.shape[0];
  const row = V === 0 ? 0 : table.size / V;
  if (shapeSize(idsShape) !== ids.length)
    throw new Error('gather: idsShape does not match the number of ids');
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!Number.isInteger(id) || id < 0 || id >= V)
      throw new Error(`gather: id ${id} at ${i} outside [0, ${V})`);
  }
  const tracked = tracks(table);
  const out = outTensor([...idsShape, ...table.shape.slice(1)], tracked);
  const o = out.data;
  const a = table.data;
  const n = ids.length;
  for (let i = 0; i < n; i++) o.set(a.subarray(ids[i] * row, ids[i] * row + row), i * row);
  if (tracked) {
    const idCopy = Int32Array.from(ids);
    record(out, 'gather', [table], () => {
      const g = out.grad!;
      const gt = gradOf(table)!;
      for (let i = 0; i < n; i++) {
        const dst = idCopy[i] * row;
        const src = i * row;
        for (let j = 0; j < row; j++) gt[dst + j] += g[src + j];
      }
    });
  }
  return out;
}
