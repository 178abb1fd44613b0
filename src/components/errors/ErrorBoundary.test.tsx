// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Throws while `broken.now` is true; counts its mounts so a test can see a fresh start. */
const broken = { now: true, mounts: 0 };
function Fragile() {
  if (broken.now) throw new Error('canvas refused');
  return <p data-testid="fragile-ok">working</p>;
}
function Counted() {
  broken.mounts++;
  return <Fragile />;
}

describe('ErrorBoundary', () => {
  it('replaces only the failed part with what failed, keeps its siblings, and Try again remounts it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken.now = true;
    render(
      <div>
        <p data-testid="sibling">prose</p>
        <ErrorBoundary what="This figure" testId="figure-error">
          <Fragile />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByTestId('figure-error').textContent).toContain('This figure stopped working.');
    expect(screen.getByTestId('figure-error').textContent).toContain('canvas refused');
    expect(screen.getByTestId('sibling').textContent).toBe('prose');

    broken.now = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('fragile-ok')).toBeTruthy();
    expect(screen.queryByTestId('figure-error')).toBeNull();
  });

  it('clears itself when its resetKey changes (navigation recovers without a reload)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken.now = true;
    broken.mounts = 0;
    const { rerender } = render(
      <ErrorBoundary what="This page" resetKey="constructor">
        <Counted />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error-boundary')).toBeTruthy();
    broken.now = false;
    // Same key: the notice stays (no retry loop on every parent render).
    rerender(
      <ErrorBoundary what="This page" resetKey="constructor">
        <Counted />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error-boundary')).toBeTruthy();
    act(() =>
      rerender(
        <ErrorBoundary what="This page" resetKey="">
          <Counted />
        </ErrorBoundary>,
      ),
    );
    expect(screen.getByTestId('fragile-ok')).toBeTruthy();
  });

  it('the root variant offers a reload instead of a retry', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken.now = true;
    render(
      <ErrorBoundary what="Gradient Lab" recover="reload" testId="app-error">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
