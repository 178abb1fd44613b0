/**
 * The runtime's side of the address bar: reads the runtime's own settings (`speed`) from the link, writes the link
 * for the current state (debounced, replacing the history entry, only while the page is still the experiment's),
 * and notices when the page is navigating (a page parameter such as `lesson` changed), so a sync can wait for the
 * page to settle before judging the link.
 */
import { shorten, type IgnoredParam } from '../experiments/params';
import type { ParamTable } from '../experiments/types';
import type { ParamsStore } from './paramsStore';
import { SPEED_PARAM, formatSpeed, parseSpeed, sameSpeed } from './speed';
import { MAX_REPLAY_STEP } from '../worker/protocol';
import { buildQuery, pageParamsKey } from './urlValues';

/** URL name of a shared moment: the link reopens the run replayed to this step, paused. */
export const AT_PARAM = 'at';
/** URL names the runtime itself owns (not experiment settings): never reported as unknown. */
export const RUN_PARAM_NAMES: readonly string[] = [SPEED_PARAM, AT_PARAM];

/** Reads an `at` value: a whole number of steps; garbage → none, too large → clamped, both with a problem. */
export function parseAt(raw: string): { step: number; problem: string | null } {
  const t = raw.trim();
  if (!/^\+?\d{1,20}$/.test(t)) return { step: 0, problem: 'not a step count — starting at step 0' };
  const n = Number(t);
  if (n > MAX_REPLAY_STEP) {
    return { step: MAX_REPLAY_STEP, problem: `too large — replaying to step ${MAX_REPLAY_STEP}` };
  }
  return { step: n, problem: null };
}

const URL_WRITE_DELAY_MS = 200; // coalesces slider drags into one history.replaceState

export interface LinkDeps {
  getRoute(): { path: string; query: URLSearchParams };
  replaceQuery(query: URLSearchParams): void;
  /** The hub's settings store: the link is written from it, and its speed read from the link. */
  params: ParamsStore;
}

export class RuntimeLink {
  private readonly path: string;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Page parameters at the last sync: a change means the page is navigating. */
  private lastPageKey: string | null = null;
  /** The `speed` text of the URL as last read or written (our own URL writes come back through sync). */
  private speedText: string | null | undefined = undefined;
  /** The `at` text likewise; a new one asks for a replay. */
  private atText: string | null | undefined = undefined;
  /** The shared moment the link names while the run is still there (null once it moves on). */
  private moment: number | null = null;

  constructor(
    private readonly deps: LinkDeps,
    readonly reserved: readonly string[],
  ) {
    this.path = deps.getRoute().path;
  }

  query(): URLSearchParams {
    return this.deps.getRoute().query;
  }

  /** True when the page parameters changed since the last call (the page is navigating). */
  pageChanged(): boolean {
    const key = pageParamsKey(this.query(), this.reserved);
    const changed = this.lastPageKey !== null && key !== this.lastPageKey;
    this.lastPageKey = key;
    return changed;
  }

  /**
   * The speed the URL asks for (else the lesson step's pace) → params store. An unchanged `speed` text is not
   * re-applied unless `force`d: our own write may arrive after the control has moved on. Returns whether the speed
   * changed and a problem to report.
   */
  readSpeed(force = false): { changed: boolean; problem: IgnoredParam | null } {
    const raw = this.query().get(SPEED_PARAM);
    if (raw === this.speedText && !force) return { changed: false, problem: null };
    this.speedText = raw;
    const { defaultSpeed, speed } = this.deps.params.getState();
    const parsed = raw === null ? { speed: defaultSpeed, problem: null } : parseSpeed(raw, defaultSpeed);
    const changed = !sameSpeed(speed, parsed.speed);
    if (changed) this.deps.params.setState({ speed: parsed.speed });
    const problem =
      parsed.problem && raw !== null
        ? { name: SPEED_PARAM, raw: shorten(raw), reason: parsed.problem }
        : null;
    return { changed, problem };
  }

  /**
   * A moment to replay to, when the URL's `at` is new (a link was opened); null otherwise. Remembers it as the
   * link's moment, so the URL keeps naming it until the run moves on.
   */
  readAt(): { step: number | null; problem: IgnoredParam | null } {
    const raw = this.query().get(AT_PARAM);
    if (raw === this.atText) return { step: null, problem: null };
    this.atText = raw;
    if (raw === null) return { step: null, problem: null };
    const parsed = parseAt(raw);
    this.moment = parsed.step > 0 ? parsed.step : null;
    const problem = parsed.problem ? { name: AT_PARAM, raw: shorten(raw), reason: parsed.problem } : null;
    return { step: this.moment, problem };
  }

  /** The moment the link should name (Share), or null when the run has moved on from it. */
  setMoment(step: number | null) {
    this.moment = step !== null && step > 0 ? Math.min(MAX_REPLAY_STEP, Math.floor(step)) : null;
  }

  get hasMoment(): boolean {
    return this.moment !== null;
  }

  scheduleWrite(table: ParamTable | null) {
    this.cancelWrite();
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      this.writeNow(table);
    }, URL_WRITE_DELAY_MS);
  }

  cancelWrite() {
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
  }

  /** Writes only non-default values, the runtime's own settings and the seed, keeping page parameters. */
  writeNow(table: ParamTable | null) {
    this.cancelWrite();
    const route = this.deps.getRoute();
    if (!table || route.path !== this.path) return;
    const state = this.deps.params.getState();
    this.speedText = sameSpeed(state.speed, state.defaultSpeed) ? null : formatSpeed(state.speed);
    this.atText = this.moment === null ? null : String(this.moment);
    const next = buildQuery(table, state, {
      current: route.query,
      keep: this.reserved.filter((name) => !RUN_PARAM_NAMES.includes(name)),
      extra: [
        [SPEED_PARAM, this.speedText],
        [AT_PARAM, this.atText],
      ],
    });
    if (next.toString() !== route.query.toString()) this.deps.replaceQuery(next);
  }
}
