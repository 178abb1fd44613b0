// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  chainInputsFrom,
  chainRule,
  finiteDifferences,
  CHAIN_DEFAULTS,
} from '../../../experiments/descent/chain';
import { chapter } from '../chapter';
import { ChainFigure } from './ChainFigure';

afterEach(cleanup);

const step = chapter.lessons.find((l) => l.figure === 'chain')!;
const SIX = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'] as const;

function shown(id: string): number {
  return Number(screen.getByTestId(id).textContent);
}

describe('ChainFigure', () => {
  it('shows the six derivatives from the chain rule next to finite differences, for the URL’s numbers', () => {
    window.location.hash = '#/backprop?lesson=3&w3=6&y=0.9';
    render(<ChainFigure step={step} />);
    const inputs = chainInputsFrom({ ...CHAIN_DEFAULTS, w3: 6, y: 0.9 });
    const exact = chainRule(inputs).derivatives;
    const fd = finiteDifferences(inputs);
    for (const p of SIX) {
      expect(shown(`deriv-${p}`)).toBeCloseTo(exact[p], 6);
      expect(Math.abs(shown(`deriv-${p}`) - shown(`fd-${p}`))).toBeLessThan(1e-5);
      expect(shown(`fd-${p}`)).toBeCloseTo(fd[p], 6);
    }
    expect((screen.getByTestId('input-w3') as HTMLInputElement).value).toBe('6');
  });

  it('walks the forward pass one node at a time, then shows the whole pass', () => {
    window.location.hash = '#/backprop?lesson=3';
    const { container } = render(<ChainFigure step={step} />);
    // A plain query: getByRole over a page of KaTeX is slow in jsdom.
    const walkButton = () => container.querySelector('.chain-walk button') as HTMLButtonElement;
    const walk = () => fireEvent.click(walkButton());
    expect(screen.getByTestId('chain-stage').textContent).toBe('Nothing computed yet.');
    walk();
    walk();
    expect(screen.getByTestId('chain-stage').textContent).toBe('Forward pass: a₃ computed.');
    expect(screen.getByTestId('chain-formulas').querySelectorAll('li')).toHaveLength(2);
    fireEvent.click(container.querySelectorAll('.chain-walk button')[1]); // Show the whole pass
    expect(screen.getByTestId('chain-stage').textContent).toBe('Backward pass: neuron 2 done.');
    // 3 forward lines + C + ∂C/∂a₄ + 3 per neuron (w, b, a) for neurons 4 and 3 + 2 for neuron 2 (w, b)
    expect(screen.getByTestId('chain-formulas').querySelectorAll('li')).toHaveLength(13);
    expect(walkButton().textContent).toBe('Backward one node');
    expect(walkButton().disabled).toBe(true);
  });

  it('edits write the URL and recompute; bad text is refused with a message', () => {
    window.location.hash = '#/backprop?lesson=3';
    const { container } = render(<ChainFigure step={step} />);
    const before = shown('deriv-w1');
    act(() => {
      fireEvent.change(screen.getByTestId('input-w2'), { target: { value: '2.5' } });
    });
    expect(window.location.hash).toContain('w2=2.5');
    expect(shown('deriv-w1')).not.toBe(before);
    act(() => {
      fireEvent.change(screen.getByTestId('input-b2'), { target: { value: 'abc' } });
      fireEvent.blur(screen.getByTestId('input-b2'));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('not a number');
    expect(window.location.hash).not.toContain('b2=');
  });

  it('a garbled link falls back to the lesson’s numbers and says what it ignored', () => {
    window.location.hash = '#/backprop?lesson=3&w1=abc&w2=1e999&g=%3Cscript%3E&y=0.5';
    const { container } = render(<ChainFigure step={step} />);
    const notice = screen.getByTestId('chain-ignored').textContent ?? '';
    expect(notice).toContain('w1');
    expect(notice).toContain('g');
    expect(container.querySelector('script')).toBeNull();
    expect((screen.getByTestId('input-w1') as HTMLInputElement).value).toBe(String(CHAIN_DEFAULTS.w1));
    expect((screen.getByTestId('input-y') as HTMLInputElement).value).toBe('0.5');
    for (const p of SIX) expect(Number.isFinite(shown(`deriv-${p}`))).toBe(true);
  });
});
