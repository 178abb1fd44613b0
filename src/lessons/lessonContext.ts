import { createContext, useContext } from 'react';
import type { Chapter, LessonStep } from './types';

export interface LessonContextValue {
  chapter: Chapter;
  step: LessonStep;
  /** 0-based. */
  index: number;
}

export const LessonContext = createContext<LessonContextValue | null>(null);

/**
 * The lesson step shown, for components inside `renderFigure` (e.g. `useExperiment({ preset: useLessonStep()?.preset })`).
 * Undefined outside a LessonPage.
 */
export function useLessonStep(): LessonStep | undefined {
  return useContext(LessonContext)?.step;
}

/** Step, index and chapter, or null outside a LessonPage. */
export function useLesson(): LessonContextValue | null {
  return useContext(LessonContext);
}
