import { useEffect, useRef, useState } from 'react';

/**
 * The latest `value`, but changing at most once per animation frame: live data may arrive faster than the screen
 * refreshes (or a busy machine drops frames), and work for frames nobody sees is wasted main-thread time.
 */
export function useOncePerFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const scheduled = useRef<number | null>(null);
  useEffect(() => {
    latest.current = value;
    if (Object.is(value, shown) || scheduled.current !== null) return;
    if (typeof requestAnimationFrame !== 'function') {
      setShown(value);
      return;
    }
    scheduled.current = requestAnimationFrame(() => {
      scheduled.current = null;
      setShown(latest.current);
    });
  }, [value, shown]);
  useEffect(
    () => () => {
      if (scheduled.current !== null) cancelAnimationFrame(scheduled.current);
    },
    [],
  );
  return shown;
}
