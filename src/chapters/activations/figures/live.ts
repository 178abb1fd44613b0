import { useEffect, useState } from 'react';
import type { ViewValue } from '../../../experiments/types';
import { getLatestFrame, subscribeFrameChanges } from '../../../state/frames';
import { addWantedView } from '../../../state/runtime';

/** Re-renders at most `hz` times a second while frames arrive (SVG figures do not need 60 redraws a second). */
export function useFrameTick(hz: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribeFrameChanges(() => {
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

/**
 * The newest values of the named views (and the frame's metrics), refreshed at most `hz` times a second.
 * Registers the views as wanted while mounted, so frames carry them.
 */
export function useViews(names: readonly string[], hz = 15) {
  const key = names.join('\u0000');
  useEffect(() => {
    const releases = key.split('\u0000').map(addWantedView);
    return () => releases.forEach((r) => r());
  }, [key]);
  const tick = useFrameTick(hz);
  const frame = getLatestFrame();
  return { tick, views: (frame?.views ?? {}) as Readonly<Record<string, ViewValue | undefined>>, frame };
}

/** True for a typed array or number array: views are checked before use, since a frame of the previous
 * experiment (another lesson step) may still carry a view of the same name with another shape. */
export function isNumbers(v: unknown): v is ArrayLike<number> {
  return ArrayBuffer.isView(v) || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
}

/** The view as T when every listed field is a numeric array, else undefined. */
export function viewWith<T>(v: unknown, fields: readonly string[]): T | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  return fields.every((f) => isNumbers(o[f])) ? (v as T) : undefined;
}
