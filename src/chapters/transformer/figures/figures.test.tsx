// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AttentionByHandFigure } from './AttentionByHandFigure';
import { BlockFigure } from './BlockFigure';
import { TokensFigure } from './TokensFigure';

afterEach(cleanup);

describe('transformer lesson figures (main-thread illustrations)', () => {
  it('step 1: typed tokens become chips with ids; unknown characters are reported, not crashed on', () => {
    render(<TokensFigure />);
    const input = screen.getByTestId('tf-tokens-input');
    fireEvent.change(input, { target: { value: '2x7' } });
    const chips = screen.getByRole('list', { name: 'Tokens and their ids' });
    expect(chips.textContent).toContain('id 5');
    expect(chips.textContent).toContain('id 10');
    expect(screen.getByText(/Not in the vocabulary \(dropped\): x/)).toBeTruthy();
  });

  it('step 2: the causal mask toggle changes the caption and the scores show −∞', () => {
    render(<AttentionByHandFigure />);
    expect(screen.getByText(/No mask: every query sees every key/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('tf-causal-toggle'));
    expect(screen.getByText(/Causal mask on: the upper triangle is 0/)).toBeTruthy();
    expect(screen.getAllByText('−∞').length).toBeGreaterThan(0);
  });

  it('step 4: stepping through the sublayers lights the next box and keeps layer-norm statistics exact', () => {
    render(<BlockFigure />);
    expect(screen.getByTestId('tf-sublayer-label').textContent).toContain('Encoder: self-attention');
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByTestId('tf-next-sublayer'));
    expect(screen.getByTestId('tf-sublayer-label').textContent).toContain('Decoder: feed-forward');
    expect(screen.getByTestId('tf-norm-stats').textContent).toContain('after: mean 0.00, std 1.00');
    expect(document.querySelectorAll('.tf-box.tf-lit').length).toBe(2); // the sublayer and its Add & LayerNorm
  });
});
