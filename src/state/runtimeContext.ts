/**
 * Which runtime hub the hooks below a point in the tree use: the app's (`appRuntime`) unless a provider gives another,
 * e.g. a test rendering two independent experiments. The store hooks read that hub's own stores.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { appRuntime, type RuntimeHub } from './runtime';
import type { MetricHistory } from './frames';
import type { NoticeState } from './noticeStore';
import type { ParamsState } from './paramsStore';
import type { RunState } from './runStore';

export const RuntimeContext = createContext<RuntimeHub>(appRuntime);

export function useRuntimeHub(): RuntimeHub {
  return useContext(RuntimeContext);
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
