import { describe, expect, it } from 'vitest';
import { gradOf, record, tracks } from './autograd';
import { mul } from './ops';
import { outTensor, rand, type Tensor } from './tensor';
import { checkGrad, checkParamGrads } from './testing';

/** x² with a deliberately wrong backward (x instead of 2x). */
function badSquare(x: Tensor): Tensor {
  const out = outTensor(x.shape, tracks(x));
  for (let i = 0; i < x.size; i++) out.data[i] = x.data[i] * x.data[i];
  if (out.requiresGrad) {
    record(out, 'badSquare', [x], () => {
      const g = out.grad!;
      const gx = gradOf(x)!;
      for (let i = 0; i < x.size; i++) gx[i] += g[i] * x.data[i];
    });
  }
  return out;
}

describe('checkGrad catches mistakes', () => {
  it('a wrong backward fails against float64 and against float32 finite differences', () => {
    expect(() => checkGrad(badSquare, [[4]], { reference: (x) => x.map((v) => v * v) })).toThrow(
      /d\/d input 0/,
    );
    expect(() => checkGrad(badSquare, [[4]])).toThrow(/d\/d input 0/);
  });
  it('a wrong forward fails against the reference', () => {
    expect(() => checkGrad(badSquare, [[3]], { reference: (x) => x.map((v) => v * v * v) })).toThrow(
      /forward/,
    );
  });
});

describe('checkParamGrads (modules: tensors read in place)', () => {
  it('passes a right backward, fails a wrong one by name, with and without a float64 reference, and leaves values as they were', () => {
    const w = rand([6], 1, -1, 1, { requiresGrad: true });
    w.name = 'w';
    const before = Array.from(w.data);
    const square = (x: number[]) => x.map((v) => v * v);
    expect(checkParamGrads([w], () => mul(w, w), { reference: square }).maxAbsError).toBeLessThan(1e-6);
    expect(checkParamGrads([w], () => mul(w, w), { sample: 4 }).maxAbsError).toBeLessThan(1e-3);
    expect(() => checkParamGrads([w], () => badSquare(w), { reference: square })).toThrow(
      /d\/d w \(tensor 0\)/,
    );
    expect(() => checkParamGrads([w], () => badSquare(w))).toThrow(/d\/d w/);
    expect(Array.from(w.data)).toEqual(before);
  });
});
