import { describe, expect, it } from 'vitest';
import { Capture } from '../nn/capture';
import { MultiHeadAttention } from '../nn/attention';
import { rand, type Tensor } from '../tensor';
import { checkGrad } from '../testing';
import { multiHeadAttentionCore } from './attention';
import { mul } from './elementwise';
import { scaledDotProductAttention } from './nn';
import { sum } from './reduce';
import { reshape, transpose } from './shape';

/** The composite the fused op replaces: split heads, scaledDotProductAttention, merge heads. */
function composite(q: Tensor, k: Tensor, v: Tensor, H: number, causal: boolean, mask?: number[]) {
  const split = (x: Tensor) => {
    const [B, T, d] = x.shape;
    return transpose(reshape(x, [B, T, H, d / H]), [0, 2, 1, 3]); // [B, H, T, dk]
  };
  const keyMask = mask === undefined ? undefined : { mask, matricesPerRow: H };
  const { output, weights } = scaledDotProductAttention(split(q), split(k), split(v), { causal, keyMask });
  const [B, Tq, d] = q.shape;
  return { output: reshape(transpose(output, [0, 2, 1, 3]), [B, Tq, d]), weights };
}

type Variant = 'fused' | 'composite';

/** Values and gradients of q, k, v for one loss Σ r ⊙ attention(q, k, v). */
function run(variant: Variant, causal: boolean, mask: number[] | undefined, Tq: number, Tk: number) {
  const [B, H, d] = [2, 3, 12];
  const q = rand([B, Tq, d], 1, -2, 2, { requiresGrad: true });
  const k = rand([B, Tk, d], 2, -2, 2, { requiresGrad: true });
  const v = rand([B, Tk, d], 3, -2, 2, { requiresGrad: true });
  const r = rand([B, Tq, d], 4, -1, 1);
  const { output, weights } =
    variant === 'fused'
      ? multiHeadAttentionCore(q, k, v, H, { causal, keyMask: mask })
      : composite(q, k, v, H, causal, mask);
  const values = { output: output.toArray(), weights: weights.toArray() };
  sum(mul(output, r)).backward();
  return { values, grads: [q, k, v].map((t) => Array.from(t.grad!)) };
}

describe('fused multi-head attention', () => {
  const cases: [string, boolean, number[] | undefined, number, number][] = [
    ['plain', false, undefined, 4, 4],
    ['causal', true, undefined, 5, 5],
    ['cross-attention with padded keys', false, [1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0], 3, 6],
    ['causal and padded, a row with every key hidden', true, [0, 1, 1, 1, 1, 1, 1, 1, 1, 0], 5, 5],
  ];
  for (const [name, causal, mask, Tq, Tk] of cases) {
    it(`is bit-identical to the composite ops, forward and backward: ${name}`, () => {
      const fused = run('fused', causal, mask, Tq, Tk);
      const reference = run('composite', causal, mask, Tq, Tk);
      expect(fused.values).toEqual(reference.values);
      expect(fused.grads).toEqual(reference.grads);
      expect(fused.grads.flat().some((g) => g !== 0)).toBe(true);
    });
  }

  it('matches its own finite differences with causal and padding masks (float64: nn/gradcheck.test.ts)', () => {
    const mask = [1, 1, 0, 1, 1, 1];
    checkGrad(
      (q, k, v) => multiHeadAttentionCore(q, k, v, 2, { causal: true, keyMask: mask }).output,
      [
        [2, 3, 4],
        [2, 3, 4],
        [2, 3, 4],
      ],
    );
  });

  it('rejects shapes, head counts and masks that do not fit', () => {
    const x = rand([2, 3, 4], 0);
    expect(() => multiHeadAttentionCore(x, x, x, 3)).toThrow(/heads do not divide/);
    expect(() => multiHeadAttentionCore(x, rand([2, 3, 6], 0), x, 2)).toThrow(/do not fit/);
    expect(() => multiHeadAttentionCore(x, x, x, 2, { keyMask: [1, 1] })).toThrow(/key mask/);
  });

  it('MultiHeadAttention trains bit-identically with the fused op (no capture) and the composite (capture on)', () => {
    const grads = (withCapture: boolean) => {
      const mha = new MultiHeadAttention({ dModel: 8, heads: 2 }, 5);
      if (withCapture) mha.setCapture(new Capture());
      const x = rand([2, 4, 8], 6, -1, 1, { requiresGrad: true });
      const m = rand([2, 5, 8], 7, -1, 1, { requiresGrad: true });
      sum(mul(mha.forward(x, m, false, [1, 1, 1, 0, 1, 1, 1, 1, 1, 0]), rand([2, 4, 8], 8))).backward();
      return [x, m, ...mha.parameters()].map((t) => Array.from(t.grad!));
    };
    expect(grads(false)).toEqual(grads(true));
  });
});
