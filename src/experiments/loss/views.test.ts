import { describe, expect, it } from 'vitest';
import { isGridView } from '../gridView';
import { createLogistic } from './logistic';
import { createSaturation } from './saturation';
import { createSoftmaxClassifier } from './softmaxClassifier';
import { isFloat32, isNumberPair, shapeOf } from '../viewShape';
import { isClassProbsGridView, isLogisticStateView, isPointsView, isSaturationHistoryView } from './views';

describe('shapeOf', () => {
  type Pair = { a: number; b: Float32Array };
  const isPair = shapeOf<Pair>({ a: (v) => typeof v === 'number', b: isFloat32 }, (p) => p.b.length === p.a);

  it('accepts an object whose fields pass their checks, extra fields allowed', () => {
    expect(isPair({ a: 2, b: new Float32Array(2) })).toBe(true);
    expect(isPair({ a: 2, b: new Float32Array(2), extra: 'x' })).toBe(true);
  });

  it('rejects a missing or mistyped field, a failed relation, and non-objects', () => {
    expect(isPair({ a: 2 })).toBe(false);
    expect(isPair({ a: '2', b: new Float32Array(2) })).toBe(false);
    expect(isPair({ a: 2, b: new Float64Array(2) })).toBe(false);
    expect(isPair({ a: 3, b: new Float32Array(2) })).toBe(false);
    for (const v of [undefined, null, 2, 'a', [2, new Float32Array(2)], new Float32Array(2)])
      expect(isPair(v)).toBe(false);
  });

  it('isNumberPair wants exactly two numbers', () => {
    expect(isNumberPair([0, 1])).toBe(true);
    expect(isNumberPair([0, 1, 2])).toBe(false);
    expect(isNumberPair([0, '1'])).toBe(false);
    expect(isNumberPair(new Float32Array(2))).toBe(false);
  });
});

describe('loss views: what the trainers send passes its declared check', () => {
  it('loss-logistic', () => {
    const t = createLogistic({ lr: 1, th1: -4, th2: 3 }, 1);
    t.step(3);
    const v = t.views(['surface', 'path', 'state', 'points']);
    expect(isGridView(v.surface)).toBe(true);
    expect(isFloat32(v.path)).toBe(true);
    expect(isLogisticStateView(v.state)).toBe(true);
    expect(isPointsView(v.points)).toBe(true);
  });

  it('loss-softmax', () => {
    const t = createSoftmaxClassifier({ dataset: 'blobs', hidden: 8, lr: 0.5, sign: 'correct' }, 1);
    t.step(2);
    const v = t.views(['probs', 'points', 'pointProbs']);
    expect(isClassProbsGridView(v.probs)).toBe(true);
    expect(isPointsView(v.points)).toBe(true);
    expect(isFloat32(v.pointProbs)).toBe(true);
    expect(v.pointProbs!.length).toBe(3 * v.points!.y.length);
  });

  it('loss-saturation', () => {
    const t = createSaturation({ lr: 1, wrong: 8 }, 1);
    t.step(2);
    expect(isSaturationHistoryView(t.views(['history']).history)).toBe(true);
  });
});

describe('loss views: a view of another shape is rejected', () => {
  it('a one-value grid (the logistic surface) is not a three-class probability grid, and back', () => {
    const surface = createLogistic({ lr: 1, th1: -4, th2: 3 }, 1).views(['surface']).surface;
    expect(isClassProbsGridView(surface)).toBe(false);
    const probs = createSoftmaxClassifier({ dataset: 'blobs', hidden: 0, lr: 0.5, sign: 'correct' }, 1).views(
      ['probs'],
    ).probs;
    expect(isGridView(probs)).toBe(false);
  });

  it('points whose x is not [n, 2] for n labels, a partial state, a history with a missing run', () => {
    expect(isPointsView({ x: new Float32Array(3), y: new Float32Array(2) })).toBe(false);
    expect(isLogisticStateView({ th1: 1, th2: 2, loss: 0.5 })).toBe(false);
    const f = new Float32Array(4);
    expect(isSaturationHistoryView({ accMse: f, accBce: f, sqMse: f })).toBe(false);
  });
});
