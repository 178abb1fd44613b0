/**
 * Which runtime hub the hooks below a point in the tree use. The app provides its hub at the root (main.tsx); a test
 * provides one of its own (e.g. two independent experiments). There is no default hub: a component that needs one
 * outside a provider is a wiring mistake and says so. The store hooks read that hub's own stores.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RuntimeHub } from './runtimeHub';
import type { MetricHistory } from './frames';
import type { NoticeState } from './noticeStore';
import type { ParamsState } from './paramsStore';
import type { RunState } from './runStore';

export const RuntimeContext = createContext<RuntimeHub | null>(null);

/** This tree's runtime hub: its methods are the run's actions (play, step, seek, setParam, …). */
export function useRuntimeHub(): RuntimeHub {
  const hub = useContext(RuntimeContext);
  if (!hub)
    throw new Error('No runtime hub: render this component inside <RuntimeContext.Provider value={hub}>.');
  return hub;
}

/** The bounded step/loss/valLoss/accuracy history of this tree's runtime (read it on a `useFrameTick`). */
export function useMetricHistory(): MetricHistory {
  return useRuntimeHub().frames.history;
}

/** A slice of this tree's settings (the mounted experiment, its table, values, seed, speed). */
export function useParamsStore<T>(selector: (state: ParamsState) => T): T {
  return useStore(useRuntimeHub().params, selector);
}

/** A slice of this tree's run read-outs (status, metrics, timeline, replay, error). */
export function useRunStore<T>(selector: (state: RunState) => T): T {
  return useStore(useRuntimeHub().run, selector);
}

/** A slice of this tree's notices (ignored link settings, a rebuilt model, a restarted worker). */
export function useNoticeStore<T>(selector: (state: NoticeState) => T): T {
  return useStore(useRuntimeHub().notices, selector);
}
