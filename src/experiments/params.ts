/**
 * Parameter values ⇄ URL text, driven by an experiment's ParamTable (docs/CONTRACTS.md, "Query parameters").
 *
 * Nothing from a URL (or a preset, or a message) is trusted: every value is parsed against its spec; unknown names,
 * wrong types, non-finite numbers and out-of-range values fall back to the default or are clamped, and each such
 * decision is returned as an `IgnoredParam` so the page can show one notice. Lookups use Maps and `Object.hasOwn`
 * (never `in`), results are null-prototype objects, so `__proto__` / `constructor` / `toString` are just names.
 * Pure TypeScript: used by the page (URL, controls) and by the worker (validating `load` / `set`).
 */
import type { ListParam, ParamSpec, ParamTable, ParamValue, ParamValues } from './types';
import { DEFAULT_SEED, SEED_PARAM, parseSeed } from './seed';

export { DEFAULT_SEED, MAX_SEED, SEED_PARAM, isValidSeed, parseSeed } from './seed';
export { learningRateSetter, learningRateSpec, liveLearningRate } from './learningRate';

/** One thing from the input that was not used as given. `name` and `raw` are plain text — render as text only. */
export interface IgnoredParam {
  name: string;
  /** The offending text, shortened for display. */
  raw: string;
  /** Plain-English reason, e.g. 'not a number — using 0.03'. */
  reason: string;
}

export interface ParseResult {
  values: ParamValues;
  ignored: IgnoredParam[];
}

/** URL parameters owned by the page / lesson system, never reported as unknown (src/app/lessons PAGE_PARAMS). */
export const PAGE_PARAM_NAMES: readonly string[] = ['lesson', 'present', 'embed', 'spotlight'];

/** Raw values longer than this are ignored outright (a 100 kB link must not cost anything). */
const MAX_RAW_LENGTH = 256;
/** Characters of a bad name or value quoted back in a notice. */
const MAX_SHOWN = 24;
/** At most this many ignored entries are listed individually; the rest are counted. */
export const MAX_IGNORED_LISTED = 12;

export function shorten(text: string, max = MAX_SHOWN): string {
  // Drop control characters so a notice never carries invisible junk.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The table as a Map (name → spec); safe for any name. */
export function specMap(table: ParamTable): Map<string, ParamSpec> {
  const map = new Map<string, ParamSpec>();
  for (const spec of table) map.set(spec.name, spec);
  return map;
}

export function defaultValues(table: ParamTable): ParamValues {
  const values: ParamValues = Object.create(null) as ParamValues;
  for (const spec of table) values[spec.name] = spec.type === 'list' ? [...spec.default] : spec.default;
  return values;
}

/** Formats a number for a URL or read-out: the shortest text that parses back to the same number. */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Outcome of checking one value: the value to use, and why it differs from the input (null when used as given). */
export interface Coerced {
  value: ParamValue;
  problem: string | null;
}

function usingDefault(spec: ParamSpec, why: string): Coerced {
  return {
    value: spec.type === 'list' ? [...spec.default] : spec.default,
    problem: `${why} — using ${formatValue(spec, spec.default)}`,
  };
}

/** Parses a decimal number strictly (no hex, no empty string, no trailing junk). Returns NaN when not a number. */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}

function coerceNumber(spec: ParamSpec & { min: number; max: number }, n: number, isInt: boolean): Coerced {
  if (Number.isNaN(n)) return usingDefault(spec, 'not a number');
  if (!Number.isFinite(n)) return usingDefault(spec, 'not a finite number');
  let value = n;
  const problems: string[] = [];
  if (isInt && !Number.isInteger(value)) {
    value = Math.round(value);
    problems.push('not a whole number');
  }
  if (value < spec.min || value > spec.max) {
    value = clamp(value, spec.min, spec.max);
    problems.push(`out of range ${formatNumber(spec.min)}–${formatNumber(spec.max)}`);
  }
  if (Object.is(value, -0)) value = 0;
  return { value, problem: problems.length ? `${problems.join(', ')} — using ${formatNumber(value)}` : null };
}

function coerceList(spec: ListParam, items: readonly number[]): Coerced {
  if (items.length < spec.minLength) return usingDefault(spec, `needs at least ${spec.minLength} entries`);
  const problems: string[] = [];
  let list = items;
  if (list.length > spec.maxLength) {
    list = list.slice(0, spec.maxLength);
    problems.push(`at most ${spec.maxLength} entries`);
  }
  const out: number[] = [];
  for (const item of list) {
    if (!Number.isFinite(item)) return usingDefault(spec, 'has an entry that is not a finite number');
    let v = item;
    if (spec.of === 'int' && !Number.isInteger(v)) {
      v = Math.round(v);
      if (!problems.includes('whole numbers only')) problems.push('whole numbers only');
    }
    if (v < spec.min || v > spec.max) {
      v = clamp(v, spec.min, spec.max);
      const msg = `entries must be ${formatNumber(spec.min)}–${formatNumber(spec.max)}`;
      if (!problems.includes(msg)) problems.push(msg);
    }
    out.push(Object.is(v, -0) ? 0 : v);
  }
  return {
    value: out,
    problem: problems.length ? `${problems.join(', ')} — using ${formatValue(spec, out)}` : null,
  };
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** Parses URL text for one parameter. Never throws; always returns a valid value for `spec`. */
export function parseValue(spec: ParamSpec, raw: string): Coerced {
  if (raw.length > MAX_RAW_LENGTH) return usingDefault(spec, 'too long');
  switch (spec.type) {
    case 'number':
      return coerceNumber(spec, parseDecimal(raw), false);
    case 'int':
      return coerceNumber(spec, parseDecimal(raw), true);
    case 'bool': {
      const t = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(t)) return { value: true, problem: null };
      if (FALSE_WORDS.has(t)) return { value: false, problem: null };
      return usingDefault(spec, 'not true/false');
    }
    case 'enum': {
      const t = raw.trim();
      const exact = spec.options.find((o) => o.value === t);
      if (exact) return { value: exact.value, problem: null };
      const loose = spec.options.find((o) => o.value.toLowerCase() === t.toLowerCase());
      if (loose) return { value: loose.value, problem: null };
      return usingDefault(spec, `not one of ${spec.options.map((o) => o.value).join(', ')}`);
    }
    case 'list': {
      const t = raw.trim();
      const parts = t === '' ? [] : t.split(/[,\s]+/).filter((p) => p !== '');
      const nums = parts.map(parseDecimal);
      if (nums.some((n) => Number.isNaN(n))) return usingDefault(spec, 'not a list of numbers like 8,8');
      return coerceList(spec, nums);
    }
  }
}

/**
 * Checks an already-typed value (from a preset, a control or a worker message). Strings are parsed like URL text,
 * so presets may be written either way. Never throws; always returns a valid value.
 */
export function coerceValue(spec: ParamSpec, input: unknown): Coerced {
  if (typeof input === 'string') return parseValue(spec, input);
  switch (spec.type) {
    case 'number':
    case 'int':
      if (typeof input !== 'number') return usingDefault(spec, 'wrong type');
      return coerceNumber(spec, input, spec.type === 'int');
    case 'bool':
      return typeof input === 'boolean' ? { value: input, problem: null } : usingDefault(spec, 'wrong type');
    case 'enum':
      return usingDefault(spec, 'wrong type');
    case 'list': {
      if (typeof input === 'number') return coerceList(spec, [input]);
      if (!Array.isArray(input) || input.length > 1000) return usingDefault(spec, 'wrong type');
      if (!input.every((x): x is number => typeof x === 'number')) return usingDefault(spec, 'wrong type');
      return coerceList(spec, input);
    }
  }
}

/** True when `value` is exactly a value `spec` allows (used by tests and assertions). */
export function isValidValue(spec: ParamSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max;
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && spec.options.some((o) => o.value === value);
    case 'list':
      return (
        Array.isArray(value) &&
        value.length >= spec.minLength &&
        value.length <= spec.maxLength &&
        value.every(
          (x) =>
            typeof x === 'number' &&
            Number.isFinite(x) &&
            x >= spec.min &&
            x <= spec.max &&
            (spec.of === 'number' || Number.isInteger(x)),
        )
      );
  }
}

/** URL text for a value: readable (`0.1`, `relu`, `8,8`, `true`). */
export function formatValue(spec: ParamSpec, value: ParamValue): string {
  switch (spec.type) {
    case 'number':
    case 'int':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'bool':
      return value ? 'true' : 'false';
    case 'enum':
      return String(value);
    case 'list':
      return Array.isArray(value) ? value.map((x) => formatNumber(x)).join(',') : String(value);
  }
}

/**
 * A value as a sentence names it (notices): an option's label, as its control shows it (`LSTM`, not the link's
 * `lstm`), quoted; any other value as its link text.
 */
export function displayValue(spec: ParamSpec, value: ParamValue): string {
  if (spec.type !== 'enum') return formatValue(spec, value);
  const option = spec.options.find((o) => o.value === value);
  return option ? `“${option.label}”` : String(value);
}

export function valuesEqual(a: ParamValue, b: ParamValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function note(ignored: IgnoredParam[], name: string, raw: string, reason: string) {
  ignored.push({ name: shorten(name), raw: shorten(raw), reason });
}

/**
 * Merges values onto a base, checking each against the table: e.g. defaults ← lesson preset. Unknown names and bad
 * values are reported, never applied. `input` may be any object (a preset, a message payload).
 */
export function mergeValues(table: ParamTable, base: ParamValues, input: unknown): ParseResult {
  const values: ParamValues = Object.create(null) as ParamValues;
  for (const spec of table) {
    values[spec.name] =
      Object.hasOwn(base, spec.name) && isValidValue(spec, base[spec.name]) ? base[spec.name] : spec.default;
  }
  const ignored: IgnoredParam[] = [];
  if (input === null || typeof input !== 'object') return { values, ignored };
  const specs = specMap(table);
  for (const name of Object.keys(input)) {
    const raw: unknown = (input as Record<string, unknown>)[name];
    const spec = specs.get(name);
    if (!spec) {
      note(ignored, name, safeString(raw), 'unknown setting');
      continue;
    }
    const { value, problem } = coerceValue(spec, raw);
    values[name] = value;
    if (problem) note(ignored, name, typeof raw === 'string' ? raw : safeString(raw), problem);
  }
  return { values, ignored };
}

function safeString(x: unknown): string {
  try {
    return Array.isArray(x) ? x.join(',') : String(x);
  } catch {
    return '?';
  }
}

/** Query entries in order, e.g. a URLSearchParams (the core has no DOM types, so this is structural). */
export type QueryEntries = Iterable<readonly [string, string]>;

export interface DecodeOptions {
  /** Starting values (defaults ← preset). Defaults when omitted. */
  base?: ParamValues;
  /** Extra query names the page owns (e.g. the lab's `exp`), never reported as unknown. */
  reserved?: readonly string[];
}

export interface DecodedQuery extends ParseResult {
  seed: number;
  /** Whether the query named a seed at all (valid or not). */
  hasSeed: boolean;
}

/**
 * URL query → values + seed. Keeps every valid part, falls back/clamps the rest and lists it in `ignored`.
 * A name given twice uses its first value. Never throws.
 */
export function decodeQuery(table: ParamTable, query: QueryEntries, opts: DecodeOptions = {}): DecodedQuery {
  const { values, ignored } = mergeValues(table, opts.base ?? defaultValues(table), null);
  const specs = specMap(table);
  const reserved = new Set([...PAGE_PARAM_NAMES, ...(opts.reserved ?? [])]);
  const seen = new Set<string>();
  let seed = DEFAULT_SEED;
  let hasSeed = false;
  for (const [name, raw] of query) {
    if (reserved.has(name)) continue;
    if (seen.has(name)) {
      note(ignored, name, raw, 'given twice — using the first value');
      continue;
    }
    seen.add(name);
    if (name === SEED_PARAM) {
      hasSeed = true;
      const parsed = parseSeed(raw);
      seed = parsed.seed;
      if (parsed.problem) note(ignored, name, raw, parsed.problem);
      continue;
    }
    const spec = specs.get(name);
    if (!spec) {
      note(ignored, name, raw, 'unknown setting');
      continue;
    }
    const { value, problem } = parseValue(spec, raw);
    values[name] = value;
    if (problem) note(ignored, name, raw, problem);
  }
  return { values, ignored, seed, hasSeed };
}

/**
 * Values + seed → query entries, in table order, then the seed. A value is written when it differs from `baseline`
 * (default: the table defaults; a page passes defaults ← lesson preset) or when `current` already names it (a link's
 * explicit value stays explicit, canonicalised). Unknown names in `current` are dropped; `keep` names (page
 * parameters such as `lesson`) are copied first, in their original order.
 */
export function encodeQuery(
  table: ParamTable,
  values: ParamValues,
  seed: number,
  opts: { current?: QueryEntries; keep?: readonly string[]; baseline?: ParamValues } = {},
): [string, string][] {
  const out: [string, string][] = [];
  const keep = new Set([...PAGE_PARAM_NAMES, ...(opts.keep ?? [])]);
  const present = new Set<string>();
  if (opts.current) {
    for (const [name, raw] of opts.current) {
      present.add(name);
      if (keep.has(name) && !out.some(([n]) => n === name)) out.push([name, raw]);
    }
  }
  for (const spec of table) {
    if (!Object.hasOwn(values, spec.name)) continue;
    const v = values[spec.name];
    const base =
      opts.baseline && Object.hasOwn(opts.baseline, spec.name) ? opts.baseline[spec.name] : spec.default;
    if (!valuesEqual(v, base) || present.has(spec.name)) out.push([spec.name, formatValue(spec, v)]);
  }
  out.push([SEED_PARAM, String(seed)]);
  return out;
}

/** One line for a notice: 'lr “abc” (not a number — using 0.03); foo (unknown setting)'. Plain text. */
export function describeIgnored(ignored: readonly IgnoredParam[]): string[] {
  const lines = ignored.slice(0, MAX_IGNORED_LISTED).map((i) => {
    const shown = i.raw === '' ? '' : ` = “${i.raw}”`;
    return `${i.name === '' ? '(empty name)' : i.name}${shown}: ${i.reason}`;
  });
  if (ignored.length > MAX_IGNORED_LISTED) lines.push(`…and ${ignored.length - MAX_IGNORED_LISTED} more`);
  return lines;
}
