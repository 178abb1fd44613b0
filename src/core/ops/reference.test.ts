/**
 * Float64 references for the ops whose other tests compare them only with float32 finite differences of themselves:
 * broadcast binary ops, reductions over axes, shape ops, gather, maxout, masking, attention and copy. Each reference
 * below is written from index arithmetic alone (no engine code), so a forward or backward bug cannot cancel out.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { tensor, type Tensor } from '../tensor';
import { checkGrad } from '../testing';
import * as op from './index';

// ---- n-d index arithmetic in plain numbers ------------------------------------------------------------------------

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return idx;
}

function ravel(idx: readonly number[], shape: readonly number[]): number {
  let off = 0;
  for (let d = 0; d < shape.length; d++) off = off * shape[d] + idx[d];
  return off;
}

/** out[i] = x[source(multi-index of i)] for every i of outShape. */
function gatherBy(x: number[], outShape: readonly number[], source: (idx: number[]) => number): number[] {
  return Array.from({ length: sizeOf(outShape) }, (_, i) => x[source(unravel(i, outShape))]);
}

/** The flat index into `shape` that broadcasting reads for output multi-index idx. */
function broadcastSource(idx: readonly number[], shape: readonly number[]): number {
  const lead = idx.length - shape.length;
  return ravel(
    shape.map((d, k) => (d === 1 ? 0 : idx[lead + k])),
    shape,
  );
}

function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => Math.max(a[a.length - n + i] ?? 1, b[b.length - n + i] ?? 1));
}

const randomShape = (rng: Rng, maxRank = 4, maxDim = 4) =>
  Array.from({ length: 1 + rng.int(maxRank) }, () => 1 + rng.int(maxDim));

/** `shape` with random dims set to 1 and random leading dims dropped (always broadcastable against shape). */
function broadcastPartner(rng: Rng, shape: readonly number[]): number[] {
  const ones = shape.map((d) => (rng.uniform(0, 1) < 0.5 ? 1 : d));
  return ones.slice(rng.int(shape.length));
}

const CASES = 12;

describe('broadcast binary ops vs float64', () => {
  const kinds: [string, (a: Tensor, b: Tensor) => Tensor, (a: number, b: number) => number][] = [
    ['add', op.add, (a, b) => a + b],
    ['sub', op.sub, (a, b) => a - b],
    ['mul', op.mul, (a, b) => a * b],
    // Denominator b² + 1 ≥ 1 keeps the division smooth.
    ['div', (a, b) => op.div(a, op.addScalar(op.mul(b, b), 1)), (a, b) => a / (b * b + 1)],
  ];
  for (const [name, f, g] of kinds) {
    it(`${name}: random shapes, either side broadcast`, () => {
      const rng = new Rng(11);
      for (let c = 0; c < CASES; c++) {
        const big = randomShape(rng);
        const small = broadcastPartner(rng, big);
        const [sa, sb] = c % 2 === 0 ? [big, small] : [small, big];
        const out = broadcastShape(sa, sb);
        checkGrad(f, [sa, sb], {
          seed: c,
          reference: (a, b) =>
            Array.from({ length: sizeOf(out) }, (_, i) => {
              const idx = unravel(i, out);
              return g(a[broadcastSource(idx, sa)], b[broadcastSource(idx, sb)]);
            }),
        });
      }
    });
  }
});

describe('reductions over axes vs float64', () => {
  /** Reduce x [shape] over `axes` with (init, step, finish). */
  function reduceRef(
    x: number[],
    shape: readonly number[],
    axes: readonly number[],
    keepDims: boolean,
    kind: 'sum' | 'mean' | 'max',
  ): number[] {
    const kept = shape.map((d, k) => (axes.includes(k) ? 1 : d));
    const acc = new Array<number>(sizeOf(kept)).fill(kind === 'max' ? -Infinity : 0);
    for (let i = 0; i < x.length; i++) {
      const j = ravel(
        unravel(i, shape).map((v, k) => (axes.includes(k) ? 0 : v)),
        kept,
      );
      acc[j] = kind === 'max' ? Math.max(acc[j], x[i]) : acc[j] + x[i];
    }
    const count = sizeOf(axes.map((a) => shape[a]));
    void keepDims; // same values either way; only the shape differs
    return kind === 'mean' ? acc.map((v) => v / count) : acc;
  }
  it('sum, mean and max over random axis sets (negative axes too), keepDims or not', () => {
    const rng = new Rng(12);
    for (let c = 0; c < CASES; c++) {
      const shape = randomShape(rng);
      const axes = shape.map((_, k) => k).filter(() => rng.uniform(0, 1) < 0.5);
      if (axes.length === 0) axes.push(rng.int(shape.length));
      const asGiven = axes.map((a) => (rng.uniform(0, 1) < 0.5 ? a - shape.length : a)); // some negative
      const keep = c % 2 === 0;
      for (const kind of ['sum', 'mean', 'max'] as const) {
        const { output } = checkGrad((x) => op[kind](x, asGiven, keep), [shape], {
          seed: c,
          reference: (x) => reduceRef(x, shape, axes, keep, kind),
        });
        const expected = keep
          ? shape.map((d, k) => (axes.includes(k) ? 1 : d))
          : shape.filter((_, k) => !axes.includes(k));
        expect(output.shape).toEqual(expected);
      }
    }
  });
});

describe('shape ops vs float64: transpose and reshape', () => {
  it('transpose (random permutations) and reshape', () => {
    const rng = new Rng(13);
    for (let c = 0; c < CASES; c++) {
      const shape = randomShape(rng);
      const perm = rng.shuffle(shape.map((_, k) => k));
      const out = perm.map((p) => shape[p]);
      checkGrad((x) => op.transpose(x, perm), [shape], {
        seed: c,
        reference: (x) =>
          gatherBy(x, out, (idx) => {
            const src = new Array<number>(shape.length);
            perm.forEach((p, d) => (src[p] = idx[d]));
            return ravel(src, shape);
          }),
      });
      checkGrad((x) => op.reshape(x, [-1, shape[shape.length - 1]]), [shape], {
        seed: c,
        reference: (x) => x,
      });
    }
  });
});

describe('shape ops vs float64: slice, concat, stack and split', () => {
  it('slice, concat, stack and split along random axes', () => {
    const rng = new Rng(14);
    for (let c = 0; c < CASES; c++) {
      const shape = randomShape(rng);
      const ax = rng.int(shape.length);
      const start = rng.int(shape[ax]);
      const end = start + 1 + rng.int(shape[ax] - start);
      const sliced = shape.map((d, k) => (k === ax ? end - start : d));
      checkGrad((x) => op.slice(x, ax, start, end), [shape], {
        seed: c,
        reference: (x) =>
          gatherBy(x, sliced, (idx) =>
            ravel(
              idx.map((v, k) => (k === ax ? v + start : v)),
              shape,
            ),
          ),
      });
      // concat [a, b, a] along ax: a is used twice, so its gradient adds two parts.
      const other = shape.map((d, k) => (k === ax ? 1 + rng.int(3) : d));
      const joined = shape.map((d, k) => (k === ax ? 2 * d + other[k] : d));
      checkGrad((a, b) => op.concat([a, b, a], ax), [shape, other], {
        seed: c,
        reference: (a, b) =>
          gatherBy([...a, ...b], joined, (idx) => {
            const v = idx[ax];
            if (v < shape[ax] || v >= shape[ax] + other[ax]) {
              const local = v < shape[ax] ? v : v - shape[ax] - other[ax];
              return ravel(
                idx.map((u, k) => (k === ax ? local : u)),
                shape,
              );
            }
            return (
              a.length +
              ravel(
                idx.map((u, k) => (k === ax ? v - shape[ax] : u)),
                other,
              )
            );
          }),
      });
      // stack [a, b] on a new axis (0..rank), split back into pieces and reassemble them in reverse order.
      const sAx = rng.int(shape.length + 1);
      const stacked = [...shape.slice(0, sAx), 2, ...shape.slice(sAx)];
      checkGrad((a, b) => op.stack([a, b], sAx), [shape, shape], {
        seed: c,
        reference: (a, b) =>
          gatherBy([...a, ...b], stacked, (idx) => {
            const which = idx[sAx];
            return which * a.length + ravel([...idx.slice(0, sAx), ...idx.slice(sAx + 1)], shape);
          }),
      });
      const first = 1 + rng.int(Math.max(1, shape[ax] - 1));
      if (first < shape[ax]) {
        checkGrad((x) => op.concat(op.split(x, [first, shape[ax] - first], ax).reverse(), ax), [shape], {
          seed: c,
          reference: (x) =>
            gatherBy(x, shape, (idx) => {
              const v = idx[ax];
              const rest = shape[ax] - first;
              return ravel(
                idx.map((u, k) => (k === ax ? (v < rest ? v + first : v - rest) : u)),
                shape,
              );
            }),
        });
      }
    }
  });
});

describe('shape ops vs float64: copy', () => {
  it('copy: same values, its own buffer, gradient passed through unchanged', () => {
    checkGrad(op.copy, [[3, 4, 2]], { reference: (x) => x });
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    const y = op.copy(x);
    expect(y.data.buffer).not.toBe(x.data.buffer);
    y.data[0] = 42;
    expect(x.data[0]).toBe(1);
    expect(y.shape).toEqual([3]);
    // Used twice: both paths reach x.
    op.sum(op.add(op.copy(x), op.scale(op.copy(x), 2))).backward();
    expect(Array.from(x.grad!)).toEqual([3, 3, 3]);
  });
});

describe('gather and maxout vs float64', () => {
  it('gather: repeated ids (gradients add), 2-D ids shape, rows of rank-2 tables', () => {
    const rng = new Rng(15);
    for (let c = 0; c < CASES; c++) {
      const V = 1 + rng.int(6);
      const rest = randomShape(rng, 2, 3);
      const idsShape = randomShape(rng, 2, 4);
      const ids = Array.from({ length: sizeOf(idsShape) }, () => rng.int(V));
      const row = sizeOf(rest);
      checkGrad((t) => op.gather(t, ids, idsShape), [[V, ...rest]], {
        seed: c,
        reference: (t) => ids.flatMap((id) => t.slice(id * row, id * row + row)),
      });
    }
  });

  it('maxout: groups of 1–4 over random leading shapes', () => {
    const rng = new Rng(16);
    for (let c = 0; c < CASES; c++) {
      const pieces = 1 + rng.int(4);
      const groups = 1 + rng.int(3);
      const lead = randomShape(rng, 2, 3);
      checkGrad((x) => op.maxout(x, pieces), [[...lead, groups * pieces]], {
        seed: c,
        reference: (x) =>
          Array.from({ length: x.length / pieces }, (_, g) =>
            Math.max(...x.slice(g * pieces, g * pieces + pieces)),
          ),
      });
    }
  });
});

// ---- masking and attention ----------------------------------------------------------------------------------------

/** Row softmax of masked scores in float64; `visible(m, i, j)` says which keys row i of matrix m may see. */
function maskedSoftmaxRef(
  x: number[],
  mats: number,
  Tq: number,
  Tk: number,
  s: number,
  visible: (m: number, i: number, j: number) => boolean,
): number[] {
  const out = new Array<number>(x.length).fill(0);
  for (let m = 0; m < mats; m++)
    for (let i = 0; i < Tq; i++) {
      const off = (m * Tq + i) * Tk;
      const keys = Array.from({ length: Tk }, (_, j) => j).filter((j) => visible(m, i, j));
      if (keys.length === 0) continue; // every key hidden: all zeros
      const top = Math.max(...keys.map((j) => x[off + j] * s));
      const e = keys.map((j) => Math.exp(x[off + j] * s - top));
      const sum = e.reduce((a, b) => a + b, 0);
      keys.forEach((j, n) => (out[off + j] = e[n] / sum));
    }
  return out;
}

/** The visibility rule of maskedScale: causal (aligned to the end when Tk > Tq) and a [B, Tk] key mask. */
function visibility(Tq: number, Tk: number, causal: boolean, keyMask: number[] | null, perRow: number) {
  return (m: number, i: number, j: number) =>
    (!causal || j <= i + Tk - Tq) && (keyMask === null || keyMask[Math.floor(m / perRow) * Tk + j] !== 0);
}

describe('masking and attention vs float64', () => {
  it('softmax(maskedScale(x)) with causal and padding masks, including a fully hidden row', () => {
    const [B, H, Tq, Tk] = [2, 2, 3, 4];
    // Row 0 hides keys 0 and 3; row 1 hides key 1. With causal (shift Tk − Tq = 1), query 0 of row 0 sees only key
    // 1; a mask hiding keys 0 and 1 of row 1 would leave its query 0 with none — tested below.
    for (const [causal, mask] of [
      [false, [0, 1, 1, 0, 1, 0, 1, 1]],
      [true, [0, 1, 1, 0, 1, 0, 1, 1]],
      [true, [1, 1, 1, 1, 0, 0, 1, 1]],
      [true, null],
    ] as const) {
      const km = mask === null ? undefined : { mask, matricesPerRow: H };
      const vis = visibility(Tq, Tk, causal, mask === null ? null : [...mask], H);
      checkGrad((x) => op.softmax(op.maskedScale(x, 0.7, causal, km)), [[B, H, Tq, Tk]], {
        scaleRange: 3,
        reference: (x) => maskedSoftmaxRef(x, B * H, Tq, Tk, 0.7, vis),
      });
    }
  });

  it('scaled dot-product attention with causal and padding masks: q, k, v gradients', () => {
    const rng = new Rng(17);
    for (let c = 0; c < 6; c++) {
      const [B, H, Tq, Tk, dk, dv] = [
        1 + rng.int(2),
        1 + rng.int(2),
        1 + rng.int(3),
        2 + rng.int(3),
        1 + rng.int(3),
        1 + rng.int(3),
      ];
      const causal = c % 2 === 0;
      const mask = Array.from({ length: B * Tk }, (_, n) =>
        n % Tk === 0 || rng.uniform(0, 1) < 0.7 ? 1 : 0,
      );
      const vis = visibility(Tq, Tk, causal, mask, H);
      const mats = B * H;
      checkGrad(
        (q, k, v) =>
          op.scaledDotProductAttention(q, k, v, { causal, keyMask: { mask, matricesPerRow: H } }).output,
        [
          [B, H, Tq, dk],
          [B, H, Tk, dk],
          [B, H, Tk, dv],
        ],
        {
          seed: c,
          reference: (q, k, v) => {
            const scores: number[] = [];
            for (let m = 0; m < mats; m++)
              for (let i = 0; i < Tq; i++)
                for (let j = 0; j < Tk; j++) {
                  let s = 0;
                  for (let d = 0; d < dk; d++) s += q[(m * Tq + i) * dk + d] * k[(m * Tk + j) * dk + d];
                  scores.push(s);
                }
            const w = maskedSoftmaxRef(scores, mats, Tq, Tk, 1 / Math.sqrt(dk), vis);
            const out: number[] = [];
            for (let m = 0; m < mats; m++)
              for (let i = 0; i < Tq; i++)
                for (let d = 0; d < dv; d++) {
                  let s = 0;
                  for (let j = 0; j < Tk; j++) s += w[(m * Tq + i) * Tk + j] * v[(m * Tk + j) * dv + d];
                  out.push(s);
                }
            return out;
          },
        },
      );
    }
  });
});
