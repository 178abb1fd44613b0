// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, render } from '@testing-library/react';
import type { Frame } from './frames';
import { RuntimeContext } from './runtimeContext';
import { RuntimeHub } from './runtimeHub';
import { useFrameTick } from './useFrameTick';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The figures' hub, given by context as the app gives its own. */
const hub = new RuntimeHub();
const withHub = (ui: React.ReactNode) =>
  render(<RuntimeContext.Provider value={hub}>{ui}</RuntimeContext.Provider>);

afterEach(() => {
  cleanup();
  act(() => hub.frames.clear());
  vi.useRealTimers();
});

const frame = (step: number): Frame => ({
  step,
  epoch: 0,
  metrics: { step, epoch: 0, loss: 1 },
  views: {},
  running: true,
  stepsPerSecond: 0,
});

let renders = 0;
let changed = false;
function Ticker() {
  renders++;
  useFrameTick(2, () => changed);
  return null;
}

describe('useFrameTick', () => {
  it('ignores frames that bring nothing new: no re-render and no timer', () => {
    vi.useFakeTimers();
    withHub(<Ticker />);
    const before = renders;
    changed = false;
    act(() => {
      for (let s = 1; s <= 10; s++) hub.frames.publish(frame(s));
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(renders).toBe(before);

    changed = true;
    act(() => hub.frames.publish(frame(11))); // the first change lands at once
    expect(renders).toBe(before + 1);
    act(() => {
      for (let s = 12; s <= 20; s++) hub.frames.publish(frame(s));
    });
    expect(renders).toBe(before + 1); // within the half second: one trailing update waits
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(500));
    expect(renders).toBe(before + 2);
  });
});
