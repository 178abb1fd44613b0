// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { MatrixView } from './MatrixView';
import { AttentionMap } from './AttentionMap';

afterEach(cleanup);

describe('MatrixView', () => {
  it('draws rows × cols cells with labels and numbers', () => {
    const { container } = render(
      <MatrixView
        width={500}
        values={[1, -2, 3, 0.5, NaN, -1]}
        rows={2}
        cols={3}
        rowLabels={['a', 'b']}
        colLabels={['x', 'y', 'z']}
        showValues
      />,
    );
    expect(container.querySelectorAll('rect.cell').length).toBe(6);
    expect([...container.querySelectorAll('.row-label')].map((t) => t.textContent)).toEqual(['a', 'b']);
    expect([...container.querySelectorAll('.col-label')].map((t) => t.textContent)).toEqual(['x', 'y', 'z']);
    expect(container.querySelector('.cells')?.textContent).toContain('-2');
    const fills = [...container.querySelectorAll('rect.cell')].map((r) => r.getAttribute('fill'));
    expect(fills[0]).not.toBe(fills[1]); // positive vs negative
    expect(container.querySelector('figcaption')?.textContent).toContain('2×3 matrix, values from -2 to 3');
  });

  it('reads a cell from the keyboard', () => {
    const { container } = render(<MatrixView width={400} values={[1, 2, 3, 4]} rows={2} cols={2} />);
    const svg = container.querySelector('svg[tabindex]')!;
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'ArrowDown' });
    expect(container.querySelector('.chart-readout')?.textContent).toBe('row 2, column 2: 4');
  });

  it('says so when the values do not fit the shape', () => {
    const { container } = render(<MatrixView width={400} values={[1, 2]} rows={2} cols={2} />);
    expect(container.querySelector('rect.cell')).toBeNull();
    expect(container.textContent).toContain('No data');
  });
});

describe('AttentionMap', () => {
  const tokens = ['a', 'b', 'c'];
  const w = [1, 0, 0, 0.5, 0.5, 0, 0.2, 0.3, 0.5];

  it('draws one heatmap per head with token labels, and hover shows the attended tokens', () => {
    const { container } = render(
      <AttentionMap width={700} queryTokens={tokens} heads={[{ label: 'h1', weights: w }, { weights: w }]} />,
    );
    expect(container.querySelectorAll('.attention-head').length).toBe(2);
    expect(container.querySelectorAll('rect.cell').length).toBe(18);
    expect(
      [...container.querySelectorAll('.attention-head')[0].querySelectorAll('.col-label')].map(
        (t) => t.textContent,
      ),
    ).toEqual(tokens);
    fireEvent.pointerEnter(container.querySelectorAll('rect.cell')[7]); // head 1, query 'c', key 'b'
    expect(container.querySelectorAll('rect.row-highlight').length).toBe(2);
    const attended = [...container.querySelectorAll('.attended-token')].map((t) => t.textContent);
    expect(attended).toEqual(['a 0.2', 'b 0.3', 'c 0.5']);
    expect(container.querySelector('figcaption')?.textContent).toContain('“c” attends most to “c”');
  });

  it('ignores heads whose weights do not match the tokens', () => {
    const { container } = render(
      <AttentionMap width={500} queryTokens={tokens} heads={[{ weights: [1, 2] }]} />,
    );
    expect(container.querySelector('rect.cell')).toBeNull();
    expect(container.textContent).toContain('No attention weights');
  });
});
