import type { LessonStep } from './types';

/**
 * The `lesson` URL parameter (1-based, docs/CONTRACTS.md) and the rule for which other parameters survive a step change.
 * Pure functions: the LessonPage wires them to the router; tests call them directly.
 */

/** URL name of the lesson step (1-based). */
export const LESSON_PARAM = 'lesson';

/**
 * Parameters that belong to the page, not to an experiment: they always survive a step change.
 * `present` / `embed` are presenter and iframe modes.
 */
export const PAGE_PARAMS: readonly string[] = [LESSON_PARAM, 'present', 'embed'];

export interface LessonPosition {
  /** 0-based index of the step to show, always valid for the chapter. */
  index: number;
  /** Set when the URL value was unusable: says what was ignored, in plain text. */
  notice: string | null;
}

const MAX_SHOWN = 24; // characters of a bad value quoted back in a notice

function quote(raw: string): string {
  const s = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
  return `“${s}”`;
}

/**
 * Reads the step from the `lesson` value. Missing → `fallback` (the saved position, or 0). Garbage → step 1 with a
 * notice. Out of range → clamped with a notice. Never throws.
 */
export function parseLessonParam(raw: string | null, count: number, fallback = 0): LessonPosition {
  const last = Math.max(0, count - 1);
  const clampIndex = (i: number) => Math.min(last, Math.max(0, i));
  if (raw === null) return { index: clampIndex(Number.isInteger(fallback) ? fallback : 0), notice: null };
  const trimmed = raw.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    return { index: 0, notice: `Lesson step ${quote(raw)} is not a step number — showing step 1.` };
  }
  const n = Number(trimmed);
  if (n < 1) return { index: 0, notice: `Lesson step ${quote(raw)} is out of range — showing step 1.` };
  if (n > count) {
    return {
      index: last,
      notice: `Lesson step ${quote(raw)} is out of range (this chapter has ${count}) — showing step ${count}.`,
    };
  }
  return { index: n - 1, notice: null };
}

export interface StepChangeOptions {
  /** Chapter-wide parameters that should survive every step change (e.g. a chapter-wide `task`). */
  keep?: readonly string[];
}

/**
 * The query for moving to `to`. Rule (docs/ARCHITECTURE.md "Lessons"): a step opens in its own preset state, so every
 * experiment parameter of the previous step is dropped; page parameters (`PAGE_PARAMS`) and the chapter's `keep` list
 * survive, and so does `seed` unless the new step's preset sets its own seed.
 */
export function queryForStep(
  current: URLSearchParams,
  to: LessonStep,
  toIndex: number,
  opts: StepChangeOptions = {},
) {
  const keep = new Set([...PAGE_PARAMS, ...(opts.keep ?? [])]);
  const presetHasSeed = to.preset !== undefined && Object.hasOwn(to.preset, 'seed');
  if (!presetHasSeed) keep.add('seed');
  const next = new URLSearchParams();
  for (const [name, value] of current) {
    if (keep.has(name) && name !== LESSON_PARAM) next.append(name, value);
  }
  next.set(LESSON_PARAM, String(toIndex + 1));
  return next;
}

/** The same query with `lesson` set to `index + 1` and nothing else changed (used to normalise a bad value). */
export function withLesson(current: URLSearchParams, index: number): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set(LESSON_PARAM, String(index + 1));
  return next;
}

/** True when the query carries something besides page parameters, i.e. it is a shared link with settings. */
export function hasExperimentParams(query: URLSearchParams): boolean {
  for (const name of query.keys()) if (!PAGE_PARAMS.includes(name)) return true;
  return false;
}
