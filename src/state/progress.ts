import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  ID_PATTERN,
  MAX_STEPS,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  decodeProgress,
  emptyChapter,
  emptyProgress,
  encodeProgress,
  isIndex,
  mergeProgress,
  type ChapterProgress,
  type DecodeKind,
  type ProgressData,
} from './progressData';

export * from './progressData';

/**
 * Saved learning progress: steps seen, check answers and the last position per chapter, in localStorage.
 *
 * Rules (docs/CONTRACTS.md, "Reliability rules"): the data is versioned and validated on load; older shapes are
 * migrated; anything unreadable (corrupt JSON, wrong shape) is copied to a backup key and reported — never silently wiped. Data this version cannot read and
 * cannot copy aside (a newer version's record, or text too large for a second copy) is never written over: saving
 * pauses and the learner is offered to download it, then to discard it, after which saving resumes. Another tab's
 * saves are merged in (the `storage` event, and again just before every write), so two tabs keep each other's steps.
 * Storage that is blocked or full shows "progress not saved" while everything else keeps working. Only small
 * bookkeeping lives here: never datasets or weights.
 */

export const NOT_SAVED_MESSAGE = 'Progress not saved: this browser is blocking or out of storage.';

/** Stored text this version cannot read and could not set aside: kept untouched until the learner decides. */
export interface UnreadableProgress {
  kind: 'corrupt' | 'future';
  /** Its length in characters (shown, so a learner knows what the download holds). */
  chars: number;
}

export interface ProgressState {
  data: ProgressData;
  /** A one-off message about saved data (set aside, partly unreadable, merged). Dismissible. */
  notice: string | null;
  /** Storage refused to save (blocked or full): shown as "progress not saved". */
  saveFailed: boolean;
  /** Saving is paused because the stored text must not be written over (see UnreadableProgress). */
  unreadable: UnreadableProgress | null;
  markSeen(chapterId: string, stepId: string, index: number): void;
  answerCheck(chapterId: string, stepId: string, choice: number, correct: boolean): void;
  dismissNotice(): void;
  /** The stored text that could not be read, for a download; null if it is gone. */
  readUnreadable(): string | null;
  /** Deletes the unreadable stored text and saves this tab's progress in its place. */
  discardUnreadable(): void;
  /** Another tab wrote the progress key (`storage` event); `raw` is the new text, null when removed. */
  receiveExternal(raw: string | null): void;
}

/** Storage access itself may throw (blocked cookies / site data): callers pass a getter, not a Storage. */
export type StorageGetter = () => Storage;

const KEPT_ASIDE = 'The original was kept aside in this browser (key “gradient-lab:progress:backup”).';

function noticeFor(kind: DecodeKind): string | null {
  switch (kind) {
    case 'corrupt':
      return `Your saved progress could not be read. ${KEPT_ASIDE} Progress starts fresh.`;
    case 'partial':
      return `Part of your saved progress could not be read; the rest was restored. ${KEPT_ASIDE}`;
    default:
      return null;
  }
}

function unreadableNotice(kind: UnreadableProgress['kind']): string {
  return kind === 'future'
    ? 'Your saved progress was written by a newer version of Gradient Lab (perhaps in another tab). This tab will ' +
        'not overwrite it, so its progress is not being saved. Reload to use the newer version.'
    : 'Your saved progress could not be read, and there is no room to keep a copy, so it was left untouched and ' +
        'new progress is not being saved. You can download it, then discard it.';
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
  unreadable: UnreadableProgress | null;
  /** The stored text as last read or written by this tab: a different text means another tab wrote. */
  stored: string | null;
}

export function loadProgress(getStorage: StorageGetter): Loaded {
  let storage: Storage;
  let raw: string | null;
  try {
    storage = getStorage();
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { data: emptyProgress(), notice: null, saveFailed: true, unreadable: null, stored: null };
  }
  const { data, kind } = decodeProgress(raw);
  const base = { data, notice: null, saveFailed: false, unreadable: null, stored: raw };
  if (kind === 'empty' || kind === 'ok') return base;
  if (kind === 'migrated') {
    // Keep the old text too (cheap), then store the new shape right away.
    backup(storage, raw ?? '');
    try {
      const text = encodeProgress(data);
      storage.setItem(PROGRESS_KEY, text);
      return { ...base, stored: text };
    } catch {
      return { ...base, saveFailed: true };
    }
  }
  // Always try to copy unreadable text aside (a newer version's record too: a second copy costs little); a record
  // this version cannot read, or could not copy, is then never written over.
  const copied = backup(storage, raw ?? '');
  if (kind === 'future' || !copied) {
    const unreadable = { kind: kind === 'future' ? 'future' : 'corrupt', chars: (raw ?? '').length } as const;
    return { ...base, unreadable, notice: unreadableNotice(unreadable.kind) };
  }
  return { ...base, notice: noticeFor(kind) };
}

/** What the store's actions share: zustand's set/get, the storage getter and the text this tab last read or wrote. */
interface StoreContext {
  set: (partial: Partial<ProgressState>) => void;
  get: () => ProgressState;
  getStorage: StorageGetter;
  /** The stored text as last read or written by this tab: a different text means another tab wrote. */
  stored: string | null;
}

/** Stops saving, leaving the stored text as it is. */
function pause(ctx: StoreContext, kind: UnreadableProgress['kind'], raw: string): void {
  ctx.set({ unreadable: { kind, chars: raw.length }, notice: unreadableNotice(kind) });
}

/** What to write instead of `data`, after reading what is stored now; null when nothing may be written. */
function reconcile(ctx: StoreContext, storage: Storage, data: ProgressData): ProgressData | null {
  const raw = storage.getItem(PROGRESS_KEY);
  if (raw === null || raw === ctx.stored) return data;
  // Another tab (or another version) wrote since this tab last read or wrote.
  const theirs = decodeProgress(raw);
  if (theirs.kind === 'ok' || theirs.kind === 'migrated' || theirs.kind === 'empty') {
    return mergeProgress(theirs.data, data);
  }
  if (theirs.kind === 'future' || !backup(storage, raw)) {
    pause(ctx, theirs.kind === 'future' ? 'future' : 'corrupt', raw);
    return null;
  }
  ctx.set({ notice: noticeFor(theirs.kind) });
  return mergeProgress(theirs.data, data);
}

function save(ctx: StoreContext, data: ProgressData): void {
  ctx.set({ data });
  if (ctx.get().unreadable) return; // never write over what this version cannot read
  try {
    const storage = ctx.getStorage();
    const next = reconcile(ctx, storage, data);
    if (!next) return;
    const text = encodeProgress(next);
    storage.setItem(PROGRESS_KEY, text);
    ctx.stored = text;
    ctx.set({ data: next, saveFailed: false });
  } catch (err) {
    if (!ctx.get().saveFailed) console.warn('Progress not saved:', err); // once, not at every step
    ctx.set({ saveFailed: true });
  }
}

/** Applies `change` to one chapter's progress and saves; a null result means nothing changed (no write). */
function updateChapter(
  ctx: StoreContext,
  chapterId: string,
  change: (c: ChapterProgress) => ChapterProgress | null,
): void {
  if (!ID_PATTERN.test(chapterId)) return;
  const { data } = ctx.get();
  const before = Object.hasOwn(data.chapters, chapterId) ? data.chapters[chapterId] : emptyChapter();
  const after = change(before);
  if (!after) return;
  save(ctx, { version: PROGRESS_VERSION, chapters: { ...data.chapters, [chapterId]: after } });
}

function markSeen(ctx: StoreContext, chapterId: string, stepId: string, index: number): void {
  if (!ID_PATTERN.test(stepId) || !isIndex(index)) return;
  updateChapter(ctx, chapterId, (c) => {
    const isNew = !c.seen.includes(stepId);
    if (!isNew && c.last === index) return null; // nothing changed: no write
    const seen = isNew && c.seen.length < MAX_STEPS ? [...c.seen, stepId] : c.seen;
    return { ...c, seen, last: index };
  });
}

function readUnreadable(ctx: StoreContext): string | null {
  try {
    return ctx.getStorage().getItem(PROGRESS_KEY);
  } catch {
    return null;
  }
}

function discardUnreadable(ctx: StoreContext): void {
  try {
    ctx.getStorage().removeItem(PROGRESS_KEY);
  } catch (err) {
    console.warn('Could not discard the unreadable progress:', err);
    ctx.set({ saveFailed: true });
    return;
  }
  ctx.stored = null;
  ctx.set({
    unreadable: null,
    notice: 'The unreadable saved data was discarded. Progress is saved again.',
  });
  save(ctx, ctx.get().data);
}

function receiveExternal(ctx: StoreContext, raw: string | null): void {
  if (raw === null) {
    // Removed in another tab (e.g. discarded there): nothing is left to protect.
    ctx.stored = null;
    if (ctx.get().unreadable) ctx.set({ unreadable: null, notice: null });
    return;
  }
  const theirs = decodeProgress(raw);
  if (theirs.kind === 'future') {
    pause(ctx, 'future', raw);
    return;
  }
  if (theirs.kind !== 'ok' && theirs.kind !== 'migrated') return; // judged (and set aside) at the next save
  ctx.stored = raw;
  const unreadable = ctx.get().unreadable ? { unreadable: null, notice: null } : {};
  ctx.set({ ...unreadable, data: mergeProgress(ctx.get().data, theirs.data) });
}

export function createProgressStore(getStorage: StorageGetter): UseBoundStore<StoreApi<ProgressState>> {
  const loaded = loadProgress(getStorage);

  return create<ProgressState>()((set, get) => {
    const ctx: StoreContext = { set, get, getStorage, stored: loaded.stored };
    return {
      data: loaded.data,
      notice: loaded.notice,
      saveFailed: loaded.saveFailed,
      unreadable: loaded.unreadable,
      markSeen: (chapterId, stepId, index) => markSeen(ctx, chapterId, stepId, index),
      answerCheck(chapterId, stepId, choice, correct) {
        if (!ID_PATTERN.test(stepId) || !isIndex(choice)) return;
        updateChapter(ctx, chapterId, (c) => ({
          ...c,
          checks: { ...c.checks, [stepId]: { choice, correct } },
        }));
      },
      dismissNotice: () => set({ notice: null }),
      readUnreadable: () => readUnreadable(ctx),
      discardUnreadable: () => discardUnreadable(ctx),
      receiveExternal: (raw) => receiveExternal(ctx, raw),
    };
  });
}

function browserStorage(): Storage {
  if (typeof window === 'undefined') throw new Error('no window');
  return window.localStorage;
}

/** The app's progress store (hook + `useProgress.getState()` outside React). */
export const useProgress = createProgressStore(browserStorage);

// Another tab saved progress: merge it in (or stop saving if it is a newer version's record).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY) useProgress.getState().receiveExternal(e.newValue);
    else if (e.key === null) useProgress.getState().receiveExternal(null); // localStorage.clear() elsewhere
  });
}
