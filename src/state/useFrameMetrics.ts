import type { Metrics } from '../experiments/types';
import { useFrameTick } from './useFrameTick';
import { useRuntimeHub } from './runtimeContext';

/**
 * The newest frame's metrics, refreshed at most `hz` times a second. Views are read one by one through `useView`
 * with the shape check their experiment declares (src/experiments/activations/views.ts and its kin).
 */
export function useFrameMetrics(hz: number): Metrics | undefined {
  const { frames } = useRuntimeHub();
  useFrameTick(hz);
  return frames.getLatest()?.metrics;
}
