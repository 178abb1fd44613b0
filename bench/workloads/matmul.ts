// Matmul cases on the shapes W3 uses: the forward products and the two transposed forms backprop needs
// (dW = Xᵀ·dY and dX = dY·Wᵀ), plus the batched attention product QKᵀ.
import { makeRng, normalArray } from '../prng';
import type { MatmulCase } from '../types';

export function makeMatmulCases(seed = 4): MatmulCase[] {
  const rng = makeRng(seed);
  const tokens = 32 * 12; // batch × length
  const make = (
    name: string,
    batch: number,
    m: number,
    k: number,
    n: number,
    transA: boolean,
    transB: boolean,
  ) => ({
    name,
    batch,
    m,
    k,
    n,
    transA,
    transB,
    a: normalArray(rng, batch * m * k, 1),
    b: normalArray(rng, batch * k * n, 1),
  });
  return [
    make('x·Wq [384×64]·[64×64]', 1, tokens, 64, 64, false, false),
    make('x·W1 [384×64]·[64×256]', 1, tokens, 64, 256, false, false),
    make('dW1=xᵀ·dY [64×384]·[384×256]', 1, 64, tokens, 256, true, false),
    make('dX=dY·W1ᵀ [384×256]·[256×64]', 1, tokens, 256, 64, false, true),
    make('QKᵀ [128×12×16]·[128×16×12]', 32 * 4, 12, 16, 12, false, true),
  ];
}

/** Floating-point operations of one product (multiply + add). */
export function matmulFlops(c: MatmulCase): number {
  return 2 * c.batch * c.m * c.k * c.n;
}
