/**
 * A runtime hub: everything live training keeps for one app — the mounted experiment (an `ExperimentRuntime`), the
 * frame store its worker publishes into and figures read from, the views figures want, the timeline's seek in flight,
 * the run keys and the count of RunControls on screen. `main.tsx` creates the app's hub and provides it through React
 * context (runtimeContext.ts); components call its methods as the run's actions; tests create their own.
 */
import { getRoute, replaceQuery } from '../platform/router';
import { loadExperiment } from '../experiments/registry';
import type { ExperimentData, ParamValue } from '../experiments/types';
import { TrainerClient, newRuntimeStats, type RuntimeStats } from '../worker/client';
import { ExperimentRuntime } from './experimentRuntime';
import { FrameStore } from './frameStore';
import { createNoticeStore } from './noticeStore';
import { createParamsStore } from './paramsStore';
import { createRunStore } from './runStore';
import { RunKeys } from './runKeys';
import type { RuntimeDeps } from './runtimeDeps';
import { sameSpeed } from './speed';
import { SeekTracker } from './timeline';
import type { Preset } from './urlValues';
import { WantedViews } from './wantedViews';

/** What a hub takes from the browser: the worker client, the experiment registry and the address bar. */
export type HubPlatform = Omit<RuntimeDeps, 'wantedViews' | 'frames' | 'params' | 'run' | 'notices'>;

const browserPlatform = (stats: RuntimeStats): HubPlatform => ({
  createClient: (handlers) => new TrainerClient(handlers, { stats }),
  loadExperiment,
  getRoute,
  replaceQuery,
});

export class RuntimeHub {
  current: ExperimentRuntime | null = null;
  /** Frames, workers and restarts counted over every client this hub creates (for tests and read-outs). */
  readonly stats = newRuntimeStats();
  readonly frames = new FrameStore();
  /** The mounted experiment's settings, its run's read-outs and its notices: each hub has its own. */
  readonly params = createParamsStore();
  readonly run = createRunStore();
  readonly notices = createNoticeStore();
  /** Figures register views in their own effects, before the page's experiment mounts: they outlive any runtime. */
  readonly views = new WantedViews(() => this.current?.viewsChanged());
  readonly timeline = new SeekTracker(this.frames, (s) => this.current?.seek(s));
  readonly keys = new RunKeys(this);
  /** RunControls on the page (ref-counted): when the last one goes, its run stops. */
  private controls = 0;
  private readonly platform: HubPlatform;

  constructor(platform?: HubPlatform) {
    this.platform = platform ?? browserPlatform(this.stats);
  }

  /** `linked` false: the run neither reads nor writes the address bar (a figure that is not the page's subject). */
  private deps(linked: boolean): RuntimeDeps {
    const { getRoute: route, replaceQuery: replace } = this.platform;
    return {
      ...this.platform,
      getRoute: linked ? route : () => ({ path: route().path, query: new URLSearchParams() }),
      replaceQuery: linked ? replace : () => {},
      wantedViews: () => this.views.list(),
      frames: this.frames,
      params: this.params,
      run: this.run,
      notices: this.notices,
    };
  }

  /** Mount an experiment (replacing the mounted one); returns the unmount function. */
  attach(experimentId: string, reserved: readonly string[], linked = true): () => void {
    this.current?.dispose();
    this.timeline.clear();
    const runtime = new ExperimentRuntime(experimentId, this.deps(linked), { reserved });
    this.current = runtime;
    const onVisibility = () => runtime.setHidden(document.visibilityState === 'hidden');
    const doc = typeof document === 'undefined' ? null : document; // Node tests have none
    doc?.addEventListener('visibilitychange', onVisibility);
    return () => {
      doc?.removeEventListener('visibilitychange', onVisibility);
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

  /**
   * The lesson step's default pace (steps per second; undefined = full speed) and natural stopping point. The lesson
   * page calls this whenever the step changes (and with nothing when it unmounts). A `speed` in the URL wins.
   */
  setLessonPace(pace: number | undefined, stopAt: number | undefined) {
    const defaultSpeed = pace !== undefined && Number.isFinite(pace) && pace > 0 ? pace : null;
    const stop = stopAt !== undefined && Number.isInteger(stopAt) && stopAt > 0 ? stopAt : null;
    const state = this.params.getState();
    if (sameSpeed(state.defaultSpeed, defaultSpeed) && state.stopAt === stop) return;
    this.params.setState({ defaultSpeed, stopAt: stop });
    this.current?.paceDefaultsChanged();
  }

  sync(preset?: Preset, opts: { settled?: boolean } = {}) {
    this.current?.sync(preset, opts);
  }
  play() {
    this.current?.play();
  }
  pause() {
    this.current?.pause();
  }
  togglePlay() {
    this.current?.togglePlay();
  }
  step(n = 1) {
    this.current?.step(n);
  }
  reset() {
    this.timeline.clear();
    this.current?.reset();
  }
  seek(step: number) {
    this.timeline.seekTo(step);
  }
  stepBack() {
    this.timeline.stepBack();
  }
  retry() {
    this.current?.retry();
  }
  lowerLearningRate() {
    this.current?.lowerLearningRate();
  }
  setSpeed(speed: number | null) {
    this.current?.setSpeed(speed);
  }
  setParam(name: string, input: unknown): ParamValue | undefined {
    return this.current?.setParam(name, input);
  }
  setData(data: ExperimentData | undefined, opts: { rebuild: boolean; notice?: string }) {
    this.current?.setData(data, opts);
  }
  newRandomStart(): number {
    return this.current?.newRandomStart() ?? this.params.getState().seed;
  }
  writeMomentLink() {
    this.current?.writeMomentLink();
  }
}
