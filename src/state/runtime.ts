/**
 * The runtime controller: module-level actions (no hooks needed) that connect the URL, the stores and the worker.
 * Data flows one way: URL (+ lesson preset) → params store → worker → frames → run store / frame listeners.
 * Pages use it through the hooks in useExperiment.ts and the components in src/components/run.
 */
import { getRoute, replaceQuery } from '../platform/router';
import {
  DEFAULT_SEED,
  MAX_SEED,
  PAGE_PARAM_NAMES,
  SEED_PARAM,
  coerceValue,
  decodeQuery,
  defaultValues,
  shorten,
  type IgnoredParam,
  describeIgnored,
  encodeQuery,
  formatValue,
  mergeValues,
  parseSeed,
  specMap,
  valuesEqual,
} from '../experiments/params';
import { loadExperiment } from '../experiments/registry';
import type {
  Metrics,
  NumberParam,
  ParamSpec,
  ParamTable,
  ParamValue,
  ParamValues,
} from '../experiments/types';
import { MAX_STEP_REQUEST } from '../worker/protocol';
import { TrainerClient, type ClientOptions } from '../worker/client';
import { clearFrames, publishFrame } from './frames';
import { clearNotices, dismissNotice, showNotice } from './noticeStore';
import { useParamsStore } from './paramsStore';
import { INITIAL_RUN_STATE, useRunStore } from './runStore';
import { SPEED_PARAM, formatSpeed, parseSpeed, sameSpeed } from './speed';

/** URL names the runtime itself owns (not experiment settings): never reported as unknown. */
export const RUN_PARAM_NAMES: readonly string[] = [SPEED_PARAM];

/** A lesson preset: parameter values (URL-style text or typed) and optionally `seed`. */
export type Preset = Readonly<Record<string, string | number | boolean>>;

interface Mounted {
  experimentId: string;
  /** Route path the experiment lives on; the URL is written only while it is still current. */
  path: string;
  reserved: readonly string[];
  table: ParamTable | null;
  /** The last sync request that arrived before the table loaded. */
  pendingPreset: Preset | undefined;
  pendingSync: boolean;
  /** What the worker has now: decides whether a change is a `set` or a rebuild. */
  sent: { values: ParamValues; seed: number } | null;
  /** Page parameters (e.g. `lesson`) at the last sync: a change means the page is navigating. */
  lastPageKey: string | null;
  lastPreset: Preset | undefined;
  settleTimer: ReturnType<typeof setTimeout> | null;
}

/** How long a navigating page gets to swap its figure before a sync may rewrite the URL or raise a notice. */
const SETTLE_MS = 80;

let mounted: Mounted | null = null;
let client: TrainerClient | null = null;
let clientOptions: ClientOptions = {};
let mountToken = 0;
let urlTimer: ReturnType<typeof setTimeout> | null = null;
let rebuildTimer: ReturnType<typeof setTimeout> | null = null;
let pendingRebuild: { label: string; text: string } | null = null;

const URL_WRITE_DELAY_MS = 200; // coalesces slider drags into one history.replaceState
const REBUILD_DELAY_MS = 250; // a structural slider drag rebuilds once, when it settles

// --- views the page wants (ref-counted: figures register what they draw) -----------------------------------

const wantedViews = new Map<string, number>();
let viewsDirty = false;

function wantedList(): string[] {
  return [...wantedViews.keys()].sort();
}

/** Ask frames to carry view `name` until the returned release function is called. */
export function addWantedView(name: string): () => void {
  wantedViews.set(name, (wantedViews.get(name) ?? 0) + 1);
  scheduleViewsUpdate();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (wantedViews.get(name) ?? 1) - 1;
    if (n <= 0) wantedViews.delete(name);
    else wantedViews.set(name, n);
    scheduleViewsUpdate();
  };
}

function scheduleViewsUpdate() {
  if (viewsDirty) return;
  viewsDirty = true;
  queueMicrotask(() => {
    viewsDirty = false;
    if (mounted?.sent) client?.setViews(wantedList());
  });
}

// --- mounting ----------------------------------------------------------------------------------------------

/** Test hook: options for the next client (e.g. a short watchdog). */
export function configureRuntime(opts: ClientOptions) {
  clientOptions = opts;
}

/**
 * Mount an experiment: starts the worker and loads the experiment's table on the main thread. Returns the unmount
 * function. Values are applied by `syncExperiment` (URL + preset), which may be called before the table arrives.
 */
export function attachExperiment(
  experimentId: string,
  opts: { reserved?: readonly string[] } = {},
): () => void {
  detach();
  const token = ++mountToken;
  mounted = {
    experimentId,
    path: getRoute().path,
    reserved: [...PAGE_PARAM_NAMES, ...RUN_PARAM_NAMES, ...(opts.reserved ?? [])],
    table: null,
    pendingPreset: undefined,
    pendingSync: false,
    sent: null,
    lastPageKey: null,
    lastPreset: undefined,
    settleTimer: null,
  };
  clearFrames();
  readouts.drop();
  clearNotices();
  useRunStore.setState({ ...INITIAL_RUN_STATE });
  useParamsStore.setState({ experimentId, title: '', table: null });
  client = makeClient();
  urlSpeedText = undefined;
  sendPace();
  loadExperiment(experimentId).then(
    (experiment) => {
      if (token !== mountToken || !mounted) return;
      mounted.table = experiment.params;
      useParamsStore.setState({ title: experiment.title, table: experiment.params });
      if (mounted.pendingSync) syncExperiment(mounted.pendingPreset);
    },
    (err: unknown) => {
      if (token !== mountToken) return;
      fail(err instanceof Error ? err.message : String(err));
    },
  );
  return () => {
    if (token === mountToken) detach();
  };
}

function detach() {
  // A pending URL write is dropped, not flushed: the URL may already belong to the next lesson step or page.
  if (urlTimer !== null) clearTimeout(urlTimer);
  urlTimer = null;
  if (rebuildTimer !== null) clearTimeout(rebuildTimer);
  rebuildTimer = null;
  pendingRebuild = null;
  if (mounted?.settleTimer) clearTimeout(mounted.settleTimer);
  client?.dispose();
  client = null;
  mounted = null;
  mountToken++;
  // The next page's figures mount (and read the latest frame) before its useExperiment effect runs: leave nothing stale.
  clearFrames();
  readouts.drop();
}

function makeClient(): TrainerClient {
  return new TrainerClient(
    {
      ready: () => useRunStore.setState({ ready: true }),
      frame: (msg) => {
        publishFrame({
          step: msg.step,
          epoch: msg.epoch,
          metrics: msg.metrics,
          views: msg.views,
          running: msg.running ?? false,
          stepsPerSecond: msg.stepsPerSecond ?? 0,
        });
        if (useRunStore.getState().status === 'diverged') return; // keep the last finite read-outs
        readouts.offer(msg.metrics, msg.stepsPerSecond ?? 0);
        if (!msg.running) confirmPause();
      },
      stopped: () => {
        // Play reached the step's natural stopping point: wait for the worker's final frame, as after Pause.
        if (useRunStore.getState().status === 'running') awaitPauseConfirm();
      },
      diverged: (msg) =>
        useRunStore.setState((s) => ({
          status: 'diverged',
          diverged: { step: msg.step, reason: msg.reason },
          metrics: msg.metrics ?? s.metrics,
        })),
      restarted: (reason) => {
        clearFrames();
        readouts.drop();
        useRunStore.setState({ status: 'idle', metrics: null, diverged: null, error: null });
        showNotice('worker', 'The training worker was restarted.', [
          reason,
          'The experiment was reloaded at step 0 with the same settings and seed. Press Play to continue.',
        ]);
      },
      failed: fail,
    },
    clientOptions,
  );
}

/**
 * Read-outs are text: ~12 updates a second are plenty to read, and each costs a React render plus layout. Frames keep
 * arriving at up to 60/s for figures; the newest metrics always land (a trailing update within READOUT_MS).
 */
const READOUT_MS = 80;
const readouts = {
  pending: null as { metrics: Metrics; speed: number } | null,
  last: 0,
  timer: null as ReturnType<typeof setTimeout> | null,
  offer(metrics: Metrics, speed: number) {
    this.pending = { metrics, speed };
    const wait = READOUT_MS - (performance.now() - this.last);
    if (wait <= 0) this.flush();
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), wait);
  },
  flush() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    this.last = performance.now();
    if (useRunStore.getState().status === 'diverged') return;
    useRunStore.setState({ metrics: p.metrics, stepsPerSecond: p.speed });
  },
  /** Forget a pending update (a load or reset cleared the read-outs). */
  drop() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  },
};

function fail(message: string) {
  useRunStore.setState({ status: 'error', error: message.slice(0, 500), diverged: null });
}

// --- URL and preset → values ---------------------------------------------------------------------------------

function presetParts(
  table: ParamTable,
  preset: Preset | undefined,
): { values: ParamValues; seed: number | null } {
  const rest: Record<string, string | number | boolean> = Object.create(null) as Record<
    string,
    string | number | boolean
  >;
  let seed: number | null = null;
  if (preset) {
    for (const name of Object.keys(preset)) {
      if (name === SEED_PARAM) {
        const parsed = parseSeed(String(preset[name]));
        if (!parsed.problem) seed = parsed.seed;
      } else rest[name] = preset[name];
    }
  }
  const merged = mergeValues(table, defaultValues(table), rest);
  if (merged.ignored.length) {
    // A bug in lesson data, not the reader's doing: tell the developer, not the page.
    console.warn('Lesson preset values were ignored:', describeIgnored(merged.ignored).join('; '));
  }
  return { values: merged.values, seed };
}

/** The part of a query that belongs to the experiment (page parameters removed), as a comparable string. */
export function experimentQueryKey(
  query: URLSearchParams,
  reserved: readonly string[] = PAGE_PARAM_NAMES,
): string {
  const out = new URLSearchParams();
  for (const [k, v] of query) if (!reserved.includes(k)) out.append(k, v);
  return out.toString();
}

/**
 * Apply defaults ← preset ← URL. Call on mount and whenever the URL's experiment part or the preset changes. Bad
 * URL parts are dropped from the URL and listed in one dismissible notice.
 */
export function syncExperiment(preset?: Preset, opts: { settled?: boolean } = {}) {
  const m = mounted;
  if (!m) return;
  m.lastPreset = preset;
  if (!m.table) {
    m.pendingPreset = preset;
    m.pendingSync = true;
    return;
  }
  m.pendingSync = false;
  // When a page parameter such as `lesson` just changed, this figure may be on its way out (the page swaps figures a
  // render later), and the new link's settings may belong to the next figure's experiment. Apply what fits, but
  // judge and rewrite the link only once the page has settled — by then an unmounted figure has cancelled this.
  const pageKey = pageParamsKey(m.reserved);
  const navigating = !opts.settled && m.lastPageKey !== null && pageKey !== m.lastPageKey;
  m.lastPageKey = pageKey;
  if (m.settleTimer) clearTimeout(m.settleTimer);
  m.settleTimer = null;
  if (navigating) {
    m.settleTimer = setTimeout(() => {
      m.settleTimer = null;
      if (mounted === m) syncExperiment(m.lastPreset, { settled: true });
    }, SETTLE_MS);
  }
  // A structural change waiting to settle is the user's latest word: apply it (and announce it) first. Our own URL
  // write for it would otherwise arrive here and rebuild silently.
  flushPending();
  // The URL is the truth now; a write scheduled before it changed would only canonicalise it again.
  if (urlTimer !== null) clearTimeout(urlTimer);
  urlTimer = null;
  const base = presetParts(m.table, preset);
  const decoded = decodeQuery(m.table, getRoute().query, { base: base.values, reserved: m.reserved });
  const seed = decoded.hasSeed ? decoded.seed : (base.seed ?? DEFAULT_SEED);
  useParamsStore.setState({ baseline: base.values });
  const speedProblem = applySpeedFromUrl();
  if (navigating) {
    apply(decoded.values, seed, { keepRunning: false });
    return;
  }
  if (speedProblem) decoded.ignored.push(speedProblem);
  if (decoded.ignored.length) {
    showNotice('url', 'Some settings in the link were not used.', describeIgnored(decoded.ignored));
  }
  apply(decoded.values, seed, { keepRunning: false });
  writeUrlNow();
}

/**
 * The `speed` text of the URL as last read or written. The URL sync runs on every URL change, our own writes
 * included; a write may land after the control already moved on, so an unchanged `speed` text is not re-applied.
 */
let urlSpeedText: string | null | undefined;

/** The speed the URL asks for (else the lesson step's pace) → store and worker. Returns a problem to report. */
function applySpeedFromUrl(opts: { force?: boolean } = {}): IgnoredParam | null {
  const { defaultSpeed } = useParamsStore.getState();
  const raw = getRoute().query.get(SPEED_PARAM);
  if (raw === urlSpeedText && !opts.force) return null;
  urlSpeedText = raw;
  const parsed = raw === null ? { speed: defaultSpeed, problem: null } : parseSpeed(raw, defaultSpeed);
  const current = useParamsStore.getState().speed;
  if (!sameSpeed(current, parsed.speed)) {
    useParamsStore.setState({ speed: parsed.speed });
    sendPace();
  }
  return parsed.problem && raw !== null
    ? { name: SPEED_PARAM, raw: shorten(raw), reason: parsed.problem }
    : null;
}

function sendPace() {
  const { speed, stopAt } = useParamsStore.getState();
  client?.pace(speed, stopAt);
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
  sendPace();
  if (mounted) applySpeedFromUrl({ force: true });
}

/** The speed control moved: steps per second, or null for full speed. Written to the URL unless it is the default. */
export function setSpeed(speed: number | null) {
  if (sameSpeed(useParamsStore.getState().speed, speed)) return;
  useParamsStore.setState({ speed });
  sendPace();
  scheduleUrlWrite();
}

function pageParamsKey(reserved: readonly string[]): string {
  const out = new URLSearchParams();
  for (const [k, v] of getRoute().query) if (reserved.includes(k)) out.append(k, v);
  return out.toString();
}

/** Values/seed → store and worker: a rebuild if the seed or a structural value changed, else live `set`s. */
function apply(values: ParamValues, seed: number, opts: { keepRunning: boolean }): boolean {
  const m = mounted;
  if (!m?.table || !client) return false;
  useParamsStore.setState({ values, seed });
  const sent = m.sent;
  const structural =
    !sent ||
    sent.seed !== seed ||
    m.table.some((spec) => !spec.live && !valuesEqual(values[spec.name], sent.values[spec.name]));
  if (structural) {
    load(values, seed, opts.keepRunning && useRunStore.getState().status === 'running');
    return true;
  }
  for (const spec of m.table) {
    const v = values[spec.name];
    if (!valuesEqual(v, sent.values[spec.name])) client.set(spec.name, v);
  }
  m.sent = { values: { ...values }, seed };
  return false;
}

function load(values: ParamValues, seed: number, thenPlay: boolean) {
  const m = mounted;
  if (!m || !client) return;
  m.sent = { values: { ...values }, seed };
  clearFrames();
  readouts.drop();
  useRunStore.setState({ status: thenPlay ? 'running' : 'idle', metrics: null, diverged: null, error: null });
  client.load(m.experimentId, values, seed, wantedList());
  if (thenPlay) client.play();
}

// --- values → URL --------------------------------------------------------------------------------------------

function scheduleUrlWrite() {
  if (urlTimer !== null) clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    urlTimer = null;
    writeUrlNow();
  }, URL_WRITE_DELAY_MS);
}

/** Writes only non-default values + seed, keeping page parameters, replacing the history entry. */
function writeUrlNow() {
  const m = mounted;
  if (!m?.table) return;
  const route = getRoute();
  if (route.path !== m.path) return;
  const { values, seed, baseline, speed, defaultSpeed } = useParamsStore.getState();
  const entries = encodeQuery(m.table, values, seed, {
    current: route.query,
    keep: m.reserved.filter((name) => !RUN_PARAM_NAMES.includes(name)),
    baseline,
  });
  // The runtime's own settings go just before the seed, and only when they differ from the step's defaults.
  urlSpeedText = sameSpeed(speed, defaultSpeed) ? null : formatSpeed(speed);
  if (urlSpeedText !== null) entries.splice(entries.length - 1, 0, [SPEED_PARAM, urlSpeedText]);
  const next = new URLSearchParams(entries);
  if (next.toString() !== route.query.toString()) replaceQuery(next);
}

// --- actions (buttons, keys, controls) -----------------------------------------------------------------------

function flushPending() {
  if (rebuildTimer !== null) {
    clearTimeout(rebuildTimer);
    rebuildTimer = null;
    commitRebuild();
  }
}

function canTrain(): boolean {
  const { status } = useRunStore.getState();
  return Boolean(client && mounted?.sent) && status !== 'diverged' && status !== 'error';
}

export function play() {
  flushPending();
  if (!canTrain()) return;
  cancelPauseConfirm();
  client!.play();
  useRunStore.setState({ status: 'running' });
}

/**
 * A pause is confirmed by the worker: frames already on their way still carry steps trained before it stopped, so
 * 'paused' is shown when a frame says the worker is no longer running (its read-outs are then final), or after
 * PAUSE_CONFIRM_MS if no such frame comes.
 */
const PAUSE_CONFIRM_MS = 500;
let pauseConfirmTimer: ReturnType<typeof setTimeout> | null = null;

function cancelPauseConfirm() {
  if (pauseConfirmTimer !== null) clearTimeout(pauseConfirmTimer);
  pauseConfirmTimer = null;
}

function confirmPause() {
  if (pauseConfirmTimer === null) return;
  clearTimeout(pauseConfirmTimer);
  pauseConfirmTimer = null;
  readouts.flush();
  if (useRunStore.getState().status === 'running') useRunStore.setState({ status: 'paused' });
}

export function pause() {
  if (!client || useRunStore.getState().status !== 'running' || pauseConfirmTimer !== null) return;
  client.pause();
  awaitPauseConfirm();
}

function awaitPauseConfirm() {
  if (pauseConfirmTimer !== null) return;
  pauseConfirmTimer = setTimeout(() => {
    pauseConfirmTimer = null;
    if (useRunStore.getState().status === 'running') useRunStore.setState({ status: 'paused' });
  }, PAUSE_CONFIRM_MS);
}

export function togglePlay() {
  if (useRunStore.getState().status === 'running' && pauseConfirmTimer === null) pause();
  else play();
}

/** Train exactly `n` steps (pauses first if running). */
export function step(n = 1) {
  flushPending();
  if (!canTrain()) return;
  const count = Math.max(1, Math.min(MAX_STEP_REQUEST, Math.floor(n)));
  cancelPauseConfirm();
  if (useRunStore.getState().status === 'running') client!.pause();
  client!.step(count);
  useRunStore.setState({ status: 'paused' });
}

/** Back to step 0 with the same settings and seed. */
export function reset() {
  flushPending();
  cancelPauseConfirm();
  const m = mounted;
  if (!m?.sent || !client) return;
  if (useRunStore.getState().status === 'error') {
    retry();
    return;
  }
  clearFrames();
  readouts.drop();
  client.reset();
  useRunStore.setState({ status: 'idle', metrics: null, diverged: null });
}

/** After a failure: a fresh worker, the same settings. */
export function retry() {
  const m = mounted;
  if (!m?.table) return;
  client?.dispose();
  client = makeClient();
  const { values, seed } = useParamsStore.getState();
  load(values, seed, false);
}

/**
 * A control changed a parameter. Live ones take effect at the next step; structural ones rebuild the model (once
 * the control settles) and say so in a notice. Returns the value actually used (validated).
 */
export function setParam(name: string, input: unknown): ParamValue | undefined {
  const m = mounted;
  if (!m?.table) return undefined;
  const spec = specMap(m.table).get(name);
  if (!spec) return undefined;
  const { value } = coerceValue(spec, input);
  const state = useParamsStore.getState();
  if (valuesEqual(state.values[name], value)) return value;
  const values = { ...state.values, [name]: value };
  useParamsStore.setState({ values });
  scheduleUrlWrite();
  if (spec.live) {
    if (m.sent) {
      client?.set(name, value);
      m.sent = { values: { ...m.sent.values, [name]: value }, seed: m.sent.seed };
    }
    return value;
  }
  pendingRebuild = { label: spec.label, text: formatValue(spec, value) };
  if (rebuildTimer !== null) clearTimeout(rebuildTimer);
  rebuildTimer = setTimeout(() => {
    rebuildTimer = null;
    commitRebuild();
  }, REBUILD_DELAY_MS);
  return value;
}

function commitRebuild() {
  const change = pendingRebuild;
  pendingRebuild = null;
  const { values, seed } = useParamsStore.getState();
  const rebuilt = apply(values, seed, { keepRunning: true });
  if (rebuilt && change) {
    showNotice('rebuilt', `Model rebuilt: ${change.label} is now ${change.text}.`, [
      'This setting changes the model itself, so training restarted from step 0 (same seed).',
    ]);
  }
}

/** A different, equally reproducible run: a new seed (shown in the URL). */
export function newRandomStart(): number {
  flushPending();
  const current = useParamsStore.getState().seed;
  let seed = current;
  const buf = new Uint32Array(1);
  while (seed === current) {
    crypto.getRandomValues(buf);
    seed = 1 + (buf[0] % 999_999);
  }
  const { values } = useParamsStore.getState();
  dismissNotice('rebuilt');
  apply(values, Math.min(MAX_SEED, seed), { keepRunning: true });
  scheduleUrlWrite();
  return seed;
}

/** The learning-rate parameter, if the experiment has one (named `lr` by convention). */
export function learningRateSpec(table: ParamTable | null): NumberParam | null {
  const spec: ParamSpec | undefined = table?.find((s) => s.name === 'lr');
  return spec && spec.type === 'number' ? spec : null;
}

/** One-click fix for divergence: learning rate ÷ 10, then start over from step 0. */
export function lowerLearningRate() {
  const m = mounted;
  const spec = learningRateSpec(m?.table ?? null);
  if (!m || !spec) return;
  const { values, seed } = useParamsStore.getState();
  const lr = Math.max(spec.min, Number(values.lr) / 10);
  const next = { ...values, lr: Number(lr.toPrecision(3)) };
  useParamsStore.setState({ values: next });
  if (m.sent) m.sent = { values: { ...next }, seed };
  load(next, seed, false);
  scheduleUrlWrite();
}

export interface ShareResult {
  url: string;
  copied: boolean;
}

/** The current link (URL written first), copied to the clipboard when the browser allows it. */
export async function shareLink(): Promise<ShareResult> {
  flushPending();
  if (urlTimer !== null) {
    clearTimeout(urlTimer);
    urlTimer = null;
  }
  writeUrlNow();
  const url = window.location.href;
  try {
    if (!navigator.clipboard?.writeText) return { url, copied: false };
    await navigator.clipboard.writeText(url);
    return { url, copied: true };
  } catch {
    return { url, copied: false };
  }
}
