import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Chapter } from './types';
import { getRoute, navigate, useRoute } from '../platform/router';
import { useProgress } from '../state/progress';
import {
  LESSON_PARAM,
  hasExperimentParams,
  parseLessonParam,
  queryForStep,
  withLesson,
} from './lessonParams';

export interface LessonPosition {
  index: number;
  count: number;
  /** Plain-text notice when the URL's `lesson` was unusable (dismissible). */
  notice: string | null;
  dismissNotice(): void;
  goTo(index: number): void;
}

/**
 * The current lesson step, from the `lesson` URL parameter. A plain chapter link (no settings in the URL) resumes at
 * the saved position; a link with settings opens its own step. A bad value is clamped, written back, and reported.
 * Moving to another step drops the previous step's experiment parameters (see `queryForStep`).
 */
export function useLessonPosition(chapter: Chapter, keep?: readonly string[]): LessonPosition {
  const { path, query } = useRoute();
  const count = chapter.lessons.length;
  const raw = query.get(LESSON_PARAM);
  // Read once per chapter: the saved position matters only when the URL has none.
  const [savedLast] = useState(() => {
    const data = useProgress.getState().data;
    return Object.hasOwn(data.chapters, chapter.id) ? data.chapters[chapter.id].last : 0;
  });
  const fallback = hasExperimentParams(query) ? 0 : savedLast;
  const parsed = useMemo(() => parseLessonParam(raw, count, fallback), [raw, count, fallback]);
  const [notice, setNotice] = useState<string | null>(null);

  // Normalise the URL (missing or bad value → the step shown) without touching other parameters.
  useEffect(() => {
    if (count === 0) return;
    if (parsed.notice) setNotice(parsed.notice);
    if (raw !== String(parsed.index + 1)) {
      const current = getRoute();
      navigate(current.path, withLesson(current.query, parsed.index), { replace: true });
    }
  }, [raw, parsed, count]);

  const goTo = useCallback(
    (to: number) => {
      if (to < 0 || to >= count) return;
      const current = getRoute();
      navigate(current.path || path, queryForStep(current.query, chapter.lessons[to], to, { keep }), {
        replace: true,
      });
      setNotice(null);
    },
    [chapter.lessons, count, keep, path],
  );

  return { index: parsed.index, count, notice, dismissNotice: () => setNotice(null), goTo };
}
