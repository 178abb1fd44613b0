// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NeuronFigure } from './NeuronFigure';
import { SoftmaxFigure } from './SoftmaxFigure';

function at(hash: string) {
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

afterEach(() => cleanup());

describe('NeuronFigure', () => {
  it('computes z and a from the URL and writes slider changes back to it', () => {
    at('#/activations?lesson=1&f=linear');
    render(<NeuronFigure />);
    expect(screen.getByTestId('neuron-output').textContent).toBe('-0.220');
    act(() => {
      fireEvent.change(screen.getByLabelText('Bias θ₀'), { target: { value: '1.1' } });
    });
    expect(window.location.hash).toContain('b=1.1');
    expect(screen.getByTestId('neuron-output').textContent).toBe('0.780');
    expect(screen.getByText(/output a = 0\.780/)).toBeTruthy(); // the text alternative follows
  });

  it('falls back to the preset for bad URL values and never shows NaN', () => {
    at('#/activations?lesson=1&x1=NaN&w2=1e999&f=%3Cscript%3E');
    render(<NeuronFigure />);
    const out = screen.getByTestId('neuron-output').textContent ?? '';
    expect(Number.isFinite(Number(out))).toBe(true);
    expect(document.querySelector('script')).toBeNull();
    const notice = screen.getByTestId('notice-local-params');
    expect(notice.textContent).toMatch(/x1/);
    expect(notice.textContent).toMatch(/f/);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    });
    expect(screen.queryByTestId('notice-local-params')).toBeNull();
  });

  it('Reset returns to the preset', () => {
    at('#/activations?lesson=1&b=2');
    render(<NeuronFigure preset={{ b: 0.1 }} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    });
    expect(window.location.hash).not.toContain('b=2');
    expect(screen.getByTestId('neuron-output').textContent).toBe('0.445');
  });
});

describe('SoftmaxFigure', () => {
  it('shows probabilities that sum to 1 and sharpen at low temperature', () => {
    at('#/activations?lesson=6');
    render(<SoftmaxFigure />);
    const read = () => [1, 2, 3, 4].map((i) => Number(screen.getByTestId(`softmax-bars-${i}`).textContent));
    expect(read().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    const p1 = read()[0];
    act(() => at('#/activations?lesson=6&t=0.2'));
    expect(read()[0]).toBeGreaterThan(p1);
    expect(read()[0]).toBeGreaterThan(0.99);
  });
});
