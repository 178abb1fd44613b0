import { useEffect, useRef, useState } from 'react';
import { useRuntimeHub } from './runtimeContext';
import { Throttle } from './throttle';

/**
 * Re-renders at most `hz` times a second while frames arrive — and only when `changed()` says there is something new
 * (e.g. the metric history grew), so a slow experiment costs the page almost nothing: an unchanged frame is not
 * even offered to the throttle (no timer, no render).
 */
export function useFrameTick(hz: number, changed: () => boolean = () => true): number {
  const { frames } = useRuntimeHub();
  const [tick, setTick] = useState(0);
  const changedRef = useRef(changed);
  useEffect(() => {
    changedRef.current = changed;
  });
  useEffect(() => {
    const throttle = new Throttle<true>(1000 / hz, () => setTick((t) => t + 1));
    const unsubscribe = frames.subscribeChanges(() => {
      if (changedRef.current()) throttle.offer(true);
    });
    return () => {
      unsubscribe();
      throttle.drop();
    };
  }, [frames, hz]);
  return tick;
}
