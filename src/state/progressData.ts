/**
 * Saved learning progress, the data half: its shape, validation of stored text (decode), encoding, merging two
 * records (two tabs) and the home page's summaries. Pure: no storage, no React. The store is in progress.ts.
 */
export const PROGRESS_KEY = 'gradient-lab:progress';
export const PROGRESS_BACKUP_KEY = 'gradient-lab:progress:backup';
export const PROGRESS_VERSION = 1;

export interface CheckRecord {
  /** Index of the option the learner chose. */
  choice: number;
  correct: boolean;
}

export interface ChapterProgress {
  /** Ids of the lesson steps seen (ids, not indices, so reordering lessons keeps progress). */
  seen: string[];
  /** Latest answer per step id. */
  checks: Record<string, CheckRecord>;
  /** 0-based index of the step last shown. */
  last: number;
}

export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  chapters: Record<string, ChapterProgress>;
}

/** How the saved text was read. */
export type DecodeKind = 'empty' | 'ok' | 'migrated' | 'partial' | 'corrupt' | 'future';

export interface Decoded {
  data: ProgressData;
  kind: DecodeKind;
}

// Limits keep a tampered or runaway record from growing without bound.
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_CHAPTERS = 64;
export const MAX_STEPS = 256;
const MAX_INDEX = 10_000;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, chapters: {} };
}

export function emptyChapter(): ChapterProgress {
  return { seen: [], checks: {}, last: 0 };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isIndex = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INDEX;

/** Keeps the valid ids of a list; `clean` is false when anything was dropped. */
function readIds(v: unknown): { ids: string[]; clean: boolean } {
  if (!Array.isArray(v)) return { ids: [], clean: v === undefined };
  const ids: string[] = [];
  let clean = true;
  for (const item of v) {
    if (typeof item === 'string' && ID_PATTERN.test(item) && !ids.includes(item) && ids.length < MAX_STEPS) {
      ids.push(item);
    } else clean = false;
  }
  return { ids, clean };
}

/** Validates one chapter record of the current version; keeps what is valid. */
function readChapter(v: unknown): { chapter: ChapterProgress; clean: boolean } {
  if (!isRecord(v)) return { chapter: emptyChapter(), clean: false };
  const { ids: seen, clean: seenClean } = readIds(v.seen);
  let clean = seenClean;
  const checks: Record<string, CheckRecord> = {};
  if (isRecord(v.checks)) {
    for (const [id, rec] of Object.entries(v.checks)) {
      if (
        ID_PATTERN.test(id) &&
        isRecord(rec) &&
        isIndex(rec.choice) &&
        typeof rec.correct === 'boolean' &&
        Object.keys(checks).length < MAX_STEPS
      ) {
        checks[id] = { choice: rec.choice, correct: rec.correct };
      } else clean = false;
    }
  } else if (v.checks !== undefined) clean = false;
  let last = 0;
  if (isIndex(v.last)) last = v.last;
  else if (v.last !== undefined) clean = false;
  return { chapter: { seen, checks, last }, clean };
}

function readChapters(v: unknown): { chapters: Record<string, ChapterProgress>; clean: boolean } {
  const chapters: Record<string, ChapterProgress> = {};
  if (!isRecord(v)) return { chapters, clean: false };
  let clean = true;
  for (const [id, rec] of Object.entries(v)) {
    // ID_PATTERN also rejects '__proto__' and friends, so assigning below cannot touch a prototype.
    if (!ID_PATTERN.test(id) || Object.keys(chapters).length >= MAX_CHAPTERS) {
      clean = false;
      continue;
    }
    const r = readChapter(rec);
    chapters[id] = r.chapter;
    clean &&= r.clean;
  }
  return { chapters, clean };
}

/**
 * Version 0 is the unversioned pre-release shape, keyed by field first:
 * `{ seen: { [chapterId]: string[] }, last: { [chapterId]: number } }` (no check answers).
 */
function migrateV0(v: Record<string, unknown>): { data: ProgressData; clean: boolean } {
  const data = emptyProgress();
  let clean = true;
  const seenByChapter = isRecord(v.seen) ? v.seen : {};
  const lastByChapter = isRecord(v.last) ? v.last : {};
  if (v.seen !== undefined && !isRecord(v.seen)) clean = false;
  if (v.last !== undefined && !isRecord(v.last)) clean = false;
  const ids = new Set([...Object.keys(seenByChapter), ...Object.keys(lastByChapter)]);
  for (const id of ids) {
    if (!ID_PATTERN.test(id) || Object.keys(data.chapters).length >= MAX_CHAPTERS) {
      clean = false;
      continue;
    }
    const { ids: seen, clean: seenClean } = readIds(seenByChapter[id]);
    const lastRaw = lastByChapter[id];
    const last = isIndex(lastRaw) ? lastRaw : 0;
    clean &&= seenClean && (lastRaw === undefined || isIndex(lastRaw));
    data.chapters[id] = { seen, checks: {}, last };
  }
  return { data, clean };
}

/**
 * Reads saved text. Never throws. `corrupt` / `future` / `partial` mean the caller must set the original text aside
 * (back it up) before anything overwrites it.
 */
export function decodeProgress(raw: string | null): Decoded {
  if (raw === null || raw === '') return { data: emptyProgress(), kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { data: emptyProgress(), kind: 'corrupt' };
  }
  if (!isRecord(parsed)) return { data: emptyProgress(), kind: 'corrupt' };
  const version = parsed.version;
  if (version === undefined) {
    if (!Object.hasOwn(parsed, 'seen') && !Object.hasOwn(parsed, 'last'))
      return { data: emptyProgress(), kind: 'corrupt' };
    const { data, clean } = migrateV0(parsed);
    return { data, kind: clean ? 'migrated' : 'partial' };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { data: emptyProgress(), kind: 'corrupt' };
  }
  if (version > PROGRESS_VERSION) return { data: emptyProgress(), kind: 'future' };
  const { chapters, clean } = readChapters(parsed.chapters);
  return { data: { version: PROGRESS_VERSION, chapters }, kind: clean ? 'ok' : 'partial' };
}

export function encodeProgress(data: ProgressData): string {
  return JSON.stringify(data);
}

// --- merging (two tabs) ------------------------------------------------------------------------------------------

/** `a` then the ids of `b` it lacks, capped like a decoded record. */
function unionIds(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const id of b) if (!out.includes(id) && out.length < MAX_STEPS) out.push(id);
  return out;
}

/**
 * One record holding both: every step seen in either, every answer (`newer` wins where both answered the same
 * question), and `newer`'s position. Used when another tab saved progress this tab has not seen, so neither tab's
 * steps are lost.
 */
export function mergeProgress(older: ProgressData, newer: ProgressData): ProgressData {
  const chapters: Record<string, ChapterProgress> = { ...older.chapters };
  for (const [id, rec] of Object.entries(newer.chapters)) {
    const base = Object.hasOwn(chapters, id) ? chapters[id] : undefined;
    if (!base) {
      if (Object.keys(chapters).length < MAX_CHAPTERS) chapters[id] = rec;
      continue;
    }
    chapters[id] = {
      seen: unionIds(base.seen, rec.seen),
      checks: { ...base.checks, ...rec.checks },
      last: rec.last,
    };
  }
  return { version: PROGRESS_VERSION, chapters };
}

// --- summaries for the home page -----------------------------------------------------------------------------------

export interface ChapterSummary {
  /** Steps of the current lesson list that were seen. */
  seen: number;
  total: number;
  /** Check questions answered correctly (latest answer). */
  correct: number;
  answered: number;
}

export function summarizeChapter(
  data: ProgressData,
  chapterId: string,
  stepIds: readonly string[],
): ChapterSummary {
  const rec = Object.hasOwn(data.chapters, chapterId) ? data.chapters[chapterId] : undefined;
  const ids = new Set(stepIds);
  const seen = rec ? rec.seen.filter((id) => ids.has(id)).length : 0;
  const answers = rec ? Object.entries(rec.checks).filter(([id]) => ids.has(id)) : [];
  return {
    seen,
    total: stepIds.length,
    answered: answers.length,
    correct: answers.filter(([, a]) => a.correct).length,
  };
}
