/**
 * URL ⇄ values helpers of the runtime, pure: the lesson preset as a defaults layer, the experiment part of a query,
 * and the link the runtime writes (experiment values, then its own settings, then the seed).
 */
import {
  PAGE_PARAM_NAMES,
  SEED_PARAM,
  defaultValues,
  describeIgnored,
  encodeQuery,
  mergeValues,
  parseSeed,
} from '../experiments/params';
import type { ParamTable, ParamValues } from '../experiments/types';

/** A lesson preset: parameter values (URL-style text or typed) and optionally `seed`. */
export type Preset = Readonly<Record<string, string | number | boolean>>;

/** Splits a preset into values (defaults ← preset) and its seed, if it has a valid one. */
export function presetParts(
  table: ParamTable,
  preset: Preset | undefined,
): { values: ParamValues; seed: number | null } {
  const rest = Object.create(null) as Record<string, string | number | boolean>;
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

/** The page's own parameters (e.g. `lesson`) as a comparable string: a change means the page is navigating. */
export function pageParamsKey(query: URLSearchParams, reserved: readonly string[]): string {
  const out = new URLSearchParams();
  for (const [k, v] of query) if (reserved.includes(k)) out.append(k, v);
  return out.toString();
}

/**
 * The link for the current state: page parameters kept, non-default values in table order, then the runtime's own
 * settings (`extra`, already in URL text; omitted when null), then the seed.
 */
export function buildQuery(
  table: ParamTable,
  state: { values: ParamValues; seed: number; baseline: ParamValues },
  opts: { current: URLSearchParams; keep: readonly string[]; extra: readonly [string, string | null][] },
): URLSearchParams {
  const entries = encodeQuery(table, state.values, state.seed, {
    current: opts.current,
    keep: opts.keep,
    baseline: state.baseline,
  });
  const extra = opts.extra.filter((e): e is [string, string] => e[1] !== null);
  entries.splice(entries.length - 1, 0, ...extra);
  return new URLSearchParams(entries);
}

/** A fresh random seed (1…999 999, short enough to read aloud), different from `current`. */
export function newSeed(current: number): number {
  let seed = current;
  const buf = new Uint32Array(1);
  while (seed === current) {
    crypto.getRandomValues(buf);
    seed = 1 + (buf[0] % 999_999);
  }
  return seed;
}
