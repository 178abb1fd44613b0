// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, render } from '@testing-library/react';
import type { Frame } from './frames';
import { clearFrames, publishFrame } from './frames';
import { useFrameTick } from './useFrameTick';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  cleanup();
  act(() => clearFrames());
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
    render(<Ticker />);
    const before = renders;
    changed = false;
    act(() => {
      for (let s = 1; s <= 10; s++) publishFrame(frame(s));
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(renders).toBe(before);

    changed = true;
    act(() => publishFrame(frame(11))); // the first change lands at once
    expect(renders).toBe(before + 1);
    act(() => {
      for (let s = 12; s <= 20; s++) publishFrame(frame(s));
    });
    expect(renders).toBe(before + 1); // within the half second: one trailing update waits
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(500));
    expect(renders).toBe(before + 2);
  });
});
