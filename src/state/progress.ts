import { create, type StoreApi, type UseBoundStore } from 'zustand';

/**
 * Saved learning progress: steps seen, check answers and the last position per chapter, in localStorage.
 *
 * Rules (docs/CONTRACTS.md, "Reliability rules"): the data is versioned and validated on load; older shapes are migrated; anything unreadable
 * (corrupt JSON, wrong shape, a version from the future) is copied to a backup key and reported — never silently
 * wiped; storage that is blocked or full shows "progress not saved" while everything else keeps working. Only small
 * bookkeeping lives here: never datasets or weights.
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
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_CHAPTERS = 64;
const MAX_STEPS = 256;
const MAX_INDEX = 10_000;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, chapters: {} };
}

function emptyChapter(): ChapterProgress {
  return { seen: [], checks: {}, last: 0 };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isIndex = (v: unknown): v is number =>
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

// --- the store ---------------------------------------------------------------------------------------------------

export const NOT_SAVED_MESSAGE = 'Progress not saved: this browser is blocking or out of storage.';

export interface ProgressState {
  data: ProgressData;
  /** A one-off message about saved data (set aside, partly unreadable). Dismissible. */
  notice: string | null;
  /** Storage refused to save (blocked or full): shown as "progress not saved". */
  saveFailed: boolean;
  markSeen(chapterId: string, stepId: string, index: number): void;
  answerCheck(chapterId: string, stepId: string, choice: number, correct: boolean): void;
  dismissNotice(): void;
}

/** Storage access itself may throw (blocked cookies / site data): callers pass a getter, not a Storage. */
export type StorageGetter = () => Storage;

function noticeFor(kind: DecodeKind, backedUp: boolean): string | null {
  const kept = backedUp
    ? 'The original was kept aside in this browser (key “gradient-lab:progress:backup”).'
    : 'It could not be copied aside, so it was left untouched and new progress is not being saved.';
  switch (kind) {
    case 'corrupt':
      return `Your saved progress could not be read. ${kept} Progress starts fresh.`;
    case 'future':
      return `Your saved progress comes from a newer version of Gradient Lab. ${kept} Progress starts fresh here.`;
    case 'partial':
      return `Part of your saved progress could not be read; the rest was restored. ${kept}`;
    default:
      return null;
  }
}

/** Writes `raw` to a backup key, unless some backup already holds it; never overwrites an older, different backup. */
function backup(storage: Storage, raw: string): boolean {
  try {
    const existing = storage.getItem(PROGRESS_BACKUP_KEY);
    if (existing === raw) return true;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(`${PROGRESS_BACKUP_KEY}:`) && storage.getItem(key) === raw) return true;
    }
    const key = existing === null ? PROGRESS_BACKUP_KEY : `${PROGRESS_BACKUP_KEY}:${Date.now()}`;
    storage.setItem(key, raw);
    return true;
  } catch {
    return false;
  }
}

interface Loaded {
  data: ProgressData;
  notice: string | null;
  saveFailed: boolean;
  /** False when the stored text must stay untouched (set aside failed): saving is then disabled. */
  writable: boolean;
}

export function loadProgress(getStorage: StorageGetter): Loaded {
  let storage: Storage;
  let raw: string | null;
  try {
    storage = getStorage();
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { data: emptyProgress(), notice: null, saveFailed: true, writable: false };
  }
  const { data, kind } = decodeProgress(raw);
  if (kind === 'empty' || kind === 'ok') return { data, notice: null, saveFailed: false, writable: true };
  if (kind === 'migrated') {
    // Keep the old text too (cheap), then store the new shape right away.
    backup(storage, raw ?? '');
    try {
      storage.setItem(PROGRESS_KEY, encodeProgress(data));
      return { data, notice: null, saveFailed: false, writable: true };
    } catch {
      return { data, notice: null, saveFailed: true, writable: true };
    }
  }
  const backedUp = backup(storage, raw ?? '');
  return { data, notice: noticeFor(kind, backedUp), saveFailed: !backedUp, writable: backedUp };
}

export function createProgressStore(getStorage: StorageGetter): UseBoundStore<StoreApi<ProgressState>> {
  const loaded = loadProgress(getStorage);
  const writable = loaded.writable;

  return create<ProgressState>()((set, get) => {
    const save = (data: ProgressData) => {
      if (!writable) {
        set({ data, saveFailed: true });
        return;
      }
      try {
        getStorage().setItem(PROGRESS_KEY, encodeProgress(data));
        set({ data, saveFailed: false });
      } catch (err) {
        console.warn('Progress not saved:', err);
        set({ data, saveFailed: true });
      }
    };
    const update = (chapterId: string, change: (c: ChapterProgress) => ChapterProgress | null) => {
      if (!ID_PATTERN.test(chapterId)) return;
      const { data } = get();
      const before = Object.hasOwn(data.chapters, chapterId) ? data.chapters[chapterId] : emptyChapter();
      const after = change(before);
      if (!after) return;
      save({ version: PROGRESS_VERSION, chapters: { ...data.chapters, [chapterId]: after } });
    };

    return {
      data: loaded.data,
      notice: loaded.notice,
      saveFailed: loaded.saveFailed,
      markSeen(chapterId, stepId, index) {
        if (!ID_PATTERN.test(stepId) || !isIndex(index)) return;
        update(chapterId, (c) => {
          const isNew = !c.seen.includes(stepId);
          if (!isNew && c.last === index) return null; // nothing changed: no write
          const seen = isNew && c.seen.length < MAX_STEPS ? [...c.seen, stepId] : c.seen;
          return { ...c, seen, last: index };
        });
      },
      answerCheck(chapterId, stepId, choice, correct) {
        if (!ID_PATTERN.test(stepId) || !isIndex(choice)) return;
        update(chapterId, (c) => ({ ...c, checks: { ...c.checks, [stepId]: { choice, correct } } }));
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}

function browserStorage(): Storage {
  if (typeof window === 'undefined') throw new Error('no window');
  return window.localStorage;
}

/** The app's progress store (hook + `useProgress.getState()` outside React). */
export const useProgress = createProgressStore(browserStorage);

// Another tab saved progress: adopt it (when valid), so two open tabs do not overwrite each other's steps.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== PROGRESS_KEY || e.newValue === null) return;
    const { data, kind } = decodeProgress(e.newValue);
    if (kind === 'ok') useProgress.setState({ data });
  });
}
