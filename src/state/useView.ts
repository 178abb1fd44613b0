import { useEffect, useState } from 'react';
import type { ViewValue } from '../experiments/types';
import type { FrameStore } from './frameStore';
import { useRuntimeHub } from './runtimeContext';
import { Throttle } from './throttle';

export interface ViewOptions<T> {
  /**
   * Re-render at most this many times a second while frames arrive (the newest value always lands). Omit to
   * re-render on every frame (≤ 60/s) — fine for small SVG; canvases should draw from `useFrameView` instead.
   */
  hz?: number;
  /**
   * The view's shape check. A value that fails it reads as undefined: a view of the same name may come from another
   * experiment (a previous lesson step) or an older build, and a figure must not draw it as its own.
   */
  accept?: (value: unknown) => value is T;
}

/** Subscribes `onChange` to frame changes, delivered at most `hz` times a second (every change without `hz`). */
export function subscribeThrottled(
  frames: FrameStore,
  hz: number | undefined,
  onChange: () => void,
): () => void {
  if (hz === undefined || !(hz > 0)) return frames.subscribeChanges(onChange);
  const throttle = new Throttle<true>(1000 / hz, onChange);
  const unsubscribe = frames.subscribeChanges(() => throttle.offer(true));
  return () => {
    unsubscribe();
    throttle.drop();
  };
}

/**
 * The newest value of view `name` — the one hook figures read views through. Registers the view as wanted while
 * mounted (frames carry only wanted views). `T` is the view's type as its experiment declares it; `accept` checks
 * the shape at run time where a stale view of another shape could arrive.
 *
 * The value is React state set from the frame listener (or the Throttle's timer), not useSyncExternalStore: that one
 * re-renders synchronously inside the listener, on the animation frame that delivers the worker's frame, while a
 * state update lets React batch every figure's update into one render outside it.
 */
export function useView<T = ViewValue>(name: string, options: ViewOptions<T> = {}): T | undefined {
  const { hz, accept } = options;
  const { frames, views } = useRuntimeHub();
  useEffect(() => views.add(name), [views, name]);
  const [value, setValue] = useState<ViewValue | undefined>(() => frames.getLatest()?.views[name]);
  useEffect(() => {
    const read = () => setValue(frames.getLatest()?.views[name]);
    read(); // a frame may have arrived (or `name` changed) between the render and this effect
    return subscribeThrottled(frames, hz, read);
  }, [frames, name, hz]);
  if (value === undefined) return undefined;
  if (accept && !accept(value)) return undefined;
  return value as T;
}
