// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
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
