// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { BarChart } from './BarChart';
import { Histogram } from './Histogram';
import { TimeSeriesHeatmap } from './TimeSeriesHeatmap';

afterEach(cleanup);

describe('BarChart', () => {
  it('draws one bar per value with category labels', () => {
    const { container } = render(
      <BarChart
        width={500}
        bars={[
          { label: 'cat', value: 0.7 },
          { label: 'dog', value: 0.2 },
          { label: 'mat', value: 0.1 },
        ]}
        yLabel="p"
      />,
    );
    expect(container.querySelectorAll('rect.bar').length).toBe(3);
    expect([...container.querySelectorAll('.axis-x text')].map((t) => t.textContent)).toEqual([
      'cat',
      'dog',
      'mat',
    ]);
    const heights = [...container.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBeGreaterThan(heights[1]);
    expect(container.querySelector('.axis-y .axis-label')?.textContent).toBe('p');
  });

  it('on a log scale, shows non-positive and NaN values as n/a', () => {
    const { container } = render(
      <BarChart
        width={500}
        yScale="log"
        bars={[
          { label: 'l1', value: 0.1 },
          { label: 'l2', value: 0 },
          { label: 'l3', value: NaN },
          { label: 'l4', value: 1e-4 },
        ]}
      />,
    );
    expect(container.querySelectorAll('rect.bar').length).toBe(2);
    expect(container.querySelectorAll('.bar-missing').length).toBe(2);
    expect(container.innerHTML).not.toMatch(/NaN"/);
  });

  it('says "No data" with no bars', () => {
    const { container } = render(<BarChart width={400} bars={[]} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No data');
  });
});

describe('Histogram', () => {
  it('bins each series and overlays them with a legend; non-finite values are counted out', () => {
    const a = Float32Array.from({ length: 200 }, (_, i) => (i % 20) / 10);
    const b = [0.5, 0.6, NaN, Infinity];
    const { container } = render(
      <Histogram
        width={500}
        bins={10}
        series={[
          { label: 'layer 1', values: a },
          { label: 'layer 2', values: b },
        ]}
      />,
    );
    expect(container.querySelectorAll('g.hist-series').length).toBe(2);
    const first = [...container.querySelectorAll('g.hist-series')[0].querySelectorAll('rect.hist-bar')];
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(container.querySelectorAll('.chart-legend li').length).toBe(2);
    expect(container.querySelector('figcaption')?.textContent).toContain('layer 2: 2 values');
    expect(container.querySelector('figcaption')?.textContent).toContain('2 non-finite left out');
  });

  it('handles empty input', () => {
    const { container } = render(<Histogram width={400} values={[]} />);
    expect(container.querySelector('rect.hist-bar')).toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain('No values to show.');
  });
});

describe('TimeSeriesHeatmap', () => {
  it('labels rows and time steps with tokens', () => {
    const { container } = render(
      <TimeSeriesHeatmap
        width={600}
        values={new Float32Array(3 * 4).fill(0.5)}
        rows={3}
        steps={4}
        tokens={['the', 'cat', 'sat', '.']}
        rowLabels={['f', 'i', 'o']}
      />,
    );
    expect([...container.querySelectorAll('.row-label')].map((t) => t.textContent)).toEqual(['f', 'i', 'o']);
    expect([...container.querySelectorAll('.token-label')].map((t) => t.textContent)).toEqual([
      'the',
      'cat',
      'sat',
      '.',
    ]);
    expect(container.querySelector('canvas')).not.toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain('3 rows over 4 time steps');
  });

  it('says so when values are missing', () => {
    const { container } = render(<TimeSeriesHeatmap width={400} values={[]} rows={3} steps={4} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No values yet');
  });
});
