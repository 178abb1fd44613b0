// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { scaleLinear } from 'd3';
import { LineChart } from './LineChart';
import { SeriesBuffer } from './SeriesBuffer';
import { chunkIndex, linePath, nearestIndex } from './linePath';

afterEach(cleanup);

describe('LineChart: series, clipping and non-finite values', () => {
  it('draws one path per series, labelled axes and a legend', () => {
    const { container, getByText } = render(
      <LineChart
        width={600}
        title="Loss"
        xLabel="step"
        yLabel="loss"
        series={[
          { label: 'train', y: [3, 2, 1.5, 1.2, 1] },
          { label: 'validation', y: [3.2, 2.4, 2, 1.9, 1.9], dashed: true },
        ]}
      />,
    );
    expect(container.querySelectorAll('path.series-line').length).toBe(2);
    expect(container.querySelector('.axis-x .axis-label')?.textContent).toBe('step');
    expect(container.querySelector('.axis-y .axis-label')?.textContent).toBe('loss');
    expect(container.querySelectorAll('.axis-y text').length).toBeGreaterThan(2);
    expect(container.querySelectorAll('.chart-legend li').length).toBe(2);
    expect(getByText(/train: last 1, min 1/)).toBeTruthy();
    const d = container.querySelector('path.series-line')?.getAttribute('d') ?? '';
    expect(d.startsWith('M')).toBe(true);
    expect((d.match(/[ML]/g) ?? []).length).toBe(5);
  });

  it('clips the lines to the plot area, so a value beyond a fixed yDomain stays inside the chart', () => {
    const { container } = render(
      <LineChart width={400} height={200} yDomain={[0, 1]} series={[{ label: 'loss', y: [0.5, 6, 0.4] }]} />,
    );
    const lines = container.querySelector('g.lines');
    const ref = /^url\(#(.+)\)$/.exec(lines?.getAttribute('clip-path') ?? '')?.[1];
    expect(ref).toBeTruthy();
    const rect = container.querySelector(`clipPath[id="${ref}"] rect`);
    expect(Number(rect?.getAttribute('height'))).toBeLessThan(200);
  });

  it('skips NaN and Infinity without breaking the scale', () => {
    const { container } = render(
      <LineChart width={500} series={[{ label: 'loss', y: [1, NaN, 0.5, Infinity, 0.25, -Infinity] }]} />,
    );
    const d = container.querySelector('path.series-line')?.getAttribute('d') ?? '';
    expect(d).not.toMatch(/NaN|Infinity/);
    expect((d.match(/M/g) ?? []).length).toBe(3); // gaps at the non-finite points
    const ticks = [...container.querySelectorAll('.axis-y text')].map((t) => Number(t.textContent));
    expect(Math.max(...ticks)).toBeLessThanOrEqual(1.1);
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(0.2);
  });
});

describe('LineChart: empty data, log scale, live buffers and dense data', () => {
  it('shows "No data yet" for empty and all-NaN series', () => {
    const { container, rerender } = render(<LineChart width={400} series={[]} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No data yet');
    rerender(<LineChart width={400} series={[{ label: 'a', y: [NaN, NaN] }]} />);
    expect(container.querySelector('.chart-empty')).not.toBeNull();
    expect(container.innerHTML).not.toMatch(/NaN,|,NaN/);
  });

  it('log scale drops non-positive values', () => {
    const { container } = render(
      <LineChart width={500} yScale="log" series={[{ label: 'loss', y: [10, 1, 0, -1, 0.1, 0.01] }]} />,
    );
    const d = container.querySelector('path.series-line')?.getAttribute('d') ?? '';
    expect((d.match(/M/g) ?? []).length).toBe(2);
    expect(d).not.toMatch(/NaN|Infinity/);
  });

  it('redraws a SeriesBuffer when its version changes and reads out values from the keyboard', async () => {
    const buf = new SeriesBuffer(64);
    buf.push(0, 1);
    buf.push(1, 0.5);
    const { container, rerender } = render(
      <LineChart width={500} series={[{ label: 'loss', buffer: buf }]} version={buf.version} />,
    );
    const before = container.querySelector('path.series-line')?.getAttribute('d');
    buf.push(2, 0.2);
    rerender(<LineChart width={500} series={[{ label: 'loss', buffer: buf }]} version={buf.version} />);
    // a new version is drawn at the next animation frame (at most one redraw per frame, however often it changes)
    await waitFor(() =>
      expect(container.querySelector('path.series-line')?.getAttribute('d')).not.toBe(before),
    );
    const svg = container.querySelector('svg[role="img"]')!;
    fireEvent.keyDown(svg, { key: 'End' });
    expect(container.querySelector('.chart-readout')?.textContent).toContain('loss 0.2');
  });

  it('draws dense data on a canvas instead of SVG paths', () => {
    const y = Float64Array.from({ length: 100_000 }, (_, i) => Math.exp(-i / 30_000));
    const { container } = render(<LineChart width={500} series={[{ label: 'loss', y }]} />);
    expect(container.querySelector('path.series-line')).toBeNull();
    expect(container.querySelector('canvas.line-canvas')).not.toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain('loss: last');
  });
});

describe('SeriesBuffer', () => {
  it('keeps memory flat and spans the whole run', () => {
    const b = new SeriesBuffer(100);
    for (let i = 0; i < 10_000; i++) b.push(i, i % 7 === 0 ? NaN : 1 / (i + 1));
    expect(b.length).toBeLessThanOrEqual(100);
    expect(b.length).toBeGreaterThanOrEqual(50);
    expect(b.x[0]).toBeLessThan(200);
    expect(b.x[b.length - 1]).toBeGreaterThan(9_000);
    for (let i = 1; i < b.length; i++) expect(b.x[i]).toBeGreaterThan(b.x[i - 1]);
    expect(b.yMax).toBeLessThanOrEqual(1);
    expect(Number.isFinite(b.yMin)).toBe(true);
  });
});

describe('linePath', () => {
  it('downsamples 100k points to a few per pixel column and keeps the extremes', () => {
    const n = 100_000;
    const y = Float64Array.from({ length: n }, (_, i) => (i === 50_000 ? 10 : Math.sin(i / 1000)));
    const sx = scaleLinear()
      .domain([0, n - 1])
      .range([0, 500]);
    const sy = scaleLinear().domain([-1, 10]).range([200, 0]);
    const { d, points } = linePath(null, y, n, sx, sy);
    expect(points).toBeLessThanOrEqual(4 * 501);
    expect(d).toContain(`,${Math.round(sy(10) * 10) / 10}`); // the spike survives
  });

  it('gives the same path with chunk summaries as without, and extends them as the buffer grows', () => {
    const buf = new SeriesBuffer(200_000);
    const push = (from: number, to: number) => {
      for (let i = from; i < to; i++)
        buf.push(i, i === 777 ? NaN : 1 + Math.sin(i / 50) + ((i * 7919) % 13) / 40);
    };
    push(0, 50_000);
    const check = () => {
      const sx = scaleLinear()
        .domain([0, buf.length - 1])
        .range([0, 400]);
      const sy = scaleLinear().domain([0, 3]).range([200, 0]);
      const plain = linePath(buf.x, buf.y, buf.length, sx, sy);
      const chunked = linePath(
        buf.x,
        buf.y,
        buf.length,
        sx,
        sy,
        false,
        chunkIndex(buf, buf.generation, buf.x, buf.y, buf.length),
      );
      expect(chunked.d).toBe(plain.d);
    };
    check();
    push(50_000, 80_003);
    check();
  });

  it('finds the nearest index by binary search', () => {
    expect(nearestIndex([0, 10, 20, 30], 4, 14)).toBe(1);
    expect(nearestIndex([0, 10, 20, 30], 4, 16)).toBe(2);
    expect(nearestIndex(null, 5, 9)).toBe(4);
    expect(nearestIndex([], 0, 1)).toBe(-1);
  });
});
