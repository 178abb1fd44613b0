import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor';
import { relu } from './activations';

describe('relu (branch-free)', () => {
  it('gives exactly a > 0 ? a : 0 and adds exactly a > 0 ? g : 0, special values included', () => {
    const specials = [NaN, -NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-45, 3.5, -2.25, 3.4e38, -3.4e38];
    const values = [...specials, ...Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * 4)];
    const n = values.length;
    const x = new Tensor(Float32Array.from(values), [n], true);
    const grads = Float32Array.from(
      { length: n },
      (_, i) => specials[i % specials.length] * (i % 3 === 0 ? -1 : 1),
    );
    const y = relu(x);
    x.grad = Float32Array.from({ length: n }, (_, i) => i * 0.5); // gradients arrive on top of earlier ones
    y.backward(grads);
    const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(a).buffer));
    expect(bits(y.data)).toEqual(bits(Array.from(x.data, (a) => (a > 0 ? a : 0))));
    expect(bits(x.grad)).toEqual(
      bits(Array.from(x.data, (a, i) => Math.fround(i * 0.5 + (a > 0 ? grads[i] : 0)))),
    );
  });
});
