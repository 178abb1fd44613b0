/**
 * Notices the runtime shows above an experiment: ignored URL parameters, a rebuilt model, a restarted worker, a
 * failure. At most one of each kind; all plain text (nothing from a URL is ever rendered as HTML).
 */
import { create } from 'zustand';

export type NoticeKind = 'url' | 'rebuilt' | 'worker' | 'info';

export interface Notice {
  kind: NoticeKind;
  title: string;
  lines: readonly string[];
  /** Increases each time the notice is replaced, so a repeated notice re-announces. */
  version: number;
}

interface NoticeState {
  notices: Readonly<Partial<Record<NoticeKind, Notice>>>;
  /** The last notice's version (kept across clears, so a notice shown again still counts as new). */
  version: number;
}

export const useNoticeStore = create<NoticeState>(() => ({ notices: {}, version: 0 }));

export function showNotice(kind: NoticeKind, title: string, lines: readonly string[] = []) {
  useNoticeStore.setState((s) => {
    const version = s.version + 1;
    return { version, notices: { ...s.notices, [kind]: { kind, title, lines, version } } };
  });
}

export function dismissNotice(kind: NoticeKind) {
  useNoticeStore.setState((s) => {
    if (!s.notices[kind]) return s;
    const next = { ...s.notices };
    delete next[kind];
    return { notices: next };
  });
}

export function clearNotices() {
  useNoticeStore.setState({ notices: {} });
}
