// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { DecisionBoundary } from './DecisionBoundary';
import { sampleGrid } from './grid';

afterEach(cleanup);

const grid = sampleGrid((x) => 1 / (1 + Math.exp(-3 * x)), [-2, 2], [-2, 2], 20);

describe('DecisionBoundary', () => {
  it('draws train points filled, test points hollow, the 0.5 boundary and labelled axes', () => {
    const points = [
      { x: -1, y: 0, label: 0 },
      { x: 1, y: 0, label: 1 },
      { x: 1.5, y: 1, label: 1, test: true },
    ];
    const { container } = render(<DecisionBoundary width={400} grid={grid} points={points} />);
    expect(container.querySelectorAll('circle.point.train').length).toBe(2);
    expect(container.querySelectorAll('circle.point.test').length).toBe(1);
    expect(container.querySelector('circle.point.test')?.getAttribute('fill')).not.toBe(
      container.querySelector('circle.point.test')?.getAttribute('stroke'),
    );
    expect(container.querySelector('path.boundary')?.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('.axis-x .axis-label')?.textContent).toBe('x₁');
    expect(container.querySelector('canvas')).not.toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain(
      '2 training points (filled) and 1 test points',
    );
  });

  it('rings the marked point where that point is drawn, and draws no ring for a missing or non-finite one', () => {
    const points = [
      { x: -1, y: 0, label: 0 },
      { x: 1, y: 0.5, label: 1 },
      { x: Number.NaN, y: 0, label: 1 },
    ];
    const { container, rerender } = render(
      <DecisionBoundary width={400} grid={grid} points={points} marked={1} />,
    );
    const ring = container.querySelector('circle.marked');
    const point = container.querySelectorAll('circle.point')[1];
    expect(ring?.getAttribute('cx')).toBe(point.getAttribute('cx'));
    expect(ring?.getAttribute('cy')).toBe(point.getAttribute('cy'));
    rerender(<DecisionBoundary width={400} grid={grid} points={points} marked={2} />);
    expect(container.querySelector('circle.marked')).toBeNull();
    rerender(<DecisionBoundary width={400} grid={grid} points={points} marked={9} />);
    expect(container.querySelector('circle.marked')).toBeNull();
  });

  it('explains a missing or malformed grid and skips non-finite points', () => {
    const bad = {
      values: new Float32Array(3),
      nx: 10,
      ny: 10,
      xDomain: [0, 1] as [number, number],
      yDomain: [0, 1] as [number, number],
    };
    const { container } = render(
      <DecisionBoundary
        width={400}
        grid={bad}
        points={[
          { x: NaN, y: 0, label: 0 },
          { x: 0.5, y: 0.5, label: 1 },
        ]}
      />,
    );
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No model output yet');
    expect(container.querySelectorAll('circle.point').length).toBe(1);
    expect(container.querySelector('path.boundary')).toBeNull();
  });

  it('builds the grid from predict() when no grid is given', () => {
    const { container } = render(
      <DecisionBoundary width={400} predict={(x, y) => (x + y > 0 ? 0.9 : 0.1)} resolution={16} />,
    );
    expect(container.querySelector('.chart-empty')).toBeNull();
    expect(container.querySelector('path.boundary')).not.toBeNull();
  });
});
