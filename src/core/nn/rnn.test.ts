import { describe, expect, it } from 'vitest';
import { noGrad } from '../autograd';
import { crossEntropy } from '../losses';
import { adam } from '../optim';
import { reshape } from '../ops/shape';
import { oneHot, type Tensor } from '../tensor';
import { Capture } from './capture';
import { LSTMCell, RNNCell } from './rnn';

const text = 'hello world';
const chars = [...new Set(text)];
const ids = [...text].map((c) => chars.indexOf(c));
const V = chars.length;
const T = ids.length - 1;
const xs = reshape(oneHot(ids.slice(0, T), V), [1, T, V]); // [1, T, V]
const targets = ids.slice(1);

/** Train on "hello world" (input: all but the last char, target: the next char) and return the losses. */
function train(model: RNNCell | LSTMCell, steps: number, lr: number): number[] {
  const opt = adam(model.parameters(), { lr });
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    const loss = crossEntropy(model.forward(xs).outputs, targets); // outputs [1, T, V]
    loss.backward();
    opt.step();
    losses.push(loss.item());
  }
  return losses;
}

/** Feed 'h', then each predicted character back in (greedy), for T steps. */
function generate(model: RNNCell | LSTMCell): string {
  return noGrad(() => {
    let out = 'h';
    let id = ids[0];
    let h: Tensor | undefined;
    let c: Tensor | undefined;
    for (let t = 0; t < T; t++) {
      const x = reshape(oneHot([id], V), [1, 1, V]);
      let y: Tensor;
      if (model instanceof RNNCell) {
        const r = model.forward(x, h);
        h = r.h;
        y = r.outputs;
      } else {
        const r = model.forward(x, h && c ? { h, c } : undefined);
        h = r.h;
        c = r.c;
        y = r.outputs;
      }
      id = y.toArray().indexOf(Math.max(...y.toArray()));
      out += chars[id];
    }
    return out;
  });
}

describe('recurrent cells', () => {
  it('an RNN memorises "hello world"', () => {
    const rnn = new RNNCell({ inputSize: V, hiddenSize: 16 }, 1);
    const losses = train(rnn, 150, 0.05);
    expect(losses[losses.length - 1]).toBeLessThan(0.05);
    expect(generate(rnn)).toBe(text);
  });

  it('an LSTM memorises "hello world"', () => {
    const lstm = new LSTMCell({ inputSize: V, hiddenSize: 16 }, 2);
    const losses = train(lstm, 150, 0.05);
    expect(losses[losses.length - 1]).toBeLessThan(0.05);
    expect(generate(lstm)).toBe(text);
  });

  it('same seed ⇒ bit-identical losses', () => {
    const a = train(new LSTMCell({ inputSize: V, hiddenSize: 8 }, 5), 20, 0.05);
    const b = train(new LSTMCell({ inputSize: V, hiddenSize: 8 }, 5), 20, 0.05);
    expect(b).toEqual(a);
  });

  it('capturing does not change the results (per-step and all-steps output paths agree)', () => {
    for (const make of [
      () => new LSTMCell({ inputSize: V, hiddenSize: 6 }, 7),
      () => new RNNCell({ inputSize: V, hiddenSize: 6 }, 7),
    ]) {
      const plain = make().forward(xs).outputs.toArray();
      const m = make();
      m.setCapture(new Capture());
      const captured = m.forward(xs).outputs.toArray();
      captured.forEach((v, i) => expect(v).toBeCloseTo(plain[i], 5));
    }
  });

  it('the lesson’s shapes: hidden 5, vocabulary 9 ⇒ W_hh 5×5, W_xh 5×9, W_hy 9×5; no biases', () => {
    const rnn = new RNNCell({ inputSize: 9, hiddenSize: 5 }, 0);
    expect(rnn.W_hh.shape).toEqual([5, 5]);
    expect(rnn.W_xh.shape).toEqual([5, 9]);
    expect(rnn.W_hy!.shape).toEqual([9, 5]);
    expect(rnn.parameters().length).toBe(3);
  });

  it('captures LSTM gates, cell and hidden states per time step, with gradients', () => {
    const lstm = new LSTMCell({ inputSize: V, hiddenSize: 4 }, 3);
    const cap = new Capture();
    lstm.setCapture(cap);
    crossEntropy(lstm.forward(xs).outputs, targets).backward();
    const snap = cap.snapshot();
    for (const name of ['i', 'f', 'g', 'o', 'c', 'h', 'y']) expect(snap[name]).toHaveLength(T);
    const f0 = snap.f[0];
    expect(f0.shape).toEqual([1, 4]);
    for (const v of f0.value) expect(v > 0 && v < 1).toBe(true);
    expect(snap.c[3].grad).not.toBeNull();
    expect(snap.y[5].grad).not.toBeNull();
    // c₁ = f₁ ⊙ c₀ + i₁ ⊙ g₁ with c₀ = 0
    const i0 = snap.i[0].value;
    const g0 = snap.g[0].value;
    snap.c[0].value.forEach((c, k) => expect(c).toBeCloseTo(i0[k] * g0[k], 6));
  });
});
