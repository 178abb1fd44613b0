/**
 * Which runtime hub the hooks below a point in the tree use: the app's (`appRuntime`) unless a provider gives another,
 * e.g. a test rendering two independent experiments.
 */
import { createContext, useContext } from 'react';
import { appRuntime, type RuntimeHub } from './runtime';
import type { MetricHistory } from './frames';

export const RuntimeContext = createContext<RuntimeHub>(appRuntime);

export function useRuntimeHub(): RuntimeHub {
  return useContext(RuntimeContext);
}

/** The bounded step/loss/valLoss/accuracy history of this tree's runtime (read it on a `useFrameTick`). */
export function useMetricHistory(): MetricHistory {
  return useRuntimeHub().frames.history;
}
