import { describe, expect, it } from 'vitest';
import { noGrad, tapeLength } from './autograd';
import { add, mul, scale, sigmoid, sub, sum, tanh } from './ops';
import { asParameter, tensor } from './tensor';

describe('the lesson’s four-neuron chain (backprop chapter)', () => {
  // a₁ → a₂ = σ(w₁a₁ + b₁) → a₃ = σ(w₂a₂ + b₂) → a₄ = σ(w₃a₃ + b₃),  C = ½(a₄ − y)²
  // a₁ = 1.5, (w₁, b₁) = (0.5, 0.1), (w₂, b₂) = (−1.2, 0.3), (w₃, b₃) = (0.8, −0.2), y = 0.25.
  //
  // Worked by hand (σ' = σ(1 − σ)):
  //   z₂ = 0.85        a₂ = 0.700567142   z₃ = −0.540680571  a₃ = 0.368029278   z₄ = 0.094423423  a₄ = 0.523588333
  //   ∂C/∂a₄ = a₄ − y = 0.273588333;   δ₄ = ∂C/∂z₄ = 0.273588333 · a₄(1 − a₄) = 0.068244856
  //   ∂C/∂w₃ = δ₄·a₃ = 0.025116105     ∂C/∂b₃ = δ₄ = 0.068244856
  //   δ₃ = δ₄·w₃ · a₃(1 − a₃) = 0.012698114
  //   ∂C/∂w₂ = δ₃·a₂ = 0.008895882     ∂C/∂b₂ = δ₃ = 0.012698114
  //   δ₂ = δ₃·w₂ · a₂(1 − a₂) = −0.003196463
  //   ∂C/∂w₁ = δ₂·a₁ = −0.004794695    ∂C/∂b₁ = δ₂ = −0.003196463
  it('all six partial derivatives match the hand-derived values', () => {
    const P = (v: number) => asParameter(tensor([v]));
    const [w1, b1, w2, b2, w3, b3] = [P(0.5), P(0.1), P(-1.2), P(0.3), P(0.8), P(-0.2)];
    const a1 = tensor([1.5]);
    const a2 = sigmoid(add(mul(w1, a1), b1));
    const a3 = sigmoid(add(mul(w2, a2), b2));
    const a4 = sigmoid(add(mul(w3, a3), b3));
    const C = scale(mul(sub(a4, tensor([0.25])), sub(a4, tensor([0.25]))), 0.5);
    expect(a4.item()).toBeCloseTo(0.523588333, 6);
    expect(C.item()).toBeCloseTo(0.037425288, 7);
    C.backward();
    expect(w3.grad![0]).toBeCloseTo(0.025116105, 7);
    expect(b3.grad![0]).toBeCloseTo(0.068244856, 7);
    expect(w2.grad![0]).toBeCloseTo(0.008895882, 7);
    expect(b2.grad![0]).toBeCloseTo(0.012698114, 7);
    expect(w1.grad![0]).toBeCloseTo(-0.004794695, 7);
    expect(b1.grad![0]).toBeCloseTo(-0.003196463, 7);
  });
});

describe('autograd mechanics', () => {
  it('gradients add up when a tensor is used twice (x·x + x)', () => {
    const x = tensor([3], [1], { requiresGrad: true });
    add(mul(x, x), x).backward();
    expect(x.grad![0]).toBe(7);
  });

  it('noGrad records nothing and its outputs do not require grad', () => {
    const w = asParameter(tensor([1, 2]));
    const before = tapeLength();
    const y = noGrad(() => tanh(scale(w, 2)));
    expect(tapeLength()).toBe(before);
    expect(y.requiresGrad).toBe(false);
    expect(() => y.backward()).toThrow(/does not require grad/);
  });

  it('backward on a non-scalar needs a seed of the right size', () => {
    const w = asParameter(tensor([1, 2]));
    const y = scale(w, 3);
    expect(() => y.backward()).toThrow(/scalar/);
    expect(() => y.backward([1])).toThrow(/seed/);
    y.backward([1, 10]);
    expect(Array.from(w.grad!)).toEqual([3, 30]);
  });

  it('a second backward() on the same graph throws instead of silently giving zero gradients', () => {
    const w = asParameter(tensor([1, 2]));
    const y = tanh(w);
    const l1 = sum(y);
    const l2 = sum(scale(y, 2));
    l1.backward();
    expect(() => l2.backward()).toThrow(/already backpropagated/);
    sum(add(tanh(w), scale(tanh(w), 2))).backward(); // the supported way: one summed loss
  });

  it('recorded buffers are recycled one backward later; detach() keeps a copy', () => {
    const w = asParameter(tensor([1, 2, 3]));
    const h = tanh(w);
    const kept = h.detach();
    const loss = sum(h);
    loss.backward();
    expect(h.data.length).toBe(3); // still readable after its own backward
    expect(loss.item()).toBeCloseTo(Math.tanh(1) + Math.tanh(2) + Math.tanh(3), 6);
    sum(scale(w, 2)).backward(); // the next step's backward recycles the first graph
    expect(h.data.length).toBe(0);
    expect(kept.toArray()).toEqual(Array.from(Float32Array.from([1, 2, 3].map(Math.tanh))));
  });
});
