// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { LineChart } from './LineChart';

afterEach(cleanup);

const yTicks = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.axis-y text:not(.axis-label)'), (t) =>
    Number((t.textContent ?? '').replace('−', '-')),
  ).filter(Number.isFinite);

describe('LineChart y axis', () => {
  it('never extends below zero for a non-negative quantity such as a loss near 0', () => {
    const { container } = render(
      <LineChart width={500} series={[{ label: 'loss', y: [0.7, 0.3, 0.05, 0.001] }]} />,
    );
    const ticks = yTicks(container);
    expect(ticks.length).toBeGreaterThan(2);
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(0.7); // the start of training stays in range
  });

  it('still goes below zero when the data does', () => {
    const { container } = render(<LineChart width={500} series={[{ label: 'v', y: [0.5, -0.4, 0.2] }]} />);
    expect(Math.min(...yTicks(container))).toBeLessThan(0);
  });
});

describe('LineChart step options', () => {
  const steps = Array.from({ length: 1001 }, (_, i) => i); // steps 0…1000
  const loss = steps.map((i) => 2 / (1 + i / 50) + (i % 2 ? 0.05 : -0.05));
  const chart = (stepOptions?: boolean | { smooth?: boolean; logSteps?: boolean }) => (
    <LineChart
      width={600}
      xLabel="step"
      series={[{ label: 'loss', x: steps, y: loss }]}
      stepOptions={stepOptions}
    />
  );
  const xTicks = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('.axis-x text:not(.axis-label)'), (t) => t.textContent).filter(
      Boolean,
    );

  it('shows no toggles unless the chart asks for them', () => {
    const { queryByRole } = render(chart());
    expect(queryByRole('button', { name: 'Smooth' })).toBeNull();
    expect(queryByRole('button', { name: 'Log axis' })).toBeNull();
  });

  it('toggles a log step axis from step 1 and a smoothed line over a faint raw one', () => {
    const { container, getByRole } = render(chart(true));
    const logSteps = getByRole('button', { name: 'Log axis' });
    const smooth = getByRole('button', { name: 'Smooth' });
    expect(logSteps.getAttribute('aria-pressed')).toBe('false');
    expect(container.querySelector('path.series-raw')).toBeNull();
    const linear = xTicks(container);
    fireEvent.click(logSteps);
    expect(logSteps.getAttribute('aria-pressed')).toBe('true');
    // 600 px leave room for 2 and 5 × 10ⁿ between the powers of ten
    expect(xTicks(container)).toEqual(['1', '2', '5', '10', '20', '50', '100', '200', '500', '1000']);
    expect(xTicks(container)).not.toEqual(linear);
    expect(container.querySelector('figcaption')?.textContent).toMatch(/log scale from step 1/);
    fireEvent.click(smooth);
    expect(smooth.getAttribute('aria-pressed')).toBe('true');
    const raw = container.querySelector('path.series-raw');
    const smoothed = container.querySelector('path.series-line.series-smooth');
    expect(raw?.getAttribute('stroke-opacity')).toBe('0.28');
    expect(smoothed?.getAttribute('d')).not.toBe(raw?.getAttribute('d'));
    expect(container.querySelectorAll('path.series-line')).toHaveLength(1);
    fireEvent.click(smooth);
    expect(container.querySelector('path.series-raw')).toBeNull();
  });

  it('starts smoothed when the owner asks (noisy mini-batch losses)', () => {
    const { container, getByRole } = render(chart({ smooth: true }));
    expect(getByRole('button', { name: 'Smooth' }).getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('path.series-smooth')).not.toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toMatch(
      /loss: last [\d.]+, min [\d.]+, smoothed last/,
    );
  });

  it('never smooths a series marked smooth: false (a baseline)', () => {
    const { container } = render(
      <LineChart
        width={600}
        stepOptions={{ smooth: true }}
        series={[
          { label: 'loss', x: steps, y: loss },
          { label: 'baseline', x: [0, 1000], y: [1, 1], dashed: true, smooth: false },
        ]}
      />,
    );
    expect(container.querySelectorAll('path.series-raw')).toHaveLength(1);
    expect(container.querySelectorAll('path.series-line')).toHaveLength(2);
    expect(container.querySelectorAll('path.series-line.series-smooth')).toHaveLength(1);
  });
});
