import { useEffect, useRef, useState } from 'react';
import { subscribeThrottled } from './useView';

/**
 * Re-renders at most `hz` times a second while frames arrive — and only when `changed()` says there is something new
 * (e.g. the metric history grew), so a slow experiment costs the page almost nothing.
 */
export function useFrameTick(hz: number, changed: () => boolean = () => true): number {
  const [tick, setTick] = useState(0);
  const changedRef = useRef(changed);
  useEffect(() => {
    changedRef.current = changed;
  });
  useEffect(
    () =>
      subscribeThrottled(hz, () => {
        if (changedRef.current()) setTick((t) => t + 1);
      }),
    [hz],
  );
  return tick;
}
