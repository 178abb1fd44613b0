import { describe, expect, it } from 'vitest';
import { histogramCaption, histogramModel } from './histogramModel';

const size = { bins: 4, log: false, innerW: 200, innerH: 100 };

describe('histogramModel', () => {
  it('bins every series on the same thresholds and leaves non-finite values out', () => {
    const list = [
      { label: 'a', values: [0, 0.1, 0.9, NaN] },
      { label: 'b', values: [0.5, Infinity] },
    ];
    const model = histogramModel({ list, ...size });
    expect(model.skipped).toEqual([1, 1]);
    expect(model.binned[0].map((b) => b.x0)).toEqual(model.binned[1].map((b) => b.x0));
    expect(model.binned[0].reduce((n, b) => n + b.length, 0)).toBe(3);
  });

  it('starts a log count axis below 1, so a bin with one value still shows', () => {
    const model = histogramModel({ list: [{ label: 'a', values: [1, 2, 3] }], ...size, log: true });
    expect(model.sy.domain()[0]).toBeLessThan(1);
    expect(model.sy(1)).toBeLessThan(100);
  });
});

describe('histogramCaption', () => {
  it('gives count, mean and std per series, or says there is nothing to show', () => {
    const list = [{ label: 'w', values: [1, 3, NaN] }];
    const model = histogramModel({ list, ...size });
    expect(histogramCaption('Weights.', list, model)).toBe(
      'Weights. w: 2 values, mean 2, std 1, 1 non-finite left out.',
    );
    expect(histogramCaption(undefined, [], { finite: [], skipped: [] })).toBe('No values to show.');
  });
});
