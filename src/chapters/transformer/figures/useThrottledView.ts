import { useEffect, useRef, useState } from 'react';
import type { ViewValue } from '../../../experiments/types';
import { useFrameView } from '../../../state/useExperiment';

/**
 * The newest value of a frame view, but re-rendering at most once per `intervalMs` (frames arrive up to 60/s;
 * SVG heatmaps need not redraw that often). The last value always arrives (a trailing update).
 */
/** `T` is the view's documented shape (the experiment documents it; frames are structured clones of it). */
export function useThrottledView<T>(name: string, intervalMs = 150): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const last = useRef(0);
  const pending = useRef<T | undefined>(undefined);
  const timer = useRef<number | null>(null);
  useFrameView<ViewValue>(name, (raw) => {
    if (raw === undefined) return;
    const view = raw as unknown as T;
    pending.current = view;
    const now = performance.now();
    const wait = intervalMs - (now - last.current);
    if (wait <= 0) {
      last.current = now;
      setValue(view);
    } else if (timer.current === null) {
      timer.current = window.setTimeout(() => {
        timer.current = null;
        last.current = performance.now();
        setValue(pending.current);
      }, wait);
    }
  });
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return value;
}
