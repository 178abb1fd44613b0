/**
 * The page-facing runtime: plain actions (play, step, setParam, …) usable from components, keys and lesson buttons
 * without hooks. They act on the app's runtime hub, `appRuntime` (runtimeHub.ts: the mounted `ExperimentRuntime`, the
 * frame store, the wanted views, the timeline and the keys). Hooks reach the same hub through React context
 * (runtimeContext.ts), so a test can render with a hub of its own. `useExperiment` mounts and unmounts experiments.
 */
import type { ExperimentData, ParamValue } from '../experiments/types';
import type { ClientOptions } from '../worker/client';
import type { Frame, MetricHistory } from './frames';
import { RuntimeHub } from './runtimeHub';
import type { Preset } from './urlValues';

export { learningRateSpec, RUN_PARAM_NAMES } from './experimentRuntime';
export { experimentQueryKey, type Preset } from './urlValues';
export { RuntimeHub, type HubPlatform } from './runtimeHub';

/** The app's hub: the one the plain actions below act on, and what hooks find when no provider gives another. */
export const appRuntime = new RuntimeHub();

/** The newest frame of the app's runtime (null before the first one). */
export function getLatestFrame(): Frame | null {
  return appRuntime.frames.getLatest();
}

/** Call `listener` with every new frame of the app's runtime; returns the unsubscribe function. */
export function subscribeFrames(listener: (frame: Frame) => void): () => void {
  return appRuntime.frames.subscribe(listener);
}

/** The app's bounded step/loss/valLoss/accuracy history (figures in React use `useMetricHistory`). */
export function getMetricHistory(): MetricHistory {
  return appRuntime.frames.history;
}

/** Space / `.` / `,` / R for the app's runtime (useExperiment installs them while mounted). */
export const onRunKey = (e: KeyboardEvent) => appRuntime.keys.onKeyDown(e);
export const onRunKeyUp = (e: KeyboardEvent) => appRuntime.keys.onKeyUp(e);

/** RunControls call this while mounted (see RuntimeHub.controlsMounted). */
export function registerRunControls(): () => void {
  return appRuntime.controlsMounted();
}

/** Ask frames to carry view `name` until the returned release function is called. */
export function addWantedView(name: string): () => void {
  return appRuntime.views.add(name);
}

/** Test hook: options for the next worker client (e.g. a short watchdog). */
export function configureRuntime(opts: ClientOptions) {
  appRuntime.clientOptions = opts;
}

/**
 * Mount an experiment: starts the worker and loads the experiment's table. Returns the unmount function. Values are
 * applied by `syncExperiment` (URL + preset), which may be called before the table arrives.
 */
export function attachExperiment(
  experimentId: string,
  opts: { reserved?: readonly string[]; linked?: boolean } = {},
): () => void {
  return appRuntime.attach(experimentId, opts.reserved ?? [], opts.linked ?? true);
}

/** Apply defaults ← preset ← URL (on mount, and whenever the URL's experiment part or the preset changes). */
export function syncExperiment(preset?: Preset, opts: { settled?: boolean } = {}) {
  appRuntime.sync(preset, opts);
}

/**
 * The lesson step's default pace (steps per second; undefined = full speed) and natural stopping point. Called by
 * the lesson page whenever the step changes (and with nothing when it unmounts). A `speed` in the URL wins.
 */
export function setLessonPace(pace: number | undefined, stopAt: number | undefined) {
  appRuntime.setLessonPace(pace, stopAt);
}

export const play = () => appRuntime.play();
export const pause = () => appRuntime.pause();
export const togglePlay = () => appRuntime.togglePlay();
/** Train exactly `n` steps (pauses first if running). */
export const step = (n = 1) => appRuntime.step(n);
/** Back to step 0 with the same settings and seed. */
export const reset = () => appRuntime.reset();
/** The timeline: show the run at `step` (pauses first); Play or Step from there discards the later moments. */
export const seek = (step: number) => appRuntime.seek(step);
/** The `,` key: one step back (the run is restored from the nearest kept moment, then trained exactly). */
export const stepBack = () => appRuntime.stepBack();
/** After a failure: a fresh worker, the same settings. */
export const retry = () => appRuntime.retry();
/** One-click fix for divergence: learning rate ÷ 10, then start over from step 0. */
export const lowerLearningRate = () => appRuntime.lowerLearningRate();
/** Steps per second, or null for full speed. */
export const setSpeed = (speed: number | null) => appRuntime.setSpeed(speed);

/**
 * A control changed a parameter. Live ones take effect at the next step; structural ones rebuild the model (once
 * the control settles) and say so in a notice. Returns the value actually used (validated).
 */
export function setParam(name: string, input: unknown): ParamValue | undefined {
  return appRuntime.setParam(name, input);
}

/**
 * Page data for the mounted experiment that is not a setting and never goes into a link (e.g. a pasted training
 * text, `{ text }`). Later loads carry it; `rebuild: true` rebuilds the model now (step 0, same seed) with `notice`.
 */
export function setExperimentData(
  data: ExperimentData | undefined,
  opts: { rebuild: boolean; notice?: string } = { rebuild: true },
) {
  appRuntime.setData(data, opts);
}

/** A different, equally reproducible run: a new seed (shown in the URL). */
export function newRandomStart(): number {
  return appRuntime.newRandomStart();
}

export interface ShareResult {
  url: string;
  copied: boolean;
}

/** The current link with the step shown as `at` (URL written first), copied to the clipboard when the browser allows it. */
export async function shareLink(): Promise<ShareResult> {
  appRuntime.writeMomentLink();
  const url = window.location.href;
  try {
    if (!navigator.clipboard?.writeText) return { url, copied: false };
    await navigator.clipboard.writeText(url);
    return { url, copied: true };
  } catch {
    return { url, copied: false };
  }
}
