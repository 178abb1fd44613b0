// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { EmbeddingScatter, nearestNeighbours } from './EmbeddingScatter';

afterEach(cleanup);

const points = [
  { x: 0, y: 0, label: 'cat', group: 0 },
  { x: 0.1, y: 0, label: 'dog', group: 0 },
  { x: 0, y: 0.3, label: 'cow', group: 0 },
  { x: 5, y: 5, label: 'red', group: 1 },
  { x: NaN, y: 1, label: 'broken', group: 1 },
];

describe('EmbeddingScatter', () => {
  it('draws labelled points, and selecting one highlights its nearest neighbours', () => {
    const { container } = render(
      <EmbeddingScatter width={500} points={points} k={2} groupLabels={['animals', 'colours']} />,
    );
    expect(container.querySelectorAll('circle.point').length).toBe(4);
    expect([...container.querySelectorAll('.labels text')].map((t) => t.textContent)).toEqual([
      'cat',
      'dog',
      'cow',
      'red',
    ]);
    expect(container.querySelectorAll('.chart-legend li').length).toBe(2);
    fireEvent.click(container.querySelectorAll('circle.point')[0]);
    expect(container.querySelectorAll('circle.neighbour').length).toBe(2);
    expect(container.querySelectorAll('.nn-lines line').length).toBe(2);
    expect(container.querySelector('.chart-readout')?.textContent).toBe(
      'Selected “cat”; nearest: “dog”, “cow”.',
    );
    expect(container.querySelector('figcaption')?.textContent).toContain(
      '1 with non-finite coordinates left out',
    );
  });

  it('selects points with the keyboard', () => {
    const { container } = render(<EmbeddingScatter width={500} points={points} k={1} />);
    const svg = container.querySelector('svg[tabindex]')!;
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(container.querySelector('circle.selected')).not.toBeNull();
    expect(container.querySelector('.chart-readout')?.textContent).toContain('“dog”');
  });

  it('nearestNeighbours ranks by distance and skips the point itself', () => {
    expect(nearestNeighbours(points, 0, 3)).toEqual([1, 2, 3]);
  });

  it('shows "No points" when empty', () => {
    const { container } = render(<EmbeddingScatter width={400} points={[]} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No points');
  });
});
