/**
 * Notices the runtime shows above an experiment: ignored URL parameters, a rebuilt model, a restarted worker, a
 * failure. At most one of each kind; all plain text (nothing from a URL is ever rendered as HTML).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type NoticeKind = 'url' | 'rebuilt' | 'worker' | 'info';

export interface Notice {
  kind: NoticeKind;
  title: string;
  lines: readonly string[];
  /** Increases each time the notice is replaced, so a repeated notice re-announces. */
  version: number;
}

export interface NoticeState {
  notices: Readonly<Partial<Record<NoticeKind, Notice>>>;
  /** The last notice's version (kept across clears, so a notice shown again still counts as new). */
  version: number;
}

/** One per runtime hub (runtimeHub.ts); NoticeBar reads it with `useNoticeStore` (runtimeContext.ts). */
export type NoticeStore = StoreApi<NoticeState>;

export const createNoticeStore = (): NoticeStore =>
  createStore<NoticeState>()(() => ({ notices: {}, version: 0 }));

export function showNotice(
  store: NoticeStore,
  kind: NoticeKind,
  title: string,
  lines: readonly string[] = [],
) {
  store.setState((s) => {
    const version = s.version + 1;
    return { version, notices: { ...s.notices, [kind]: { kind, title, lines, version } } };
  });
}

export function dismissNotice(store: NoticeStore, kind: NoticeKind) {
  store.setState((s) => {
    if (!s.notices[kind]) return s;
    const next = { ...s.notices };
    delete next[kind];
    return { notices: next };
  });
}

export function clearNotices(store: NoticeStore) {
  store.setState({ notices: {} });
}
