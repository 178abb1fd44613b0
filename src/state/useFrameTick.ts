import { useEffect, useRef, useState } from 'react';
import { subscribeFrameChanges } from './frames';

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
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribeFrameChanges(() => {
      if (!changedRef.current()) return;
      const now = performance.now();
      const wait = 1000 / hz - (now - last);
      if (wait <= 0) {
        last = now;
        setTick((t) => t + 1);
      } else if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          last = performance.now();
          setTick((t) => t + 1);
        }, wait);
      }
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [hz]);
  return tick;
}
