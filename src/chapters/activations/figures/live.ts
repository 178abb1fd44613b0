import { useEffect } from 'react';
import type { Metrics, ViewValue } from '../../../experiments/types';
import { useFrameTick } from '../../../state/useFrameTick';
import { useRuntimeHub } from '../../../state/runtimeContext';

/** The newest frame's metrics, refreshed at most `hz` times a second (the chapter's figures read views by `useView`). */
export function useFrameMetrics(hz: number): Metrics | undefined {
  const { frames } = useRuntimeHub();
  useFrameTick(hz);
  return frames.getLatest()?.metrics;
}

/**
 * The newest values of the named views (and the frame's metrics), refreshed at most `hz` times a second.
 * Registers the views as wanted while mounted, so frames carry them.
 */
export function useViews(names: readonly string[], hz = 15) {
  const hub = useRuntimeHub();
  const key = names.join('\u0000');
  useEffect(() => {
    const releases = key.split('\u0000').map((name) => hub.views.add(name));
    return () => releases.forEach((r) => r());
  }, [hub, key]);
  const tick = useFrameTick(hz);
  const frame = hub.frames.getLatest();
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
