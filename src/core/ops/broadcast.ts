/** NumPy broadcasting: shapes align on the right; a dimension of 1 (or a missing one) stretches. */
import type { Shape } from '../tensor';

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function broadcastShapes(a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`cannot broadcast [${a.join(', ')}] with [${b.join(', ')}]`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

const cache = new Map<string, Int32Array>();

/**
 * For every flat index of `outShape`, the flat index of the broadcast input. Cached per shape pair (training reuses
 * the same shapes every step); the cache is cleared if it grows past 512 entries.
 */
export function broadcastIndex(outShape: Shape, inShape: Shape): Int32Array {
  const key = `${outShape.join(',')}|${inShape.join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const n = outShape.length;
  const strides = new Array<number>(n).fill(0);
  let s = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    const o = n - inShape.length + i;
    strides[o] = inShape[i] === 1 ? 0 : s;
    s *= inShape[i];
  }
  let total = 1;
  for (const d of outShape) total *= d;
  const map = new Int32Array(total);
  const idx = new Array<number>(n).fill(0);
  let off = 0;
  for (let i = 0; i < total; i++) {
    map[i] = off;
    for (let d = n - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < outShape[d]) break;
      off -= strides[d] * idx[d];
      idx[d] = 0;
    }
  }
  if (cache.size > 512) cache.clear();
  cache.set(key, map);
  return map;
}
