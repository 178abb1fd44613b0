/**
 * Elementwise arithmetic with broadcasting.
 *
 *   op        forward            backward (g = dL/dout; ∑ over broadcast dims)
 *   add       a + b              da += g           db += g
 *   sub       a − b              da += g           db −= g
 *   mul       a · b              da += g·b         db += g·a
 *   div       a / b              da += g / b       db −= g·a / b²
 *   neg       −a                 da −= g
 *   exp       eᵃ                 da += g·out
 *   log       ln a               da += g / a
 *   sqrt      √a                 da += g / (2·out)
 *   pow       aᵖ (p constant)    da += g·p·aᵖ⁻¹
 *   abs       |a|                da += g·sign(a)
 *   scale     s·a (s constant)   da += g·s
 *   addScalar a + s              da += g
 */
import { gradOf, record, tracks } from '../autograd';
import { outTensor, type Tensor } from '../tensor';
import { broadcastIndex, broadcastShapes, sameShape } from './broadcast';

type BinaryKind = 'add' | 'sub' | 'mul' | 'div';

/** o[oo + i] = x[xo + i] ∘ y[yo + i] for i < n. */
function segForward(
  kind: BinaryKind,
  o: Float32Array,
  oo: number,
  x: Float32Array,
  xo: number,
  y: Float32Array,
  yo: number,
  n: number,
): void {
  if (kind === 'add') for (let i = 0; i < n; i++) o[oo + i] = x[xo + i] + y[yo + i];
  else if (kind === 'sub') for (let i = 0; i < n; i++) o[oo + i] = x[xo + i] - y[yo + i];
  else if (kind === 'mul') for (let i = 0; i < n; i++) o[oo + i] = x[xo + i] * y[yo + i];
  else for (let i = 0; i < n; i++) o[oo + i] = x[xo + i] / y[yo + i];
}

/** The backward of segForward: adds into ga[xo + i] and gb[yo + i] (either may be null). */
function segBackward(
  kind: BinaryKind,
  g: Float32Array,
  go: number,
  x: Float32Array,
  y: Float32Array,
  ga: Float32Array | null,
  xo: number,
  gb: Float32Array | null,
  yo: number,
  n: number,
): void {
  if (kind === 'add') {
    if (ga) for (let i = 0; i < n; i++) ga[xo + i] += g[go + i];
    if (gb) for (let i = 0; i < n; i++) gb[yo + i] += g[go + i];
  } else if (kind === 'sub') {
    if (ga) for (let i = 0; i < n; i++) ga[xo + i] += g[go + i];
    if (gb) for (let i = 0; i < n; i++) gb[yo + i] -= g[go + i];
  } else if (kind === 'mul') {
    if (ga) for (let i = 0; i < n; i++) ga[xo + i] += g[go + i] * y[yo + i];
    if (gb) for (let i = 0; i < n; i++) gb[yo + i] += g[go + i] * x[xo + i];
  } else {
    if (ga) for (let i = 0; i < n; i++) ga[xo + i] += g[go + i] / y[yo + i];
    if (gb) {
      for (let i = 0; i < n; i++) {
        const yv = y[yo + i];
        gb[yo + i] -= (g[go + i] * x[xo + i]) / (yv * yv);
      }
    }
  }
}

/** True if `small` (minus leading 1s) equals the trailing dims of `big`: it repeats over big's leading rows. */
function isSuffix(big: readonly number[], small: readonly number[]): boolean {
  let s = 0;
  while (s < small.length && small[s] === 1) s++;
  const n = small.length - s;
  if (n > big.length) return false;
  for (let i = 0; i < n; i++) if (small[s + i] !== big[big.length - n + i]) return false;
  return true;
}

type RowsMode = 'same' | 'rowsA' | 'rowsB';

/**
 * Equal shapes ('same'), or one operand repeating over the other's leading dims ('rowsB': b repeats, a bias row;
 * 'rowsA': a repeats): whole rows of `width` values at a time, each a plain segment loop.
 */
function rowsBinary(
  a: Tensor,
  b: Tensor,
  kind: BinaryKind,
  out: Tensor,
  tracked: boolean,
  mode: RowsMode,
): Tensor {
  const o = out.data;
  const x = a.data;
  const y = b.data;
  const n = out.size;
  const width = mode === 'rowsB' ? b.size : mode === 'rowsA' ? a.size : n;
  const rows = width === 0 ? 0 : n / width;
  for (let r = 0; r < rows; r++) {
    const off = r * width;
    segForward(kind, o, off, x, mode === 'rowsA' ? 0 : off, y, mode === 'rowsB' ? 0 : off, width);
  }
  if (tracked) {
    record(out, kind, [a, b], () => {
      const g = out.grad!;
      const ga = gradOf(a);
      const gb = gradOf(b);
      for (let r = 0; r < rows; r++) {
        const off = r * width;
        segBackward(
          kind,
          g,
          off,
          x,
          y,
          ga,
          mode === 'rowsA' ? 0 : off,
          gb,
          mode === 'rowsB' ? 0 : off,
          width,
        );
      }
    });
  }
  return out;
}

/** The backward of generalBinary: adds into ga[ia[i]] and gb[ib[i]] (either may be null). */
function gatherBackward(
  kind: BinaryKind,
  g: Float32Array,
  x: Float32Array,
  y: Float32Array,
  ga: Float32Array | null,
  ia: Int32Array,
  gb: Float32Array | null,
  ib: Int32Array,
  n: number,
): void {
  if (kind === 'add') {
    if (ga) for (let i = 0; i < n; i++) ga[ia[i]] += g[i];
    if (gb) for (let i = 0; i < n; i++) gb[ib[i]] += g[i];
  } else if (kind === 'sub') {
    if (ga) for (let i = 0; i < n; i++) ga[ia[i]] += g[i];
    if (gb) for (let i = 0; i < n; i++) gb[ib[i]] -= g[i];
  } else if (kind === 'mul') {
    if (ga) for (let i = 0; i < n; i++) ga[ia[i]] += g[i] * y[ib[i]];
    if (gb) for (let i = 0; i < n; i++) gb[ib[i]] += g[i] * x[ia[i]];
  } else {
    if (ga) for (let i = 0; i < n; i++) ga[ia[i]] += g[i] / y[ib[i]];
    if (gb) {
      for (let i = 0; i < n; i++) {
        const yv = y[ib[i]];
        gb[ib[i]] -= (g[i] * x[ia[i]]) / (yv * yv);
      }
    }
  }
}

/** Any other broadcast: every output element reads its inputs through index maps. */
function generalBinary(a: Tensor, b: Tensor, kind: BinaryKind, out: Tensor, tracked: boolean): Tensor {
  const o = out.data;
  const x = a.data;
  const y = b.data;
  const n = out.size;
  const ia = broadcastIndex(out.shape, a.shape);
  const ib = broadcastIndex(out.shape, b.shape);
  if (kind === 'add') for (let i = 0; i < n; i++) o[i] = x[ia[i]] + y[ib[i]];
  else if (kind === 'sub') for (let i = 0; i < n; i++) o[i] = x[ia[i]] - y[ib[i]];
  else if (kind === 'mul') for (let i = 0; i < n; i++) o[i] = x[ia[i]] * y[ib[i]];
  else for (let i = 0; i < n; i++) o[i] = x[ia[i]] / y[ib[i]];
  if (tracked) {
    record(out, kind, [a, b], () => gatherBackward(kind, out.grad!, x, y, gradOf(a), ia, gradOf(b), ib, n));
  }
  return out;
}

function binary(a: Tensor, b: Tensor, kind: BinaryKind): Tensor {
  const same = sameShape(a.shape, b.shape);
  const shape = same ? a.shape : broadcastShapes(a.shape, b.shape);
  const tracked = tracks(a, b);
  const out = outTensor(shape, tracked);
  const n = out.size;
  // Fast paths: equal shapes, or one operand repeating over the other's leading dims (a bias row, positions).
  if (same) return rowsBinary(a, b, kind, out, tracked, 'same');
  if (a.size === n && isSuffix(shape, b.shape)) return rowsBinary(a, b, kind, out, tracked, 'rowsB');
  if (b.size === n && isSuffix(shape, a.shape)) return rowsBinary(a, b, kind, out, tracked, 'rowsA');
  if (a.size === n && isColumnOf(a.shape, b.shape)) return columnBinary(a, b, kind, out, tracked);
  return generalBinary(a, b, kind, out, tracked);
}

/** True if `col` is `shape` with the last axis 1 (leading 1s allowed): one value per row, e.g. a mean [N, 1]. */
function isColumnOf(shape: readonly number[], col: readonly number[]): boolean {
  if (shape.length === 0 || col.length === 0 || col[col.length - 1] !== 1) return false;
  const lead = shape.slice(0, -1);
  let s = 0;
  while (s < col.length - 1 - lead.length && col[s] === 1) s++;
  const colLead = col.slice(s, -1);
  if (colLead.length > lead.length) return false;
  const pad = lead.length - colLead.length;
  for (let i = 0; i < lead.length; i++) if ((i < pad ? 1 : colLead[i - pad]) !== lead[i]) return false;
  return true;
}

/** a [..., W] ∘ b [..., 1]: b's value for row r applies to the whole row (normalisation, per-row scales). */
function columnBinary(a: Tensor, b: Tensor, kind: BinaryKind, out: Tensor, tracked: boolean): Tensor {
  const o = out.data;
  const x = a.data;
  const y = b.data;
  const W = a.shape[a.ndim - 1];
  const rows = b.size;
  for (let r = 0; r < rows; r++) {
    const yv = y[r];
    const off = r * W;
    if (kind === 'add') for (let j = 0; j < W; j++) o[off + j] = x[off + j] + yv;
    else if (kind === 'sub') for (let j = 0; j < W; j++) o[off + j] = x[off + j] - yv;
    else if (kind === 'mul') for (let j = 0; j < W; j++) o[off + j] = x[off + j] * yv;
    else for (let j = 0; j < W; j++) o[off + j] = x[off + j] / yv;
  }
  if (tracked) {
    record(out, kind, [a, b], () => {
      const g = out.grad!;
      const ga = gradOf(a);
      const gb = gradOf(b);
      for (let r = 0; r < rows; r++) {
        const yv = y[r];
        const off = r * W;
        let acc = 0;
        if (kind === 'add' || kind === 'sub') {
          if (ga) for (let j = 0; j < W; j++) ga[off + j] += g[off + j];
          for (let j = 0; j < W; j++) acc += g[off + j];
          if (gb) gb[r] += kind === 'add' ? acc : -acc;
        } else if (kind === 'mul') {
          if (ga) for (let j = 0; j < W; j++) ga[off + j] += g[off + j] * yv;
          for (let j = 0; j < W; j++) acc += g[off + j] * x[off + j];
          if (gb) gb[r] += acc;
        } else {
          if (ga) for (let j = 0; j < W; j++) ga[off + j] += g[off + j] / yv;
          for (let j = 0; j < W; j++) acc += g[off + j] * x[off + j];
          if (gb) gb[r] -= acc / (yv * yv);
        }
      }
    });
  }
  return out;
}

export const add = (a: Tensor, b: Tensor): Tensor => binary(a, b, 'add');
export const sub = (a: Tensor, b: Tensor): Tensor => binary(a, b, 'sub');
export const mul = (a: Tensor, b: Tensor): Tensor => binary(a, b, 'mul');
export const div = (a: Tensor, b: Tensor): Tensor => binary(a, b, 'div');

type UnaryKind = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs';

function unary(a: Tensor, kind: UnaryKind): Tensor {
  const tracked = tracks(a);
  const out = outTensor(a.shape, tracked);
  const o = out.data;
  const x = a.data;
  const n = a.size;
  if (kind === 'neg') for (let i = 0; i < n; i++) o[i] = -x[i];
  else if (kind === 'exp') for (let i = 0; i < n; i++) o[i] = Math.exp(x[i]);
  else if (kind === 'log') for (let i = 0; i < n; i++) o[i] = Math.log(x[i]);
  else if (kind === 'sqrt') for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
  else for (let i = 0; i < n; i++) o[i] = Math.abs(x[i]);
  if (tracked) {
    record(out, kind, [a], () => {
      const g = out.grad!;
      const ga = gradOf(a)!;
      if (kind === 'neg') for (let i = 0; i < n; i++) ga[i] -= g[i];
      else if (kind === 'exp') for (let i = 0; i < n; i++) ga[i] += g[i] * o[i];
      else if (kind === 'log') for (let i = 0; i < n; i++) ga[i] += g[i] / x[i];
      else if (kind === 'sqrt') for (let i = 0; i < n; i++) ga[i] += g[i] / (2 * o[i]);
      else for (let i = 0; i < n; i++) ga[i] += x[i] > 0 ? g[i] : x[i] < 0 ? -g[i] : 0;
    });
  }
  return out;
}

export const neg = (a: Tensor): Tensor => unary(a, 'neg');
export const exp = (a: Tensor): Tensor => unary(a, 'exp');
export const log = (a: Tensor): Tensor => unary(a, 'log');
export const sqrt = (a: Tensor): Tensor => unary(a, 'sqrt');
export const abs = (a: Tensor): Tensor => unary(a, 'abs');

/** aᵖ for a constant exponent p. */
export function pow(a: Tensor, p: number): Tensor {
  const tracked = tracks(a);
  const out = outTensor(a.shape, tracked);
  const o = out.data;
  const x = a.data;
  const n = a.size;
  if (p === 2) for (let i = 0; i < n; i++) o[i] = x[i] * x[i];
  else for (let i = 0; i < n; i++) o[i] = Math.pow(x[i], p);
  if (tracked) {
    record(out, 'pow', [a], () => {
      const g = out.grad!;
      const ga = gradOf(a)!;
      if (p === 2) for (let i = 0; i < n; i++) ga[i] += 2 * g[i] * x[i];
      else for (let i = 0; i < n; i++) ga[i] += g[i] * p * Math.pow(x[i], p - 1);
    });
  }
  return out;
}

/** s·a for a constant s. */
export function scale(a: Tensor, s: number): Tensor {
  const tracked = tracks(a);
  const out = outTensor(a.shape, tracked);
  const o = out.data;
  const x = a.data;
  const n = a.size;
  for (let i = 0; i < n; i++) o[i] = s * x[i];
  if (tracked) {
    record(out, 'scale', [a], () => {
      const g = out.grad!;
      const ga = gradOf(a)!;
      for (let i = 0; i < n; i++) ga[i] += s * g[i];
    });
  }
  return out;
}

/** a + s for a constant s. */
export function addScalar(a: Tensor, s: number): Tensor {
  const tracked = tracks(a);
  const out = outTensor(a.shape, tracked);
  const o = out.data;
  const x = a.data;
  const n = a.size;
  for (let i = 0; i < n; i++) o[i] = x[i] + s;
  if (tracked) {
    record(out, 'addScalar', [a], () => {
      const g = out.grad!;
      const ga = gradOf(a)!;
      for (let i = 0; i < n; i++) ga[i] += g[i];
    });
  }
  return out;
}
