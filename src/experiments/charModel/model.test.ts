import { describe, expect, it } from 'vitest';
import { oneHotSequence } from '../../core/data/text';
import { crossEntropy } from '../../core/losses';
import { Rng } from '../../core/random';
import { RNNCell } from '../../core/nn/rnn';
import {
  createCell,
  generate,
  gradientThroughTime,
  largestSingularValue,
  orthogonal,
  runCell,
} from './model';

describe('the notes’ worked example', () => {
  it('hidden size 5 over a one-hot vocabulary of 9: W_hh 5×5, W_xh 5×9, W_hy 9×5, 115 parameters', () => {
    const cell = createCell({ cell: 'rnn', vocabSize: 9, hidden: 5 }, 1) as RNNCell;
    expect(cell.W_hh.shape).toEqual([5, 5]);
    expect(cell.W_xh.shape).toEqual([5, 9]);
    expect(cell.W_hy!.shape).toEqual([9, 5]);
    expect(cell.parameters().reduce((n, p) => n + p.size, 0)).toBe(115);
    const out = runCell(cell, oneHotSequence([0, 1, 2], [1, 3], 9));
    expect(out.hiddens.shape).toEqual([1, 3, 5]);
    expect(out.outputs.shape).toEqual([1, 3, 9]);
  });
});

/** The summed cross-entropy of a sequence under an RNN, in float64 plain JS (the reference for BPTT). */
function referenceLoss(
  w: { xh: number[]; hh: number[]; hy: number[] },
  ids: number[],
  V: number,
  H: number,
): number {
  let h = new Array<number>(H).fill(0);
  let total = 0;
  for (let t = 0; t + 1 < ids.length; t++) {
    const next = new Array<number>(H).fill(0);
    for (let i = 0; i < H; i++) {
      let z = w.xh[i * V + ids[t]];
      for (let j = 0; j < H; j++) z += w.hh[i * H + j] * h[j];
      next[i] = Math.tanh(z);
    }
    h = next;
    const y = Array.from({ length: V }, (_, o) => h.reduce((s, hj, j) => s + w.hy[o * H + j] * hj, 0));
    const m = Math.max(...y);
    const logSum = m + Math.log(y.reduce((s, v) => s + Math.exp(v - m), 0));
    total += logSum - y[ids[t + 1]];
  }
  return total;
}

describe('backpropagation through time', () => {
  it('matches float64 finite differences of the summed loss on a short sequence', () => {
    const V = 4;
    const H = 3;
    const ids = [0, 2, 1, 3, 2, 0];
    const cell = createCell({ cell: 'rnn', vocabSize: V, hidden: H }, 7) as RNNCell;
    cell.W_hh.data.forEach((_, i) => (cell.W_hh.data[i] *= 1.5)); // a little recurrence worth checking
    const xs = oneHotSequence(ids.slice(0, -1), [1, ids.length - 1], V);
    const loss = crossEntropy(runCell(cell, xs).outputs, ids.slice(1), { reduction: 'sum' });
    loss.backward();
    const w = {
      xh: Array.from(cell.W_xh.data),
      hh: Array.from(cell.W_hh.data),
      hy: Array.from(cell.W_hy!.data),
    };
    expect(loss.item()).toBeCloseTo(referenceLoss(w, ids, V, H), 4);
    const eps = 1e-6;
    for (const [key, tensor] of [
      ['xh', cell.W_xh],
      ['hh', cell.W_hh],
      ['hy', cell.W_hy!],
    ] as const) {
      tensor.grad!.forEach((g, i) => {
        const plus = { ...w, [key]: w[key].map((v, j) => (j === i ? v + eps : v)) };
        const minus = { ...w, [key]: w[key].map((v, j) => (j === i ? v - eps : v)) };
        const fd = (referenceLoss(plus, ids, V, H) - referenceLoss(minus, ids, V, H)) / (2 * eps);
        expect(Math.abs(g - fd)).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
      });
    }
  });
});

describe('generation', () => {
  const cell = createCell({ cell: 'rnn', vocabSize: 6, hidden: 8 }, 3);

  it('is the same for the same seed, and differs for another seed', () => {
    const a = generate(cell, 6, [1, 2], 30, { temperature: 1 }, new Rng(5));
    const b = generate(cell, 6, [1, 2], 30, { temperature: 1 }, new Rng(5));
    const c = generate(cell, 6, [1, 2], 30, { temperature: 1 }, new Rng(6));
    expect(Array.from(a.ids)).toEqual(Array.from(b.ids));
    expect(Array.from(a.ids)).not.toEqual(Array.from(c.ids));
    expect(a.probs).toHaveLength(30);
    for (const p of a.probs) expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it('sharpens with a low temperature and flattens with a high one; greedy takes the argmax', () => {
    const cold = generate(cell, 6, [1], 1, { temperature: 0.2 }, new Rng(1)).probs[0];
    const warm = generate(cell, 6, [1], 1, { temperature: 1 }, new Rng(1)).probs[0];
    const hot = generate(cell, 6, [1], 1, { temperature: 5 }, new Rng(1)).probs[0];
    expect(Math.max(...cold)).toBeGreaterThan(Math.max(...warm));
    expect(Math.max(...hot)).toBeLessThan(Math.max(...warm));
    const greedy = generate(cell, 6, [1], 1, { greedy: true }, new Rng(1));
    expect(greedy.ids[0]).toBe(warm.indexOf(Math.max(...warm)));
  });

  it('starts from h₀ = 0 when the prompt is empty', () => {
    const g = generate(cell, 6, [], 5, { temperature: 1 }, new Rng(2));
    expect(g.ids).toHaveLength(5);
    expect(g.probs[0].every(Number.isFinite)).toBe(true);
  });
});

describe('gradients through time', () => {
  const probe = Int32Array.from({ length: 41 }, (_, t) => (t * 7) % 13);
  const curve = (radius: number) =>
    gradientThroughTime(createCell({ cell: 'rnn', vocabSize: 13, hidden: 48, radius }, 1), probe, 13).norms;

  it('decays with k when the spectral radius of W_hh is below 1 and grows when it is above', () => {
    const small = curve(0.6);
    const large = curve(2.5);
    expect(small[30]).toBeLessThan(1e-3 * small[0]);
    expect(large[30]).toBeGreaterThan(100 * large[0]);
    for (let k = 5; k < 40; k += 5) expect(small[k]).toBeLessThan(small[k - 5]);
  });

  it('starts W_hh with exactly the chosen spectral radius (a scaled rotation)', () => {
    const cell = createCell({ cell: 'rnn', vocabSize: 13, hidden: 16, radius: 1.7 }, 4) as RNNCell;
    expect(largestSingularValue(cell.W_hh.data, 16, 16)).toBeCloseTo(1.7, 3);
    const q = orthogonal(4, new Rng(1));
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const dot = [0, 1, 2, 3].reduce((s, k) => s + q[i * 4 + k] * q[j * 4 + k], 0);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
      }
  });
});
