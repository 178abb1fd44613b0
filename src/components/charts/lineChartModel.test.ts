import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './SeriesBuffer';
import {
  seriesKey,
  emaSmooth,
  logStepTickFormat,
  pixelsPerDecade,
  resolve,
  smoothedY,
  unionExtents,
  extents,
  xScaleFor,
} from './lineChartModel';

const opts = { log: false, logX: true, innerW: 400, innerH: 200 };

describe('emaSmooth (debiased exponential moving average)', () => {
  it('starts at the first value instead of being pulled towards 0', () => {
    const s = emaSmooth([4, 4, 4], 3, 0.9);
    for (const v of s) expect(v).toBeCloseTo(4, 12); // an undebiased average would start at 0.4
  });

  it('matches the TensorBoard formula point by point', () => {
    const ys = [1, 3, 2, 5];
    const w = 0.6;
    let acc = 0;
    const expected = ys.map((v, i) => {
      acc = acc * w + (1 - w) * v;
      return acc / (1 - w ** (i + 1));
    });
    const got = emaSmooth(ys, ys.length, w);
    expected.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    expect(got[1]).toBeCloseTo((0.4 * 3 + 0.24 * 1) / (1 - 0.36), 12);
  });

  it('reduces the noise of a noisy loss while following its trend', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    const n = 2000;
    const trend = Array.from({ length: n }, (_, i) => 2 * Math.exp(-i / 500));
    const noisy = trend.map((t) => t + rand());
    const s = emaSmooth(noisy, n, 0.9);
    const rms = (a: ArrayLike<number>) =>
      Math.sqrt(trend.slice(100).reduce((acc, t, i) => acc + (a[i + 100] - t) ** 2, 0) / (n - 100));
    expect(rms(s)).toBeLessThan(rms(noisy) / 2.5);
  });

  it('leaves gaps for non-finite values and does not let them into the average', () => {
    const s = emaSmooth([2, NaN, Infinity, 2], 4, 0.9);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(Number.isNaN(s[1]) && Number.isNaN(s[2])).toBe(true);
    expect(s[3]).toBeCloseTo(2, 12);
  });

  it('decays per training step, so sparse points are smoothed over as many steps as dense ones', () => {
    // a loss kept every 10th step, and the same loss logged at every step (constant between the kept ones)
    const steps = [0, 10, 20, 30];
    const ys = [4, 3, 2, 1];
    const sparse = emaSmooth(ys, 4, 0.9, steps);
    const dense = emaSmooth(
      Array.from({ length: 31 }, (_, s) => ys[Math.ceil(s / 10)]),
      31,
      0.9,
    );
    steps.forEach((s, i) => expect(sparse[i]).toBeCloseTo(dense[s], 12));
    // per point instead of per step, the kept-every-10th curve would lag far behind
    expect(emaSmooth(ys, 4, 0.9)[3]).toBeGreaterThan(sparse[3] + 0.5);
  });

  it('weight 0 is the raw series', () => {
    expect(Array.from(emaSmooth([1, 5, 2], 3, 0))).toEqual([1, 5, 2]);
  });
});

describe('smoothedY', () => {
  it('extends a live SeriesBuffer incrementally with the same result as smoothing it whole', () => {
    const b = new SeriesBuffer(1000);
    const push = (from: number, to: number) => {
      for (let i = from; i < to; i++) b.push(i, Math.sin(i) + i / 100);
    };
    push(0, 50);
    const [line] = resolve([{ label: 'loss', buffer: b }], () => 'red');
    smoothedY(line);
    push(50, 120);
    const [grown] = resolve([{ label: 'loss', buffer: b }], () => 'red');
    const inc = smoothedY(grown);
    const whole = emaSmooth(b.y, b.length, 0.9, b.x);
    for (let i = 0; i < b.length; i++) expect(inc[i]).toBeCloseTo(whole[i], 12);
  });

  it('starts again when the buffer is compacted or cleared (its generation changes)', () => {
    const b = new SeriesBuffer(64);
    for (let i = 0; i < 200; i++) b.push(i, i % 7);
    const [line] = resolve([{ label: 'loss', buffer: b }], () => 'red');
    const s = smoothedY(line);
    const whole = emaSmooth(b.y, b.length, 0.9, b.x);
    for (let i = 0; i < b.length; i++) expect(s[i]).toBeCloseTo(whole[i], 12);
  });
});

describe('log step axis', () => {
  it('runs from step 1 to the last step, and places step 0 nowhere (not clamped to the edge)', () => {
    const sx = xScaleFor([0, 5000], opts);
    expect(sx.domain()).toEqual([1, 5000]);
    expect(sx(1)).toBe(0);
    expect(sx(5000)).toBeCloseTo(400, 9);
    expect(Number.isFinite(sx(0))).toBe(false);
  });

  it('spans at least one decade for a short run, and keeps a fixed upper domain', () => {
    expect(xScaleFor([0, 3], opts).domain()).toEqual([1, 10]);
    expect(xScaleFor(null, opts).domain()).toEqual([1, 10]);
    expect(xScaleFor([0, 30], { ...opts, xDomain: [0, 1000] }).domain()).toEqual([1, 1000]);
  });

  it('stays linear (and padded over the data) when off', () => {
    const sx = xScaleFor([0, 100], { ...opts, logX: false });
    expect(sx(50)).toBeCloseTo(200, 9);
    expect(pixelsPerDecade(sx)).toBe(0);
  });

  it('labels powers of ten, and 2 and 5 × 10ⁿ only where a decade is wide enough', () => {
    const sx = xScaleFor([0, 100000], opts);
    expect(pixelsPerDecade(sx)).toBeCloseTo(80, 9);
    const narrow = logStepTickFormat(pixelsPerDecade(sx), 12);
    const ticks = sx
      .ticks(8)
      .map(narrow)
      .filter((t) => t !== '');
    expect(ticks).toEqual(['1', '10', '100', '1000', '10000', '100000']);
    const wide = logStepTickFormat(200, 12);
    expect([1, 2, 3, 5, 10, 20].map(wide)).toEqual(['1', '2', '', '5', '10', '20']);
  });
});

describe('unionExtents', () => {
  it('joins the series and, for a log y axis, starts at the smallest positive value', () => {
    const lines = resolve(
      [
        { label: 'a', y: [0, 2, 4] },
        { label: 'b', y: [0.5, 8], x: [10, 20] },
      ],
      () => 'red',
    );
    const ext = lines.map(extents);
    expect(unionExtents(ext, false)).toEqual({ x: [0, 20], y: [0, 8] });
    expect(unionExtents(ext, true).y).toEqual([0.5, 8]);
  });
});

describe('seriesKey', () => {
  it("changes with a series' length, unless the chart has a version that announces growth", () => {
    const buffer = new SeriesBuffer(16);
    const y = new Float64Array(8);
    const series = () => [
      { label: 'train', buffer },
      { label: 'val', y, length: buffer.length },
    ];
    const before = seriesKey(series());
    const beforeVersioned = seriesKey(series(), true);
    buffer.push(0, 1);
    expect(seriesKey(series())).not.toBe(before);
    expect(seriesKey(series(), true)).toBe(beforeVersioned);
    // identity and style still count with a version
    expect(seriesKey([{ label: 'train', buffer: new SeriesBuffer(16) }], true)).not.toBe(
      seriesKey([{ label: 'train', buffer }], true),
    );
  });
});
