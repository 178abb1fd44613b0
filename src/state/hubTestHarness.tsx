import type { ReactNode } from 'react';
import { act } from 'react';
import { afterEach, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RuntimeContext } from './runtimeContext';
import { RuntimeHub } from './runtimeHub';

/**
 * For hook tests in jsdom: a RuntimeHub given to the rendered tree by context, as the app gives its own, and
 * cleared after each test (unmounted, no frames, real timers again). Call once at the top of a test file.
 */
export function hubHarness(): { hub: RuntimeHub; withHub: (ui: ReactNode) => ReturnType<typeof render> } {
  // React's act() warns unless the environment says it is a test.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const hub = new RuntimeHub();
  const withHub = (ui: ReactNode) =>
    render(<RuntimeContext.Provider value={hub}>{ui}</RuntimeContext.Provider>);
  afterEach(() => {
    cleanup();
    act(() => hub.frames.clear());
    vi.useRealTimers();
  });
  return { hub, withHub };
}
