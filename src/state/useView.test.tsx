// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { screen } from '@testing-library/react';
import type { Frame } from './frames';
import { hubHarness } from './hubTestHarness';
import { useView, type ViewOptions } from './useView';

const { hub, withHub } = hubHarness();

function frame(step: number, views: Frame['views']): Frame {
  return { step, epoch: 0, metrics: { step, epoch: 0, loss: 1 }, views, running: true, stepsPerSecond: 0 };
}

type Pair = { a: number; b: number };
const isPair = (v: unknown): v is Pair =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Pair).a === 'number' &&
  typeof (v as Pair).b === 'number';

let renders = 0;
function Show({ name, options }: { name: string; options?: ViewOptions<Pair> }) {
  renders++;
  const view = useView<Pair>(name, options);
  return <p data-testid="view">{view ? `${view.a}+${view.b}` : 'none'}</p>;
}

const shown = () => screen.getByTestId('view').textContent;

describe('useView', () => {
  it('shows the newest value of the named view, and nothing after the frames are cleared', () => {
    withHub(<Show name="pair" />);
    expect(shown()).toBe('none');
    act(() => hub.frames.publish(frame(1, { pair: { a: 1, b: 2 } })));
    expect(shown()).toBe('1+2');
    // A frame without the view keeps its last value (frames carry only what changed).
    act(() => hub.frames.publish(frame(2, { other: 5 })));
    expect(shown()).toBe('1+2');
    act(() => hub.frames.clear());
    expect(shown()).toBe('none');
  });

  it('reads a view whose shape fails the check as absent', () => {
    withHub(<Show name="pair" options={{ accept: isPair }} />);
    act(() => hub.frames.publish(frame(1, { pair: [1, 2, 3] })));
    expect(shown()).toBe('none');
    act(() => hub.frames.publish(frame(2, { pair: { a: 3, b: 4 } })));
    expect(shown()).toBe('3+4');
  });

  it('re-renders at most `hz` times a second, and the newest value always lands', () => {
    vi.useFakeTimers();
    withHub(<Show name="pair" options={{ hz: 2 }} />);
    act(() => hub.frames.publish(frame(1, { pair: { a: 1, b: 0 } })));
    expect(shown()).toBe('1+0'); // the first frame is delivered at once
    const before = renders;
    act(() => {
      for (let s = 2; s <= 20; s++) hub.frames.publish(frame(s, { pair: { a: s, b: 0 } }));
    });
    expect(renders).toBe(before); // 19 frames within the half second: no re-render yet
    act(() => vi.advanceTimersByTime(500));
    expect(shown()).toBe('20+0'); // the trailing delivery brings the newest
    expect(renders).toBe(before + 1);
  });
});
