import { describe, expect, it } from 'vitest';
import { Capture } from '../nn/capture';
import { LSTMCell } from '../nn/rnn';
import { Rng } from '../random';
import { rand, type Tensor } from '../tensor';
import { checkGrad } from '../testing';
import { add, mul } from './elementwise';
import { sigmoid, tanh } from './activations';
import { lstmCellState, lstmHidden } from './recurrent';
import { slice } from './shape';
import { sum } from './reduce';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

/** The composite the fused ops replace (the LSTMCell's introspection path). */
function composite(z: Tensor, c: Tensor, H: number): { c: Tensor; h: Tensor } {
  const i = sigmoid(slice(z, 1, 0, H));
  const f = sigmoid(slice(z, 1, H, 2 * H));
  const g = tanh(slice(z, 1, 2 * H, 3 * H));
  const o = sigmoid(slice(z, 1, 3 * H, 4 * H));
  const cNew = add(mul(f, c), mul(i, g));
  return { c: cNew, h: mul(o, tanh(cNew)) };
}

describe('fused LSTM gates', () => {
  it('match float64 references (values and gradients)', () => {
    const [B, H] = [3, 4];
    const row = (z: number[], b: number, k: number, j: number) => z[b * 4 * H + k * H + j];
    const cellRef = (z: number[], c: number[]) =>
      c.map((cv, n) => {
        const [b, j] = [Math.floor(n / H), n % H];
        return sig(row(z, b, 1, j)) * cv + sig(row(z, b, 0, j)) * Math.tanh(row(z, b, 2, j));
      });
    checkGrad(
      lstmCellState,
      [
        [B, 4 * H],
        [B, H],
      ],
      { seed: 1, scaleRange: 3, reference: cellRef },
    );
    checkGrad(
      lstmHidden,
      [
        [B, 4 * H],
        [B, H],
      ],
      {
        seed: 2,
        scaleRange: 3,
        reference: (z, c) => c.map((cv, n) => sig(row(z, Math.floor(n / H), 3, n % H)) * Math.tanh(cv)),
      },
    );
    expect(() => lstmCellState(rand([2, 8], 0), rand([2, 3], 0))).toThrow(/\[B, 4H\]/);
  });

  it('are bit-identical to the composite ops, forward and backward, with gradients arriving from two sides', () => {
    const [B, H] = [5, 6];
    const run = (fused: boolean) => {
      const z1 = rand([B, 4 * H], 3, -4, 4, { requiresGrad: true });
      const z2 = rand([B, 4 * H], 4, -4, 4, { requiresGrad: true });
      const c0 = rand([B, H], 5, -2, 2, { requiresGrad: true });
      const step = (z: Tensor, c: Tensor) => {
        if (!fused) return composite(z, c, H);
        const cNew = lstmCellState(z, c);
        return { c: cNew, h: lstmHidden(z, cNew) };
      };
      // Two steps: c₁ feeds step 2 and h₁ (so its gradient has two parts, added in the same order).
      const s1 = step(z1, c0);
      const s2 = step(z2, s1.c);
      const r = rand([B, H], 6, -1, 1);
      const loss = add(sum(mul(s1.h, r)), add(sum(mul(s2.h, r)), sum(s2.c)));
      const values = [s1.c, s1.h, s2.c, s2.h].map((t) => t.toArray());
      loss.backward();
      return { values, grads: [z1, z2, c0].map((t) => Array.from(t.grad!)) };
    };
    const a = run(true);
    const b = run(false);
    expect(a.values).toEqual(b.values);
    expect(a.grads).toEqual(b.grads);
  });
});

describe('fused LSTM gates inside the LSTM cell', () => {
  it('LSTMCell trains bit-identically with fused gates (no capture) and composite gates (capture attached)', () => {
    const [B, T, I, H] = [4, 6, 5, 16];
    const train = (withCapture: boolean) => {
      const lstm = new LSTMCell({ inputSize: I, hiddenSize: H, outputSize: 0 }, 8);
      if (withCapture) lstm.setCapture(new Capture());
      const rng = new Rng(9);
      for (const p of lstm.parameters()) for (let i = 0; i < p.size; i++) p.data[i] = rng.uniform(-0.5, 0.5);
      const xs = rand([B, T, I], 10, -1, 1, { requiresGrad: true });
      const r = rand([B, T, H], 11, -1, 1);
      const trace: number[][] = [];
      for (let step = 0; step < 3; step++) {
        for (const p of lstm.parameters()) p.zeroGrad();
        const { hiddens, c } = lstm.forward(xs);
        const loss = add(sum(mul(hiddens, r)), sum(c!));
        loss.backward();
        trace.push([loss.item(), ...lstm.parameters().flatMap((p) => Array.from(p.grad!))]);
        for (const p of lstm.parameters()) for (let i = 0; i < p.size; i++) p.data[i] -= 0.1 * p.grad![i];
      }
      return trace;
    };
    expect(train(false)).toEqual(train(true));
  });
});
