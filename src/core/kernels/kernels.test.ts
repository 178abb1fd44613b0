import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { jsKernels } from './js';
import { packedKernels } from './packed';
import type { GemmCall } from './types';
import { createWasmKernels } from './wasm';

// Fixed seed: property tests must be deterministic in CI (a failure prints its counterexample).
fc.configureGlobal({ seed: 20261126 });

const wasmKernels = createWasmKernels();

/** Float64 reference of C (+)= op(A)·op(B). */
function reference(...[tA, tB, M, N, K, A, aOff, B, bOff, C0, cOff, acc]: GemmCall): number[] {
  const out: number[] = [];
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = acc ? C0[cOff + i * N + j] : 0;
      for (let k = 0; k < K; k++) {
        s += A[aOff + (tA ? k * M + i : i * K + k)] * B[bOff + (tB ? j * K + k : k * N + j)];
      }
      out.push(s);
    }
  }
  return out;
}

describe('gemm kernels agree with a float64 reference', () => {
  it('WebAssembly SIMD is available in Node (so the wasm kernels below are really tested)', () => {
    expect(wasmKernels).not.toBeNull();
  });
  const sets = [
    ['js', jsKernels],
    ['packed', packedKernels],
    ['wasm', wasmKernels ?? jsKernels],
  ] as const;
  for (const [name, kernels] of sets) {
    it(`${name}: all transpose variants, edge sizes, offsets, accumulate`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 37 }),
          fc.integer({ min: 1, max: 37 }),
          fc.integer({ min: 1, max: 70 }),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.integer({ min: 0, max: 1000 }),
          (M, N, K, tA, tB, acc, seed) => {
            const rng = new Rng(seed);
            const off = 3;
            const A = Float32Array.from({ length: off + M * K }, () => rng.uniform(-1, 1));
            const B = Float32Array.from({ length: off + K * N }, () => rng.uniform(-1, 1));
            const C = Float32Array.from({ length: off + M * N + 2 }, () => rng.uniform(-1, 1));
            const want = reference(tA, tB, M, N, K, A, off, B, off, C, off, acc);
            const guardBefore = C.slice(0, off);
            const guardAfter = C.slice(off + M * N);
            kernels.gemm(tA, tB, M, N, K, A, off, B, off, C, off, acc);
            let worst = 0;
            want.forEach((w, i) => (worst = Math.max(worst, Math.abs(C[off + i] - w))));
            expect(worst).toBeLessThan(1e-4 * (1 + Math.sqrt(K)));
            expect(C.slice(0, off)).toEqual(guardBefore); // nothing written outside C's block
            expect(C.slice(off + M * N)).toEqual(guardAfter);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});

describe('gemm kernels: the wasm special paths agree with a float64 reference', () => {
  it('wasm: few rows times a big Bᵀ (the swapped Cᵀ = B·Aᵀ path), with and without accumulate', () => {
    const [M, N, K] = [16, 96, 40];
    const rng = new Rng(3);
    const A = Float32Array.from({ length: M * K }, () => rng.uniform(-1, 1));
    const B = Float32Array.from({ length: N * K }, () => rng.uniform(-1, 1));
    for (const acc of [false, true]) {
      const C = Float32Array.from({ length: M * N }, () => rng.uniform(-1, 1));
      const want = reference(false, true, M, N, K, A, 0, B, 0, C, 0, acc);
      wasmKernels!.gemm(false, true, M, N, K, A, 0, B, 0, C, 0, acc);
      let worst = 0;
      want.forEach((w, i) => (worst = Math.max(worst, Math.abs(C[i] - w))));
      expect(worst).toBeLessThan(1e-4 * (1 + Math.sqrt(K)));
    }
  });

  it('wasm gemmBatched equals per-batch products (attention-sized shapes)', () => {
    const k = wasmKernels!;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 24 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (T, M, N, K, tA, tB, acc, seed) => {
          const rng = new Rng(seed);
          const A = Float32Array.from({ length: T * M * K }, () => rng.uniform(-1, 1));
          const B = Float32Array.from({ length: T * K * N }, () => rng.uniform(-1, 1));
          const C = Float32Array.from({ length: T * M * N }, () => rng.uniform(-1, 1));
          const want: number[] = [];
          for (let t = 0; t < T; t++)
            want.push(...reference(tA, tB, M, N, K, A, t * M * K, B, t * K * N, C, t * M * N, acc));
          k.gemmBatched!(T, tA, tB, M, N, K, A, 0, B, 0, C, 0, acc);
          let worst = 0;
          want.forEach((w, i) => (worst = Math.max(worst, Math.abs(C[i] - w))));
          expect(worst).toBeLessThan(1e-4 * (1 + Math.sqrt(K)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('row-vector kernels (a linear layer bias and its gradient)', () => {
  const bits = (a: Float32Array) => Array.from(new Uint32Array(a.slice().buffer));
  /** Mixed magnitudes, so float32 rounding differs with the order of the adds. */
  const data = (n: number, seed: number) => {
    const rng = new Rng(seed);
    return Float32Array.from({ length: n }, () => rng.uniform(-1, 1) * 10 ** Math.floor(rng.uniform(-4, 5)));
  };

  for (const [rows, n] of [
    [384, 64],
    [384, 256],
    [16, 64],
    [100, 12],
    [3, 7],
  ]) {
    it(`wasm gives the plain loops' bits, rows ${rows} × ${n}`, () => {
      expect(wasmKernels).not.toBeNull();
      const C = data(rows * n, 1);
      const b = data(n, 2);
      const viaJs = C.slice();
      const viaWasm = C.slice();
      jsKernels.addRowVector!(viaJs, rows, n, b);
      wasmKernels!.addRowVector!(viaWasm, rows, n, b);
      expect(bits(viaWasm)).toEqual(bits(viaJs));
      expect(bits(viaJs)).not.toEqual(bits(C));

      const sJs = data(n, 3);
      const sWasm = sJs.slice();
      jsKernels.addColumnSums!(C, rows, n, sJs);
      wasmKernels!.addColumnSums!(C, rows, n, sWasm);
      expect(bits(sWasm)).toEqual(bits(sJs));
    });
  }

  it('the plain loops add b to every row and sum the rows in order', () => {
    const C = Float32Array.from([1, 2, 3, 4, 5, 6]);
    jsKernels.addRowVector!(C, 2, 3, Float32Array.from([10, 20, 30]));
    expect(Array.from(C)).toEqual([11, 22, 33, 14, 25, 36]);
    const s = Float32Array.from([1, 1, 1]);
    jsKernels.addColumnSums!(C, 2, 3, s);
    expect(Array.from(s)).toEqual([26, 48, 70]);
  });
});

describe('ReLU kernels', () => {
  /** Mixed signs with the awkward values in it: ±0, ±∞, NaN, subnormals. */
  function values(n: number, seed: number): Float32Array {
    const rng = new Rng(seed);
    const special = [0, -0, Infinity, -Infinity, NaN, 1e-45, -1e-45, 3.4e38, -3.4e38];
    return Float32Array.from({ length: n }, (_, i) => (i % 7 === 3 ? special[i % 9] : rng.uniform(-2, 2)));
  }
  const bits = (x: Float32Array) => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));

  // 1,027 and 4,098 take the wasm path (≥ 1,024 floats) with a partly filled last vector; 37 stays in JS.
  it.each([37, 1027, 4098])('wasm gives the JS loops’ bits for n = %i, forward and backward', (n) => {
    const a = values(n, n);
    const g = values(n, n + 1);
    const [outJs, outWasm] = [new Float32Array(n), new Float32Array(n)];
    jsKernels.relu!(a, outJs, n);
    wasmKernels!.relu!(a, outWasm, n);
    expect(bits(outWasm)).toEqual(bits(outJs));
    const [gxJs, gxWasm] = [values(n, n + 2), values(n, n + 2)];
    jsKernels.reluBackward!(a, g, gxJs, n);
    wasmKernels!.reluBackward!(a, g, gxWasm, n);
    expect(bits(gxWasm)).toEqual(bits(gxJs));
  });

  it('the JS loops are the branching definitions: max(0, a) with NaN → +0, and gx += g where a > 0', () => {
    const a = Float32Array.from([-1, 2, 0, -0, NaN, Infinity]);
    const out = new Float32Array(6);
    jsKernels.relu!(a, out, 6);
    expect(bits(out)).toEqual(bits(Float32Array.from([0, 2, 0, 0, 0, Infinity])));
    const gx = Float32Array.from([1, 1, 1, 1, 1, 1]);
    jsKernels.reluBackward!(a, Float32Array.from([5, 5, 5, 5, 5, NaN]), gx, 6);
    expect(Array.from(gx)).toEqual([1, 6, 1, 1, 1, NaN]);
  });
});

describe('Adam kernel', () => {
  const rng = new Rng(7);
  const filled = (n: number, lo: number, hi: number) =>
    Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
  const bits = (x: Float32Array) => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));

  // 1,025 and 3,000 take the wasm path (≥ 1,024 parameters), 1,025 with a half-filled last pair; 50 stays in JS.
  it.each([50, 1025, 3000])('wasm gives the JS loop’s bits for w, m and v over 20 steps, n = %i', (n) => {
    const start = [filled(n, -1, 1), filled(n, -0.01, 0.01), filled(n, 0, 1e-4)];
    const [js, wasm] = [start.map((a) => a.slice()), start.map((a) => a.slice())];
    for (let t = 1; t <= 20; t++) {
      const g = filled(n, -3, 3);
      g[t] = t % 2 ? 0 : -0; // zero gradients, both signs
      const step = {
        beta1: 0.9,
        beta2: 0.999,
        lr: 1e-3,
        eps: 1e-8,
        c1: 1 / (1 - 0.9 ** t),
        c2: 1 / (1 - 0.999 ** t),
      };
      jsKernels.adam!(js[0], g, js[1], js[2], n, step);
      wasmKernels!.adam!(wasm[0], g, wasm[1], wasm[2], n, step);
    }
    for (let i = 0; i < 3; i++) expect(bits(wasm[i])).toEqual(bits(js[i]));
    expect(bits(js[0])).not.toEqual(bits(start[0])); // the weights did move
  });
});

describe('LayerNorm dz kernel', () => {
  const rng = new Rng(9);
  const filled = (n: number, lo: number, hi: number) =>
    Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
  const bits = (x: Float32Array) => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));

  // 40 × 64 and 33 × 32 take the wasm path (≥ 1,024 values, even D); 3 × 64 stays in JS.
  it.each([
    [40, 64],
    [33, 32],
    [3, 64],
  ])('wasm gives the JS loop’s bits, %i rows × %i, every target mode', (rows, D) => {
    const n = rows * D;
    const base = {
      g: filled(n, -1, 1),
      xhat: filled(n + rows, -2, 2),
      gamma: filled(D, 0.5, 1.5),
      means: Float64Array.from({ length: 2 * rows }, () => rng.uniform(-0.1, 0.1)),
      rows,
      D,
    };
    for (const [roundDz, two] of [
      [false, false],
      [true, false],
      [true, true],
    ]) {
      const start = [filled(n, -1, 1), filled(n, -1, 1)];
      const [js, wasm] = [start.map((a) => a.slice()), start.map((a) => a.slice())];
      jsKernels.layerNormDz!({ ...base, g0: js[0], g1: two ? js[1] : null, roundDz });
      wasmKernels!.layerNormDz!({ ...base, g0: wasm[0], g1: two ? wasm[1] : null, roundDz });
      expect(bits(wasm[0])).toEqual(bits(js[0]));
      expect(bits(wasm[1])).toEqual(bits(js[1])); // untouched unless `two`
      expect(bits(js[0])).not.toEqual(bits(start[0]));
    }
  });
});

describe('copyBlocks kernel (attention heads split and merged)', () => {
  const rng = new Rng(11);
  const filled = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-2, 2));
  const bits = (x: Float32Array) => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));
  const [B, T, H, dk] = [8, 12, 4, 16]; // 6,144 floats: the wasm path
  const d = H * dk;
  const split = {
    counts: [B, T, H],
    srcStrides: [T * d, d, dk],
    dstStrides: [H * T * dk, dk, T * dk],
    len: dk,
  } as const;
  const merge = {
    counts: [B, T, H],
    srcStrides: [H * T * dk, dk, T * dk],
    dstStrides: [T * d, d, dk],
    len: dk,
  } as const;

  it.each([false, true])('wasm gives the JS loops’ bits, add = %s, split then merge', (add) => {
    const x = filled(B * T * d);
    const heads = [new Float32Array(x.length), new Float32Array(x.length)];
    jsKernels.copyBlocks!({ src: x, dst: heads[0], ...split, add: false });
    wasmKernels!.copyBlocks!({ src: x, dst: heads[1], ...split, add: false });
    expect(bits(heads[1])).toEqual(bits(heads[0]));
    const start = filled(x.length);
    const [js, wasm] = [start.slice(), start.slice()];
    jsKernels.copyBlocks!({ src: heads[0], dst: js, ...merge, add });
    wasmKernels!.copyBlocks!({ src: heads[0], dst: wasm, ...merge, add });
    expect(bits(wasm)).toEqual(bits(js));
    // Split then merge (written) is the identity; added, it is start + x.
    if (!add) expect(bits(js)).toEqual(bits(x));
    else expect(js[5]).toBe(Math.fround(start[5] + x[5]));
  });
});
