import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { buildLineModel, lineCaption, nextHoverX, readoutAt } from './lineChartDraw';

const base = {
  palette: () => '#000',
  log: false,
  logX: false,
  smooth: false,
  innerW: 400,
  innerH: 200,
  renderer: 'auto' as const,
};

describe('buildLineModel', () => {
  it('draws SVG paths for few points and switches to a canvas above the threshold', () => {
    const few = buildLineModel({ ...base, series: [{ label: 'a', y: [1, 2, 3] }] });
    expect(few.canvasMode).toBe(false);
    expect(few.paths[0].points).toBe(3);
    const many = buildLineModel({ ...base, series: [{ label: 'a', y: new Float64Array(2001).fill(1) }] });
    expect(many.canvasMode).toBe(true);
    expect(many.paths[0].d).toBe('');
  });

  it('smooths only the series that allow it when smoothing is on', () => {
    const series = [
      { label: 'loss', y: [4, 0, 4, 0] },
      { label: 'baseline', y: [1, 1, 1, 1], smooth: false },
    ];
    const model = buildLineModel({ ...base, smooth: true, series });
    expect(model.smoothed?.[0]).not.toBeNull();
    expect(model.smoothed?.[1]).toBeNull();
  });
});

describe('readoutAt and lineCaption', () => {
  const model = buildLineModel({ ...base, series: [{ label: 'loss', x: [0, 10, 20], y: [3, 2, 1] }] });

  it('reads each series at the nearest x', () => {
    const [row] = readoutAt(model.lines, model.smoothed, 12);
    expect(row).toMatchObject({ x: 10, y: 2, raw: null });
  });

  it('states the last and min values, or that there is no data yet', () => {
    const fmtY = (v: number) => v.toFixed(1);
    expect(lineCaption({ caption: 'Loss.', model, logX: false, fmtY })).toBe(
      'Loss. loss: last 1.0, min 1.0.',
    );
    const empty = buildLineModel({ ...base, series: [{ label: 'loss', y: [] }] });
    expect(lineCaption({ model: empty, logX: true, fmtY })).toMatch(/^No data yet\. Steps on a log scale/);
  });
});

describe('nextHoverX', () => {
  const sx = scaleLinear().domain([0, 100]).range([0, 500]);

  it('steps by a fiftieth of the width (a tenth with Shift) and stays in the domain', () => {
    expect(nextHoverX('ArrowLeft', false, sx, 50, 500)).toBeCloseTo(48);
    expect(nextHoverX('ArrowRight', true, sx, 50, 500)).toBeCloseTo(60);
    expect(nextHoverX('ArrowRight', true, sx, 95, 500)).toBe(100);
    expect(nextHoverX('ArrowLeft', false, sx, null, 500)).toBeCloseTo(98); // from the end when nothing is shown
  });

  it('jumps with Home and End, hides with Escape and ignores other keys', () => {
    expect(nextHoverX('Home', false, sx, 50, 500)).toBe(0);
    expect(nextHoverX('End', false, sx, 50, 500)).toBe(100);
    expect(nextHoverX('Escape', false, sx, 50, 500)).toBeNull();
    expect(nextHoverX('a', false, sx, 50, 500)).toBeUndefined();
  });
});
