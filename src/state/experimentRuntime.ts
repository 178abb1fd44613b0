/**
 * One mounted experiment's runtime: connects the URL, the stores and the worker run (workerRun.ts: the client, its
 * events and the run's state machine). Data flows one way: URL (+ lesson preset) → params store → worker → frames →
 * run store.
 * Everything it needs comes in through `RuntimeDeps`, so Node tests drive it with a fake client, route and clock.
 * runtimeHub.ts keeps the one instance a page has mounted and exposes plain actions (play, step, …) for components.
 */
import {
  DEFAULT_SEED,
  MAX_SEED,
  PAGE_PARAM_NAMES,
  coerceValue,
  decodeQuery,
  describeIgnored,
  displayValue,
  learningRateSpec,
  specMap,
  valuesEqual,
} from '../experiments/params';
import type { ExperimentData, ParamTable, ParamValue, ParamValues } from '../experiments/types';
import { MAX_STEP_REQUEST } from '../worker/protocol';
import { clearNotices, dismissNotice, showNotice } from './noticeStore';
import { INITIAL_RUN_STATE } from './runStore';
import { canTrain, type RunPhase } from './runMachine';
import { sameSpeed } from './speed';
import { newSeed, presetParts, type Preset } from './urlValues';
import { RUN_PARAM_NAMES, RuntimeLink } from './runtimeLink';
import type { RuntimeDeps } from './runtimeDeps';
import { WorkerRun } from './workerRun';

export { RUN_PARAM_NAMES, learningRateSpec };
export type { RuntimeClient, RuntimeDeps } from './runtimeDeps';

/** How long a navigating page gets to swap its figure before a sync may rewrite the URL or raise a notice. */
const SETTLE_MS = 80;
const REBUILD_DELAY_MS = 250; // a structural slider drag rebuilds once, when it settles

type Timer = ReturnType<typeof setTimeout>;

export class ExperimentRuntime {
  private readonly link: RuntimeLink;
  private table: ParamTable | null = null;
  private readonly run: WorkerRun;
  private disposed = false;
  /** The last sync request that arrived before the table loaded. */
  private pendingSync: { preset: Preset | undefined } | null = null;
  /** What the worker has now: decides whether a change is a `set` or a rebuild. */
  private sent: { values: ParamValues; seed: number } | null = null;
  private lastPreset: Preset | undefined;
  /** Page data that is not a setting (e.g. pasted text): sent with every load, never written into the link. */
  private data: ExperimentData | undefined;
  private settleTimer: Timer | null = null;
  private rebuildTimer: Timer | null = null;
  private pendingRebuild: { label: string; text: string } | null = null;
  constructor(
    readonly experimentId: string,
    private readonly deps: RuntimeDeps,
    opts: { reserved?: readonly string[] } = {},
  ) {
    this.link = new RuntimeLink(deps, [...PAGE_PARAM_NAMES, ...RUN_PARAM_NAMES, ...(opts.reserved ?? [])]);
    deps.frames.clear();
    clearNotices(this.deps.notices);
    this.deps.run.setState({ ...INITIAL_RUN_STATE });
    this.deps.params.setState({ experimentId, title: '', table: null });
    this.run = new WorkerRun((handlers) => deps.createClient(handlers), deps);
    deps.loadExperiment(experimentId).then(
      (experiment) => {
        if (this.disposed) return;
        this.table = experiment.params;
        this.deps.params.setState({ title: experiment.title, table: experiment.params });
        if (this.pendingSync) this.sync(this.pendingSync.preset);
      },
      (err: unknown) => {
        if (!this.disposed) this.run.fail(err instanceof Error ? err.message : String(err));
      },
    );
  }

  /** Stop everything. A pending URL write is dropped, not flushed: the URL may belong to the next page already. */
  dispose() {
    this.disposed = true;
    for (const t of [this.rebuildTimer, this.settleTimer]) if (t !== null) clearTimeout(t);
    this.link.cancelWrite();
    this.run.dispose();
    // The next page's figures mount (and read the latest frame) before its runtime starts: leave nothing stale.
    this.deps.frames.clear();
  }

  get currentPhase(): RunPhase {
    return this.run.phase;
  }

  /** The page was hidden or shown again (see WorkerRun.setHidden). */
  setHidden(hidden: boolean) {
    this.run.setHidden(hidden);
  }

  /** The run moves on from the link's moment (Play, Step, Reset, a rebuild): the link stops naming it. */
  private leaveMoment() {
    if (this.run.replaying) this.run.endReplay();
    if (!this.link.hasMoment) return;
    this.link.setMoment(null);
    this.link.scheduleWrite(this.table);
  }

  // --- URL and preset → values -----------------------------------------------------------------------------

  /**
   * Apply defaults ← preset ← URL. Call on mount and whenever the URL's experiment part or the preset changes. Bad
   * URL parts are dropped from the URL and listed in one dismissible notice.
   */
  sync(preset?: Preset, opts: { settled?: boolean } = {}) {
    this.lastPreset = preset;
    if (!this.table) {
      this.pendingSync = { preset };
      return;
    }
    this.pendingSync = null;
    const table = this.table;
    // When a page parameter such as `lesson` just changed, this figure may be on its way out (the page swaps figures
    // a render later), and the new link's settings may belong to the next figure's experiment. Apply what fits, but
    // judge and rewrite the link only once the page has settled — by then an unmounted figure has cancelled this.
    const navigating = this.link.pageChanged() && !opts.settled;
    this.clearTimer('settleTimer');
    if (navigating) {
      this.settleTimer = setTimeout(() => {
        this.settleTimer = null;
        if (!this.disposed) this.sync(this.lastPreset, { settled: true });
      }, SETTLE_MS);
    }
    // A structural change waiting to settle is the user's latest word: apply it (and announce it) first. Our own
    // URL write for it would otherwise arrive here and rebuild silently.
    this.flushPending();
    // The URL is the truth now; a write scheduled before it changed would only canonicalise it again.
    this.link.cancelWrite();
    const base = presetParts(table, preset);
    const decoded = decodeQuery(table, this.link.query(), {
      base: base.values,
      reserved: this.link.reserved,
    });
    const seed = decoded.hasSeed ? decoded.seed : (base.seed ?? DEFAULT_SEED);
    this.deps.params.setState({ baseline: base.values });
    const speed = this.link.readSpeed();
    if (speed.changed) this.run.sendPace();
    const loaded = this.apply(decoded.values, seed, { keepRunning: false });
    // After apply: a (re)load forgets the previous moment, and a new `at` names the next one.
    const at = this.link.readAt();
    if (at.step !== null) this.run.replayTo(at.step, loaded);
    if (navigating) return;
    for (const problem of [speed.problem, at.problem]) if (problem) decoded.ignored.push(problem);
    if (decoded.ignored.length) {
      showNotice(
        this.deps.notices,
        'url',
        'Some settings in the link were not used.',
        describeIgnored(decoded.ignored),
      );
    }
    this.writeUrlNow();
  }

  /** Writes the link for the current state now (Share does this before copying it). */
  writeUrlNow() {
    if (!this.disposed) this.link.writeNow(this.table);
  }

  /** Share: the link names this moment (`at`, the step shown), so it reopens the run replayed to here. */
  writeMomentLink() {
    this.flushPending();
    this.link.setMoment(this.deps.frames.getLatest()?.step ?? 0);
    this.writeUrlNow();
  }

  /** Values/seed → store and worker: a rebuild if the seed or a structural value changed, else live `set`s. */
  private apply(values: ParamValues, seed: number, opts: { keepRunning: boolean }): boolean {
    if (!this.table) return false;
    this.deps.params.setState({ values, seed });
    const sent = this.sent;
    const structural =
      !sent ||
      sent.seed !== seed ||
      this.table.some((spec) => !spec.live && !valuesEqual(values[spec.name], sent.values[spec.name]));
    if (structural) {
      this.load(values, seed, opts.keepRunning && this.run.phase === 'running');
      return true;
    }
    for (const spec of this.table) {
      const v = values[spec.name];
      if (!valuesEqual(v, sent.values[spec.name])) this.run.client.set(spec.name, v);
    }
    this.sent = { values: { ...values }, seed };
    return false;
  }

  private load(values: ParamValues, seed: number, thenPlay: boolean) {
    this.sent = { values: { ...values }, seed };
    this.run.cancelPauseConfirm();
    this.leaveMoment();
    this.run.clearRun();
    this.run.dispatch(thenPlay ? 'loadAndPlay' : 'load');
    this.run.client.load(this.experimentId, values, seed, this.deps.wantedViews(), this.data);
    if (thenPlay) this.run.client.play();
  }

  /** The lesson step's pace or stopping point changed (already in the params store). */
  paceDefaultsChanged() {
    this.run.sendPace();
    if (this.table && this.link.readSpeed(true).changed) this.run.sendPace();
  }

  // --- actions (buttons, keys, controls) ---------------------------------------------------------------------

  private clearTimer(name: 'rebuildTimer' | 'settleTimer') {
    const t = this[name];
    if (t !== null) clearTimeout(t);
    this[name] = null;
  }

  private flushPending() {
    if (this.rebuildTimer === null) return;
    this.clearTimer('rebuildTimer');
    this.commitRebuild();
  }

  private get trainable(): boolean {
    return this.sent !== null && canTrain(this.run.phase);
  }

  play() {
    this.flushPending();
    if (!this.trainable) return;
    this.run.cancelPauseConfirm();
    this.leaveMoment();
    this.run.client.play();
    this.run.dispatch('play');
  }

  pause() {
    this.run.pause();
  }

  togglePlay() {
    // While a pause is being confirmed (asked for, or the run reached its natural stop) the status still reads
    // "running" and the button "Pause": pressing it means pause, not play again.
    if (this.run.phase === 'running') this.pause();
    else if (this.run.phase !== 'pausing') this.play();
  }

  /** Train exactly `n` steps (pauses first if running). */
  step(n = 1) {
    const count = Math.max(1, Math.min(MAX_STEP_REQUEST, Math.floor(n)));
    this.moveExactly(() => this.run.client.step(count));
  }

  /** The timeline: show the run at `step` (pauses first if running); the worker clamps it to the steps reached. */
  seek(step: number) {
    if (Number.isFinite(step)) this.moveExactly(() => this.run.client.seek(Math.max(0, Math.floor(step))));
  }

  /** Step and seek: the worker trains an exact count (or rewinds), then the run is paused there. */
  private moveExactly(send: () => void) {
    this.flushPending();
    if (!this.trainable) return;
    this.run.cancelPauseConfirm();
    this.leaveMoment();
    if (this.run.phase === 'running') this.run.client.pause();
    send();
    this.run.dispatch('step');
  }

  /** Back to step 0 with the same settings and seed (after a failure: a fresh worker). */
  reset() {
    this.flushPending();
    this.run.cancelPauseConfirm();
    if (this.run.phase === 'error') {
      this.retry();
      return;
    }
    if (!this.sent) return;
    this.leaveMoment();
    this.run.clearRun();
    this.run.client.reset();
    this.run.dispatch('load');
  }

  /** After a failure: a fresh worker, the same settings. */
  retry() {
    if (!this.table) return;
    this.run.renewClient();
    const { values, seed } = this.deps.params.getState();
    this.load(values, seed, false);
  }

  /** A control changed a parameter; returns the value actually used (validated). */
  setParam(name: string, input: unknown): ParamValue | undefined {
    if (!this.table) return undefined;
    const spec = specMap(this.table).get(name);
    if (!spec) return undefined;
    const { value } = coerceValue(spec, input);
    const state = this.deps.params.getState();
    if (valuesEqual(state.values[name], value)) return value;
    this.deps.params.setState({ values: { ...state.values, [name]: value } });
    this.leaveMoment();
    this.link.scheduleWrite(this.table);
    if (spec.live) {
      if (this.sent) {
        this.run.client.set(name, value);
        this.sent = { values: { ...this.sent.values, [name]: value }, seed: this.sent.seed };
      }
      return value;
    }
    this.pendingRebuild = { label: spec.label, text: displayValue(spec, value) };
    this.clearTimer('rebuildTimer');
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = null;
      this.commitRebuild();
    }, REBUILD_DELAY_MS);
    return value;
  }

  private commitRebuild() {
    const change = this.pendingRebuild;
    this.pendingRebuild = null;
    const { values, seed } = this.deps.params.getState();
    const rebuilt = this.apply(values, seed, { keepRunning: true });
    if (rebuilt && change) {
      showNotice(this.deps.notices, 'rebuilt', `Model rebuilt: ${change.label} is now ${change.text}.`, [
        'This setting changes the model itself, so training restarted from step 0 (same seed).',
      ]);
    }
  }

  /** The speed control moved: steps per second, or null for full speed. */
  setSpeed(speed: number | null) {
    if (sameSpeed(this.deps.params.getState().speed, speed)) return;
    this.deps.params.setState({ speed });
    this.run.sendPace();
    this.link.scheduleWrite(this.table);
  }

  /** A different, equally reproducible run: a new seed (shown in the URL). */
  newRandomStart(): number {
    this.flushPending();
    const seed = newSeed(this.deps.params.getState().seed);
    dismissNotice(this.deps.notices, 'rebuilt');
    this.apply(this.deps.params.getState().values, Math.min(MAX_SEED, seed), { keepRunning: true });
    this.link.scheduleWrite(this.table);
    return seed;
  }

  /** One-click fix for divergence: learning rate ÷ 10, then start over from step 0. */
  lowerLearningRate() {
    const spec = learningRateSpec(this.table);
    if (!spec) return;
    const { values, seed } = this.deps.params.getState();
    const lr = Math.max(spec.min, Number(values[spec.name]) / 10);
    const next = { ...values, [spec.name]: Number(lr.toPrecision(3)) };
    this.deps.params.setState({ values: next });
    this.load(next, seed, false);
    this.link.scheduleWrite(this.table);
  }

  /**
   * New page data (ExperimentData, e.g. pasted text). It goes with every later load; with `rebuild` (and an
   * experiment loaded) the model is rebuilt now — same settings and seed, step 0, playing continues — with `notice`.
   */
  setData(data: ExperimentData | undefined, opts: { rebuild: boolean; notice?: string }) {
    this.data = data ? { ...data } : undefined;
    // A structural change about to rebuild (rebuildTimer) will carry the new data with it.
    if (!opts.rebuild || !this.sent || !this.table || this.rebuildTimer !== null) return;
    const { values, seed } = this.deps.params.getState();
    this.load(values, seed, this.run.phase === 'running');
    if (opts.notice)
      showNotice(this.deps.notices, 'rebuilt', opts.notice, [
        'Training restarted from step 0 (same settings and seed).',
      ]);
  }

  /** Frames should carry a different set of views. */
  viewsChanged() {
    if (this.sent) this.run.client.setViews(this.deps.wantedViews());
  }
}
