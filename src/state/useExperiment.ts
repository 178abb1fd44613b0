import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useRoute } from '../platform/router';
import { shouldIgnoreKey } from '../platform/keyboard';
import type { ParamTable, ParamValues, ViewValue } from '../experiments/types';
import { getLatestFrame, subscribeFrameChanges, subscribeFrames, type Frame } from './frames';
import { useParamsStore } from './paramsStore';
import { useRunStore, type RunStatus } from './runStore';
import {
  addWantedView,
  attachExperiment,
  experimentQueryKey,
  reset,
  setParam,
  step,
  stepBack,
  syncExperiment,
  togglePlay,
  type Preset,
} from './runtime';
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
  setParam: typeof setParam;
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
  const reservedKey = (reserved ?? []).join(',');
  const presetKey = stableKey(preset);
  const presetRef = useRef(preset);
  useEffect(() => {
    presetRef.current = preset;
  });
  const table = useParamsStore((s) => (s.experimentId === experiment ? s.table : null));

  useEffect(() => {
    return attachExperiment(experiment, { reserved: reservedKey ? reservedKey.split(',') : [], linked });
  }, [experiment, reservedKey, linked]);

  const queryKey = useMemo(
    () =>
      experimentQueryKey(route.query, [...PAGE_PARAM_NAMES, ...(reservedKey ? reservedKey.split(',') : [])]),
    [route.query, reservedKey],
  );
  useEffect(() => {
    syncExperiment(presetRef.current);
    // presetKey stands for the preset's content; queryKey for the experiment part of the URL.
  }, [experiment, presetKey, queryKey, table]);

  const viewsKey = (views ?? []).join('\u0000');
  useEffect(() => {
    if (!viewsKey) return;
    const releases = viewsKey.split('\u0000').map(addWantedView);
    return () => releases.forEach((r) => r());
  }, [viewsKey]);

  useEffect(() => {
    if (!keys) return;
    window.addEventListener('keydown', onRunKey);
    window.addEventListener('keyup', onRunKeyUp);
    return () => {
      window.removeEventListener('keydown', onRunKey);
      window.removeEventListener('keyup', onRunKeyUp);
    };
  }, [keys]);

  const title = useParamsStore((s) => s.title);
  const values = useParamsStore((s) => s.values);
  const seed = useParamsStore((s) => s.seed);
  const status = useRunStore((s) => s.status);
  return { ready: table !== null, title, table, values, seed, status, setParam };
}

/**
 * Elements where Space toggles something of their own (checkboxes, radios, switches, disclosure summaries): the key
 * stays theirs. On buttons and links Space means Play/Pause, as everywhere else on the page (presentation clickers
 * send it wherever focus happens to be); Enter still activates the focused button.
 */
function spaceIsNative(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (
    (target as Element).closest(
      'input[type="checkbox"], input[type="radio"], summary, [role="checkbox"], [role="switch"], [role="radio"]',
    ) !== null
  );
}

let swallowSpaceUp = false;

/** Space: play/pause, `.`: one step, `,`: one step back, R: reset — never in text fields or with Ctrl/Alt/Meta (app/keyboard.ts). */
export function onRunKey(e: KeyboardEvent) {
  if (shouldIgnoreKey(e)) return;
  if (e.key === ' ' || e.key === 'Spacebar') {
    if (spaceIsNative(e.target)) return;
    e.preventDefault(); // no page scroll, and no click of a focused button
    if (e.repeat) return;
    swallowSpaceUp = true;
    togglePlay();
  } else if (e.key === '.') {
    e.preventDefault();
    step(1);
  } else if (e.key === ',') {
    e.preventDefault();
    stepBack();
  } else if (e.key === 'r' || e.key === 'R') {
    if (e.repeat) return;
    e.preventDefault();
    reset();
  }
}

/** A focused button would click on Space's keyup; the keydown already acted. */
export function onRunKeyUp(e: KeyboardEvent) {
  if ((e.key === ' ' || e.key === 'Spacebar') && swallowSpaceUp) {
    swallowSpaceUp = false;
    e.preventDefault();
  }
}

/**
 * Draw from frames without re-rendering: `callback(view, frame)` runs on each animation frame that brings a frame
 * (and once with the latest, on mount). Registers `name` as a wanted view. The callback may change every render.
 */
export function useFrameView<T extends ViewValue = ViewValue>(
  name: string,
  callback: (view: T | undefined, frame: Frame) => void,
) {
  const cb = useRef(callback);
  useEffect(() => {
    cb.current = callback;
  });
  useEffect(() => {
    const release = addWantedView(name);
    const deliver = (frame: Frame) => cb.current(frame.views[name] as T | undefined, frame);
    const latest = getLatestFrame();
    if (latest) deliver(latest);
    const unsubscribe = subscribeFrames(deliver);
    return () => {
      unsubscribe();
      release();
    };
  }, [name]);
}

/** The newest frame (re-renders on every frame). */
export function useLatestFrame(): Frame | null {
  return useSyncExternalStore(subscribeFrameChanges, getLatestFrame);
}
