/**
 * The page-facing runtime: plain actions (play, step, setParam, …) usable from components, keys and lesson buttons
 * without hooks. They act on the one experiment the page has mounted — an `ExperimentRuntime` (experimentRuntime.ts)
 * held by the `RuntimeHub` below together with the views figures want. `useExperiment` mounts and unmounts it.
 */
import { getRoute, replaceQuery } from '../platform/router';
import { loadExperiment } from '../experiments/registry';
import type { ExperimentData, ParamValue } from '../experiments/types';
import { TrainerClient, type ClientOptions } from '../worker/client';
import { ExperimentRuntime, type RuntimeDeps } from './experimentRuntime';
import { useParamsStore } from './paramsStore';
import { sameSpeed } from './speed';
import { clearSeek, seekTo, stepBackFrom } from './timeline';
import type { Preset } from './urlValues';
import { WantedViews } from './wantedViews';

export { learningRateSpec, RUN_PARAM_NAMES } from './experimentRuntime';
export { experimentQueryKey, type Preset } from './urlValues';

/**
 * The mounted experiment and the views its figures want. Figures register views in their own effects, which run
 * before the page's `useExperiment` effect mounts the runtime, so the views outlive any one runtime.
 */
class RuntimeHub {
  current: ExperimentRuntime | null = null;
  clientOptions: ClientOptions = {};
  readonly views = new WantedViews(() => this.current?.viewsChanged());

  /** `linked` false: the run neither reads nor writes the address bar (a figure that is not the page's subject). */
  deps(linked = true): RuntimeDeps {
    return {
      createClient: (handlers) => new TrainerClient(handlers, this.clientOptions),
      loadExperiment,
      getRoute: linked ? getRoute : () => ({ path: getRoute().path, query: new URLSearchParams() }),
      replaceQuery: linked ? replaceQuery : () => {},
      wantedViews: () => this.views.list(),
    };
  }

  /** RunControls on the page (ref-counted): when the last one goes, its run stops. */
  private controls = 0;

  attach(experimentId: string, reserved: readonly string[], linked = true): () => void {
    this.current?.dispose();
    clearSeek();
    const runtime = new ExperimentRuntime(experimentId, this.deps(linked), { reserved });
    this.current = runtime;
    const onVisibility = () => runtime.setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      if (this.current !== runtime) return;
      runtime.dispose();
      this.current = null;
    };
  }

  /**
   * A RunControls mounted. When no controls are left on the page (e.g. the lesson moved to a step without a live
   * figure while the page's experiment keeps its model), a playing run pauses: nothing on screen could stop it. The
   * check waits a tick, so controls swapped within one render (a figure replaced by another) do not count.
   */
  controlsMounted(): () => void {
    this.controls++;
    return () => {
      this.controls--;
      setTimeout(() => {
        if (this.controls === 0) this.current?.pause();
      }, 0);
    };
  }
}

const hub = new RuntimeHub();

/** RunControls call this while mounted (see RuntimeHub.controlsMounted). */
export function registerRunControls(): () => void {
  return hub.controlsMounted();
}

/** Ask frames to carry view `name` until the returned release function is called. */
export function addWantedView(name: string): () => void {
  return hub.views.add(name);
}

/** Test hook: options for the next worker client (e.g. a short watchdog). */
export function configureRuntime(opts: ClientOptions) {
  hub.clientOptions = opts;
}

/**
 * Mount an experiment: starts the worker and loads the experiment's table. Returns the unmount function. Values are
 * applied by `syncExperiment` (URL + preset), which may be called before the table arrives.
 */
export function attachExperiment(
  experimentId: string,
  opts: { reserved?: readonly string[]; linked?: boolean } = {},
): () => void {
  return hub.attach(experimentId, opts.reserved ?? [], opts.linked ?? true);
}

/** Apply defaults ← preset ← URL (on mount, and whenever the URL's experiment part or the preset changes). */
export function syncExperiment(preset?: Preset, opts: { settled?: boolean } = {}) {
  hub.current?.sync(preset, opts);
}

/**
 * The lesson step's default pace (steps per second; undefined = full speed) and natural stopping point. Called by
 * the lesson page whenever the step changes (and with nothing when it unmounts). A `speed` in the URL wins.
 */
export function setLessonPace(pace: number | undefined, stopAt: number | undefined) {
  const defaultSpeed = pace !== undefined && Number.isFinite(pace) && pace > 0 ? pace : null;
  const stop = stopAt !== undefined && Number.isInteger(stopAt) && stopAt > 0 ? stopAt : null;
  const state = useParamsStore.getState();
  if (sameSpeed(state.defaultSpeed, defaultSpeed) && state.stopAt === stop) return;
  useParamsStore.setState({ defaultSpeed, stopAt: stop });
  hub.current?.paceDefaultsChanged();
}

export const play = () => hub.current?.play();
export const pause = () => hub.current?.pause();
export const togglePlay = () => hub.current?.togglePlay();
/** Train exactly `n` steps (pauses first if running). */
export const step = (n = 1) => hub.current?.step(n);
/** Back to step 0 with the same settings and seed. */
export const reset = () => {
  clearSeek();
  hub.current?.reset();
};
/** The timeline: show the run at `step` (pauses first); Play or Step from there discards the later moments. */
export const seek = (step: number) => seekTo(step, (s) => hub.current?.seek(s));
/** The `,` key: one step back (the run is restored from the nearest kept moment, then trained exactly). */
export const stepBack = () => stepBackFrom((s) => hub.current?.seek(s));
/** After a failure: a fresh worker, the same settings. */
export const retry = () => hub.current?.retry();
/** One-click fix for divergence: learning rate ÷ 10, then start over from step 0. */
export const lowerLearningRate = () => hub.current?.lowerLearningRate();
/** Steps per second, or null for full speed. */
export const setSpeed = (speed: number | null) => hub.current?.setSpeed(speed);

/**
 * A control changed a parameter. Live ones take effect at the next step; structural ones rebuild the model (once
 * the control settles) and say so in a notice. Returns the value actually used (validated).
 */
export function setParam(name: string, input: unknown): ParamValue | undefined {
  return hub.current?.setParam(name, input);
}

/**
 * Page data for the mounted experiment that is not a setting and never goes into a link (e.g. a pasted training
 * text, `{ text }`). Later loads carry it; `rebuild: true` rebuilds the model now (step 0, same seed) with `notice`.
 */
export function setExperimentData(
  data: ExperimentData | undefined,
  opts: { rebuild: boolean; notice?: string } = { rebuild: true },
) {
  hub.current?.setData(data, opts);
}

/** A different, equally reproducible run: a new seed (shown in the URL). */
export function newRandomStart(): number {
  return hub.current?.newRandomStart() ?? useParamsStore.getState().seed;
}

export interface ShareResult {
  url: string;
  copied: boolean;
}

/** The current link with the step shown as `at` (URL written first), copied to the clipboard when the browser allows it. */
export async function shareLink(): Promise<ShareResult> {
  hub.current?.writeMomentLink();
  const url = window.location.href;
  try {
    if (!navigator.clipboard?.writeText) return { url, copied: false };
    await navigator.clipboard.writeText(url);
    return { url, copied: true };
  } catch {
    return { url, copied: false };
  }
}
