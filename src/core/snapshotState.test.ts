/** getState / setState of the core's stateful parts (timeline snapshots): continuing from a state is exact. */
import { describe, expect, it } from 'vitest';
import { BatchSampler } from './data/batching';
import { Adam, SGD, type Optimizer } from './optim';
import { Rng } from './random';
import { Tensor } from './tensor';

describe('state of the core’s stateful parts', () => {
  it('Rng continues its stream exactly (including the cached Box–Muller value)', () => {
    const a = new Rng(9);
    a.normal();
    const saved = a.getState();
    const next = [a.normal(), a.nextU32(), a.next()];
    const b = new Rng(123);
    b.setState(saved);
    expect([b.normal(), b.nextU32(), b.next()]).toEqual(next);
  });

  it('BatchSampler continues with the same batches across epochs', () => {
    const a = new BatchSampler(10, { batchSize: 3 }, 4);
    for (let i = 0; i < 5; i++) a.next();
    const saved = a.getState();
    const next = Array.from({ length: 9 }, () => Array.from(a.next().indices));
    const b = new BatchSampler(10, { batchSize: 3 }, 99);
    b.setState(saved);
    expect(Array.from({ length: 9 }, () => Array.from(b.next().indices))).toEqual(next);
    expect(() => new BatchSampler(11, { batchSize: 3 }, 1).setState(saved)).toThrow(/dataset size/);
  });

  for (const make of [
    (p: Tensor[]) => new Adam(p, { lr: 0.1 }),
    (p: Tensor[]) => new SGD(p, { lr: 0.1, momentum: 0.9 }),
  ]) {
    it(`${make([]).constructor.name}: restoring weights + optimiser state gives bit-identical updates`, () => {
      const run = (opt: Optimizer, w: Tensor, steps: number) => {
        for (let i = 0; i < steps; i++) {
          w.grad!.set(w.data.map((x, j) => Math.sin(x * (j + 1) + i)));
          opt.step();
        }
      };
      const w = new Tensor(Float32Array.of(0.3, -1.2, 2), [3], true);
      const opt = make([w]);
      run(opt, w, 5);
      const saved = { data: w.data.slice(), opt: opt.getState() };
      run(opt, w, 7);
      const w2 = new Tensor(saved.data.slice(), [3], true);
      const opt2 = make([w2]);
      opt2.setState(saved.opt);
      run(opt2, w2, 7);
      expect(Array.from(w2.data)).toEqual(Array.from(w.data));
    });
  }
});
