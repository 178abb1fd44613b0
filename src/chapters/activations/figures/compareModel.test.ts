import { describe, expect, it } from 'vitest';
import type { CompareCurvesView, CompareDataView } from '../../../experiments/activations/views';
import { boundaryPoints, lossSeries } from './compareModel';

const f32 = (...v: number[]) => Float32Array.from(v);
const f64 = (...v: number[]) => Float64Array.from(v);

describe('boundaryPoints', () => {
  it('lists training points, then test points, with their labels', () => {
    const data: CompareDataView = {
      kind: 'classify',
      inDim: 2,
      trainX: f32(1, 2, 3, 4),
      trainY: f32(0, 1),
      testX: f32(5, 6),
      testY: f32(1),
    };
    expect(boundaryPoints(data)).toEqual([
      { x: 1, y: 2, label: 0, test: false },
      { x: 3, y: 4, label: 1, test: false },
      { x: 5, y: 6, label: 1, test: true },
    ]);
  });

  it('has no points for a regression or before the first frame', () => {
    const data: CompareDataView = {
      kind: 'regress',
      inDim: 1,
      trainX: f32(1),
      trainY: f32(1),
      testX: f32(),
      testY: f32(),
    };
    expect(boundaryPoints(data)).toEqual([]);
    expect(boundaryPoints(undefined)).toEqual([]);
  });
});

describe('lossSeries', () => {
  const curves: CompareCurvesView = {
    x: f64(0, 1),
    trainA: f64(2, 1),
    trainB: f64(3, 2),
    testA: f64(2.5, 1.5),
    testB: f64(3.5, 2.5),
    hasB: true,
  };

  it('orders train before test and dashes the test curves', () => {
    const series = lossSeries(curves, { a: 'ReLU', b: 'tanh' }, 'blue', 'orange');
    expect(series.map((s) => [s.label, s.color, s.dashed ?? false])).toEqual([
      ['A train (ReLU)', 'blue', false],
      ['B train (tanh)', 'orange', false],
      ['A test', 'blue', true],
      ['B test', 'orange', true],
    ]);
  });

  it('leaves B out when it does not run, and is empty before the first frame', () => {
    const labels = lossSeries({ ...curves, hasB: false }, { a: 'ReLU', b: null }, 'blue', 'orange').map(
      (s) => s.label,
    );
    expect(labels).toEqual(['A train (ReLU)', 'A test']);
    expect(lossSeries(undefined, { a: 'ReLU', b: null }, 'blue', 'orange')).toEqual([]);
  });
});
