import { describe, expect, it } from 'vitest';
import { adam, clipGradNorm, momentum, penaltyValue, sgd } from './optim';
import { asParameter, tensor } from './tensor';

const p = (values: number[], decay = true) => asParameter(tensor(values), 'p', decay);

describe('optimisers', () => {
  it('sgd: θ ← θ − α·g, and lr changes live', () => {
    const w = p([1, -2]);
    const opt = sgd([w], { lr: 0.1 });
    w.grad!.set([1, 1]);
    opt.step();
    expect(Array.from(w.data)).toEqual([expect.closeTo(0.9, 6), expect.closeTo(-2.1, 6)]);
    opt.lr = 1;
    opt.step();
    expect(w.data[0]).toBeCloseTo(-0.1, 6);
    opt.zeroGrad();
    expect(Array.from(w.grad!)).toEqual([0, 0]);
  });

  it('momentum: v ← μv + g; θ ← θ − αv', () => {
    const w = p([0]);
    const opt = momentum([w], { lr: 1, momentum: 0.5 });
    w.grad![0] = 1;
    opt.step(); // v = 1, θ = −1
    opt.step(); // v = 1.5, θ = −2.5
    expect(w.data[0]).toBeCloseTo(-2.5, 6);
  });

  it('adam: first step moves every weight by ≈ lr against the gradient sign', () => {
    const w = p([0, 0, 0]);
    const opt = adam([w], { lr: 0.01, eps: 1e-8 });
    w.grad!.set([3, -0.001, 0]);
    opt.step();
    expect(w.data[0]).toBeCloseTo(-0.01, 6);
    expect(w.data[1]).toBeCloseTo(0.01, 4);
    expect(w.data[2]).toBe(0);
  });

  it('L1 and L2 penalties add λ·sign(θ) and 2λθ to weights, not to biases', () => {
    const w = p([2, -3]);
    const b = p([5], false);
    const opt = sgd([w, b], { lr: 1, l1: 0.1, l2: 0.5 });
    expect(penaltyValue([w, b], 0.1, 0.5)).toBeCloseTo(0.1 * 5 + 0.5 * 13, 6);
    opt.step(); // grads were 0: only penalties act
    expect(w.data[0]).toBeCloseTo(2 - 0.1 - 2, 6);
    expect(w.data[1]).toBeCloseTo(-3 + 0.1 + 3, 6);
    expect(b.data[0]).toBe(5);
  });

  it('clipGradNorm scales to the max global norm and reports the norm before', () => {
    const a = p([0, 0]);
    const b = p([0]);
    a.grad!.set([3, 0]);
    b.grad!.set([4]);
    expect(clipGradNorm([a, b], 1)).toBeCloseTo(5, 6);
    expect(a.grad![0]).toBeCloseTo(0.6, 6);
    expect(b.grad![0]).toBeCloseTo(0.8, 6);
    const opt = sgd([a, b], { lr: 0, clipNorm: 0.5 });
    opt.step();
    expect(opt.lastGradNorm).toBeCloseTo(1, 5);
    expect(b.grad![0]).toBeCloseTo(0.4, 6);
  });
});
