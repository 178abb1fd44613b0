/**
 * The runtime's side of the address bar: reads the runtime's own settings (`speed`) from the link, writes the link
 * for the current state (debounced, replacing the history entry, only while the page is still the experiment's),
 * and notices when the page is navigating (a page parameter such as `lesson` changed), so a sync can wait for the
 * page to settle before judging the link.
 */
import { shorten, type IgnoredParam } from '../experiments/params';
import type { ParamTable } from '../experiments/types';
import { useParamsStore } from './paramsStore';
import { SPEED_PARAM, formatSpeed, parseSpeed, sameSpeed } from './speed';
import { buildQuery, pageParamsKey } from './urlValues';

/** URL names the runtime itself owns (not experiment settings): never reported as unknown. */
export const RUN_PARAM_NAMES: readonly string[] = [SPEED_PARAM];

const URL_WRITE_DELAY_MS = 200; // coalesces slider drags into one history.replaceState

export interface LinkDeps {
  getRoute(): { path: string; query: URLSearchParams };
  replaceQuery(query: URLSearchParams): void;
}

export class RuntimeLink {
  private readonly path: string;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Page parameters at the last sync: a change means the page is navigating. */
  private lastPageKey: string | null = null;
  /** The `speed` text of the URL as last read or written (our own URL writes come back through sync). */
  private speedText: string | null | undefined = undefined;

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
    const { defaultSpeed, speed } = useParamsStore.getState();
    const parsed = raw === null ? { speed: defaultSpeed, problem: null } : parseSpeed(raw, defaultSpeed);
    const changed = !sameSpeed(speed, parsed.speed);
    if (changed) useParamsStore.setState({ speed: parsed.speed });
    const problem =
      parsed.problem && raw !== null
        ? { name: SPEED_PARAM, raw: shorten(raw), reason: parsed.problem }
        : null;
    return { changed, problem };
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
    const state = useParamsStore.getState();
    this.speedText = sameSpeed(state.speed, state.defaultSpeed) ? null : formatSpeed(state.speed);
    const next = buildQuery(table, state, {
      current: route.query,
      keep: this.reserved.filter((name) => !RUN_PARAM_NAMES.includes(name)),
      extra: [[SPEED_PARAM, this.speedText]],
    });
    if (next.toString() !== route.query.toString()) this.deps.replaceQuery(next);
  }
}
