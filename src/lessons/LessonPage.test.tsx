// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chapter } from './types';
import { useProgress } from '../state/progress';
import { RuntimeHub } from '../state/runtimeHub';
import { withHub } from '../state/testHub';
import { LessonPage } from './LessonPage';
import { useLessonStep } from './lessonContext';

const chapter: Chapter = {
  id: 'rnn',
  number: 8,
  title: 'Recurrent neural networks',
  description: 'test',
  figures: [],
  lessons: [
    { id: 'one', title: 'First', body: 'Alpha $x$.', preset: { lr: 0.1 } },
    {
      id: 'two',
      title: 'Second',
      body: 'Beta.',
      tryThis: ['Do a thing.'],
      check: { question: 'Pick B', options: ['A', 'B'], answer: 1, explanation: 'Because B.' },
      pace: 12,
      stopAt: 40,
    },
    { id: 'three', title: 'Third', body: 'Gamma.', caption: 'Third, briefly' },
  ],
};

function Figure() {
  const step = useLessonStep();
  return <p data-testid="figure">figure for {step?.id}</p>;
}

/** A fresh hub per test, as the app gives its tree one. */
let hub = new RuntimeHub();
beforeEach(() => {
  hub = new RuntimeHub();
});

const renderPage = () =>
  render(<LessonPage chapter={chapter} renderFigure={() => <Figure />} />, { wrapper: withHub(hub) });

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});

describe('LessonPage', () => {
  it('shows the step from the URL with its figure, and Next drops the old step settings', () => {
    window.location.hash = '#/rnn?lesson=1&lr=0.5&seed=4';
    renderPage();
    expect(screen.getByTestId('lesson-step-indicator').textContent).toBe('Step 1 of 3');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('First');
    expect(screen.getByTestId('figure').textContent).toBe('figure for one');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    expect(window.location.hash).toBe('#/rnn?seed=4&lesson=2');
    expect(screen.getByTestId('lesson-step-indicator').textContent).toBe('Step 2 of 3');
    expect(screen.getByTestId('figure').textContent).toBe('figure for two');
    expect(useProgress.getState().data.chapters.rnn.seen).toEqual(['one', 'two']);
  });

  it('gives instant feedback on a check and records it', () => {
    window.location.hash = '#/rnn?lesson=2';
    renderPage();
    act(() => fireEvent.click(screen.getByRole('radio', { name: 'A' })));
    expect(screen.getByTestId('lesson-check-feedback').textContent).toContain('Not quite.');
    act(() => fireEvent.click(screen.getByRole('radio', { name: 'B' })));
    expect(screen.getByTestId('lesson-check-feedback').textContent).toContain('Correct.');
    expect(screen.getByTestId('lesson-check-feedback').textContent).toContain('Because B.');
    expect(useProgress.getState().data.chapters.rnn.checks.two).toEqual({ choice: 1, correct: true });
  });

  it('moves with arrow keys, not when a slider has focus', () => {
    window.location.hash = '#/rnn?lesson=1';
    const { container } = render(
      <LessonPage chapter={chapter} renderFigure={() => <input type="range" aria-label="lr" />} />,
      { wrapper: withHub(hub) },
    );
    const slider = container.querySelector('input[type=range]')!;
    act(() => void fireEvent.keyDown(slider, { key: 'ArrowRight' }));
    expect(screen.getByTestId('lesson-step-indicator').textContent).toBe('Step 1 of 3');
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(screen.getByTestId('lesson-step-indicator').textContent).toBe('Step 2 of 3');
    act(() => void fireEvent.keyDown(document.body, { key: 'PageUp' }));
    expect(screen.getByTestId('lesson-step-indicator').textContent).toBe('Step 1 of 3');
  });

  it('presenter mode shows only the caption bar and the figure; embed only the figure', () => {
    window.location.hash = '#/rnn?lesson=3&present=1';
    renderPage();
    expect(screen.getByTestId('presenter-caption').textContent).toBe('Third, briefly');
    expect(screen.queryByText('Gamma.')).toBeNull();
    cleanup();
    window.location.hash = '#/rnn?lesson=3&embed=1';
    renderPage();
    expect(screen.getByTestId('figure').textContent).toBe('figure for three');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(screen.queryByTestId('presenter-bar')).toBeNull();
  });

  it('switching to presenter or embed mode and back keeps the same figure instance (no restart)', () => {
    let mounts = 0;
    function Counting() {
      useEffect(() => {
        mounts++;
      }, []);
      return <p data-testid="counting">live</p>;
    }
    window.location.hash = '#/rnn?lesson=1';
    render(<LessonPage chapter={chapter} renderFigure={() => <Counting />} />, { wrapper: withHub(hub) });
    for (const hash of ['#/rnn?lesson=1&present=1', '#/rnn?lesson=1&embed=1', '#/rnn?lesson=1']) {
      act(() => {
        window.history.replaceState(null, '', hash);
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      expect(screen.getByTestId('counting')).toBeTruthy();
    }
    expect(mounts).toBe(1);
  });
});

describe('LessonPage and the runtime', () => {
  it('hands each step’s pace and stopAt to the runtime as its defaults, and clears them on leaving', () => {
    window.location.hash = '#/rnn?lesson=2';
    const page = renderPage();
    expect(hub.params.getState()).toMatchObject({ defaultSpeed: 12, stopAt: 40 });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    expect(hub.params.getState()).toMatchObject({ defaultSpeed: null, stopAt: null });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Previous' })));
    expect(hub.params.getState()).toMatchObject({ defaultSpeed: 12, stopAt: 40 });
    page.unmount();
    expect(hub.params.getState()).toMatchObject({ defaultSpeed: null, stopAt: null });
  });
});
