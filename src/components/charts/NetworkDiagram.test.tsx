// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { NetworkDiagram } from './NetworkDiagram';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const layers = [2, 3, 1];
const weights = [new Float32Array([0.5, -1, 0.2, 0.3, -0.4, 2]), new Float32Array([1, -0.5, 0.1])];
const grads = [new Float32Array([0.01, 0.02, -0.03, 0.04, -0.05, 0.06]), new Float32Array([-0.1, 0.2, 0.3])];

describe('NetworkDiagram', () => {
  it('draws one circle per neuron and one edge per weight, coloured by sign and sized by magnitude', () => {
    const { container } = render(
      <NetworkDiagram width={500} layers={layers} weights={weights} grads={grads} />,
    );
    expect(container.querySelectorAll('g.neuron').length).toBe(6);
    const edges = [...container.querySelectorAll('line.edge')];
    expect(edges.length).toBe(2 * 3 + 3 * 1);
    // weights[0][o * 2 + i]: edge (o=0, i=1) is -1 (negative), (o=2, i=1) is 2 (largest)
    const neg = edges[1];
    const big = edges[5];
    expect(neg.getAttribute('stroke')).not.toBe(edges[0].getAttribute('stroke'));
    expect(Number(big.getAttribute('stroke-width'))).toBeGreaterThan(
      Number(edges[0].getAttribute('stroke-width')),
    );
    expect([...container.querySelectorAll('.layer-labels text')].map((t) => t.textContent)).toEqual([
      'input',
      'hidden',
      'output',
    ]);
  });

  it('reads weight and gradient from the keyboard', () => {
    const { container } = render(
      <NetworkDiagram width={500} layers={layers} weights={weights} grads={grads} />,
    );
    const svg = container.querySelector('svg[role="img"]')!;
    fireEvent.keyDown(svg, { key: 'ArrowDown' });
    expect(container.querySelector('.chart-readout')?.textContent).toBe(
      'input 2 → hidden 1: w = -1, ∂L/∂w = 0.02',
    );
  });

  it('animates the backward pass layer by layer, from the output', () => {
    vi.useFakeTimers();
    const { getByRole, container } = render(
      <NetworkDiagram width={500} layers={layers} weights={weights} grads={grads} stepMs={100} />,
    );
    fireEvent.click(getByRole('button', { name: 'Animate backward pass' }));
    expect(container.querySelector('figcaption')?.textContent).toContain('back to layer hidden');
    act(() => vi.advanceTimersByTime(100));
    expect(container.querySelector('figcaption')?.textContent).toContain('back to layer input');
    act(() => vi.advanceTimersByTime(250));
    expect(container.querySelector('figcaption')?.textContent).not.toContain('Backward pass');
  });

  it('handles missing weights, NaN and empty layers', () => {
    const { container, rerender } = render(
      <NetworkDiagram width={400} layers={[2, 2]} weights={[[NaN, 1, 2, 3]]} />,
    );
    expect(container.querySelectorAll('line.edge').length).toBe(4);
    expect(container.innerHTML).not.toMatch(/NaN"/);
    rerender(<NetworkDiagram width={400} layers={[]} />);
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No layers');
  });
});
