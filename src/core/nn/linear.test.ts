import { describe, expect, it } from 'vitest';
import { noGrad } from '../autograd';
import { BatchSampler, gatherRows } from '../data/batching';
import { circle, xor } from '../data/datasets2d';
import { binaryCrossEntropy } from '../losses';
import { adam, sgd } from '../optim';
import { getState, loadState } from '../serialize';
import { pooledSize } from '../pool';
import { tapeLength } from '../autograd';
import { Tensor, tensor } from '../tensor';
import { Capture } from './capture';
import { MLP } from './linear';

function accuracy(model: MLP, x: Float32Array, y: Float32Array): number {
  const logits = noGrad(() => model.forward(tensor(x, [y.length, 2])));
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((logits.data[i] > 0 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

function trainMLP(data: { x: Float32Array; y: Float32Array; n: number }, steps: number, seed: number) {
  const model = new MLP({ sizes: [2, 8, 8, 1], activation: 'tanh' }, seed);
  const opt = adam(model.parameters(), { lr: 0.03 });
  const sampler = new BatchSampler(data.n, { batchSize: 20 }, seed);
  const xb = new Float32Array(40);
  const yb = new Float32Array(20);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { indices } = sampler.next();
    const x = new Tensor(gatherRows(data.x, 2, indices, xb.subarray(0, indices.length * 2)), [
      indices.length,
      2,
    ]);
    opt.zeroGrad();
    const loss = binaryCrossEntropy(
      model.forward(x),
      gatherRows(data.y, 1, indices, yb.subarray(0, indices.length)),
    );
    loss.backward();
    opt.step();
    losses.push(loss.item());
  }
  return { model, losses };
}

describe('MLP: training', () => {
  it('solves XOR', () => {
    const data = xor({ n: 200 }, 1);
    const { model } = trainMLP(data, 600, 1);
    expect(accuracy(model, data.x, data.y)).toBeGreaterThanOrEqual(0.97);
  });

  it('solves the circle dataset', () => {
    const data = circle({ n: 200, noise: 0.02 }, 2);
    const { model } = trainMLP(data, 600, 2);
    expect(accuracy(model, data.x, data.y)).toBeGreaterThanOrEqual(0.97);
  });

  it('10,000 training steps reuse the same buffers (the pool neither grows nor shrinks; the tape is emptied)', () => {
    const data = circle({ n: 500, noise: 0.05 }, 5);
    const model = new MLP({ sizes: [2, 8, 8, 1], activation: 'tanh' }, 5);
    const opt = sgd(model.parameters(), { lr: 0.03 });
    const sampler = new BatchSampler(data.n, { batchSize: 10 }, 5);
    const xb = new Float32Array(20);
    const yb = new Float32Array(10);
    const x = new Tensor(xb, [10, 2]);
    const step = () => {
      const { indices } = sampler.next();
      gatherRows(data.x, 2, indices, xb);
      gatherRows(data.y, 1, indices, yb);
      opt.zeroGrad();
      const loss = binaryCrossEntropy(model.forward(x), yb);
      loss.backward();
      opt.step();
      return loss.item();
    };
    for (let i = 0; i < 10; i++) step();
    const pooled = pooledSize();
    let last = 0;
    for (let i = 0; i < 10_000; i++) last = step();
    expect(pooledSize()).toBe(pooled);
    expect(tapeLength()).toBe(0);
    expect(last).toBeLessThan(0.3);
  });

  it('same seed ⇒ bit-identical losses', () => {
    const data = circle({ n: 100 }, 3);
    const a = trainMLP(data, 50, 9).losses;
    const b = trainMLP(data, 50, 9).losses;
    expect(b).toEqual(a);
    expect(trainMLP(data, 50, 10).losses).not.toEqual(a);
  });
});

describe('MLP: activations, state and configuration', () => {
  it('per-layer activations and their gradients on request', () => {
    const model = new MLP({ sizes: [2, 3, 1], activation: 'relu' }, 0);
    const cap = new Capture();
    model.setCapture(cap);
    const loss = binaryCrossEntropy(
      model.forward(
        tensor([
          [0.5, -1],
          [1, 2],
        ]),
      ),
      [1, 0],
    );
    loss.backward();
    const snap = cap.snapshot();
    expect(Object.keys(snap).sort()).toEqual(['layers.0.a', 'layers.0.z', 'layers.1.a', 'layers.1.z']);
    expect(snap['layers.0.a'][0].shape).toEqual([2, 3]);
    expect(snap['layers.1.z'][0].grad).not.toBeNull();
    const norms = model.gradNorms();
    expect(Object.keys(norms)).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
    ]);
    expect(norms['layers.1.weight']).toBeGreaterThan(0);
    cap.maxPerName = 2;
    for (let i = 0; i < 3; i++) model.forward(tensor([[i, i]]));
    expect(cap.tensors('layers.0.a').map((t) => t.at(0, 0))).toHaveLength(2); // bounded without clear()
    model.setCapture(null);
    cap.clear();
    model.forward(tensor([[1, 1]]));
    expect(cap.names()).toEqual([]);
  });

  it('state round-trips and bad state is rejected without touching the model', () => {
    const a = new MLP({ sizes: [2, 4, 1] }, 1);
    const b = new MLP({ sizes: [2, 4, 1] }, 2);
    const state = getState(a);
    expect(loadState(b, state)).toEqual({ ok: true, problems: [] });
    expect(getState(b)).toEqual(state);
    const before = getState(b);
    const bad = { ...state, 'layers.0.weight': new Float32Array(3), extra: new Float32Array(1) };
    const res = loadState(b, bad);
    expect(res.ok).toBe(false);
    expect(res.problems.join(' ')).toMatch(/layers\.0\.weight.*3 values.*unknown 'extra'/);
    expect(getState(b)).toEqual(before);
    expect(loadState(b, null).ok).toBe(false);
    expect(loadState(b, { ...state, 'layers.1.bias': [NaN] }).problems[0]).toMatch(/non-finite/);
  });

  it('rejects impossible configurations', () => {
    expect(() => new MLP({ sizes: [2] }, 0)).toThrow(/sizes/);
    expect(() => new MLP({ sizes: [2, 0, 1] }, 0)).toThrow(/positive/);
    expect(() => new MLP({ sizes: [2, 3, 1], activation: ['tanh'] }, 0)).toThrow(/activations/);
  });

  it('plain SGD on a batch reduces the loss', () => {
    const data = circle({ n: 50 }, 4);
    const model = new MLP({ sizes: [2, 8, 1], activation: 'tanh' }, 4);
    const opt = sgd(model.parameters(), { lr: 0.5 });
    const x = tensor(data.x, [50, 2]);
    const first = binaryCrossEntropy(model.forward(x), data.y);
    const l0 = first.item();
    first.backward();
    opt.step();
    let l = l0;
    for (let i = 0; i < 100; i++) {
      opt.zeroGrad();
      const loss = binaryCrossEntropy(model.forward(x), data.y);
      loss.backward();
      opt.step();
      l = loss.item();
    }
    expect(l).toBeLessThan(l0 * 0.8);
  });
});
