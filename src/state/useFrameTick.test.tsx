// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { Frame } from './frames';
import { hubHarness } from './hubTestHarness';
import { useFrameTick } from './useFrameTick';

const { hub, withHub } = hubHarness();

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
