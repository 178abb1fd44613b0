import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useRoute } from '../platform/router';
import type { ParamTable, ParamValue, ParamValues, ViewValue } from '../experiments/types';
import type { Frame } from './frames';
import type { RunStatus } from './runStore';
import { experimentQueryKey, type Preset } from './runtime';
import { useParamsStore, useRunStore, useRuntimeHub } from './runtimeContext';
import { PAGE_PARAM_NAMES } from '../experiments/params';

export interface UseExperimentOptions {
  /** Registry id, e.g. 'classifier2d'. */
  experiment: string;
  /** Lesson preset (defaults ← preset ← URL). A new preset (next lesson step) re-applies. May include `seed`. */
  preset?: Preset;
  /** Views frames should carry (figures using useFrameView/useView add theirs automatically). */
  views?: readonly string[];
  /** Extra URL parameters the page owns (never reported as unknown), e.g. the lab's `exp`. */
  reserved?: readonly string[];
  /** Space / `.` / R while mounted (default true). */
  keys?: boolean;
  /**
   * The address bar holds this run's settings and seed (default true). False for a figure that is not the page's
   * subject, e.g. the home page's demo: it neither reads nor rewrites the link.
   */
  linked?: boolean;
}

export interface ExperimentHandle {
  /** The parameter table has loaded (controls can render). */
  ready: boolean;
  title: string;
  table: ParamTable | null;
  values: ParamValues;
  seed: number;
  status: RunStatus;
  /** A control changed a parameter: validated, applied by the runtime; returns the value used. */
  setParam: (name: string, input: unknown) => ParamValue | undefined;
}

function stableKey(preset: Preset | undefined): string {
  if (!preset) return '';
  return JSON.stringify(
    Object.keys(preset)
      .sort()
      .map((k) => [k, preset[k]]),
  );
}

/**
 * Mount an experiment in the worker for this page. One per page at a time. See src/state/index.ts for the whole API.
 */
export function useExperiment(opts: UseExperimentOptions): ExperimentHandle {
  const { experiment, preset, views, reserved, keys = true, linked = true } = opts;
  const route = useRoute();
  const hub = useRuntimeHub();
  const reservedKey = (reserved ?? []).join(',');
  const presetKey = stableKey(preset);
  const presetRef = useRef(preset);
  useEffect(() => {
    presetRef.current = preset;
  });
  const table = useParamsStore((s) => (s.experimentId === experiment ? s.table : null));

  useEffect(() => {
    return hub.attach(experiment, reservedKey ? reservedKey.split(',') : [], linked);
  }, [hub, experiment, reservedKey, linked]);

  const queryKey = useMemo(
    () =>
      experimentQueryKey(route.query, [...PAGE_PARAM_NAMES, ...(reservedKey ? reservedKey.split(',') : [])]),
    [route.query, reservedKey],
  );
  useEffect(() => {
    hub.sync(presetRef.current);
    // presetKey stands for the preset's content; queryKey for the experiment part of the URL.
  }, [hub, experiment, presetKey, queryKey, table]);

  const viewsKey = (views ?? []).join('\u0000');
  useEffect(() => {
    if (!viewsKey) return;
    const releases = viewsKey.split('\u0000').map((name) => hub.views.add(name));
    return () => releases.forEach((r) => r());
  }, [hub, viewsKey]);

  useEffect(() => {
    if (!keys) return;
    const { onKeyDown, onKeyUp } = hub.keys;
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [hub, keys]);

  const title = useParamsStore((s) => s.title);
  const values = useParamsStore((s) => s.values);
  const seed = useParamsStore((s) => s.seed);
  const status = useRunStore((s) => s.status);
  const setHubParam = useCallback((name: string, input: unknown) => hub.setParam(name, input), [hub]);
  return { ready: table !== null, title, table, values, seed, status, setParam: setHubParam };
}

/**
 * Draw from frames without re-rendering: `callback(view, frame)` runs on each animation frame that brings a frame
 * (and once with the latest, on mount). Registers `name` as a wanted view. The callback may change every render.
 */
export function useFrameView<T extends ViewValue = ViewValue>(
  name: string,
  callback: (view: T | undefined, frame: Frame) => void,
) {
  const { frames, views } = useRuntimeHub();
  const cb = useRef(callback);
  useEffect(() => {
    cb.current = callback;
  });
  useEffect(() => {
    const release = views.add(name);
    const deliver = (frame: Frame) => cb.current(frame.views[name] as T | undefined, frame);
    const latest = frames.getLatest();
    if (latest) deliver(latest);
    const unsubscribe = frames.subscribe(deliver);
    return () => {
      unsubscribe();
      release();
    };
  }, [frames, views, name]);
}

/** The newest frame (re-renders on every frame). */
export function useLatestFrame(): Frame | null {
  const { frames } = useRuntimeHub();
  return useSyncExternalStore(frames.subscribeChanges, frames.getLatest);
}
