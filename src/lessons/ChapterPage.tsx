import type { ReactNode } from 'react';
import type { InstructorPreset } from './InstructorPresets';
import { LessonPage } from './LessonPage';
import type { Chapter, LessonStep } from './types';

/** What a chapter's figures/index.tsx exports as `FIGURES`: one render function for each declared figure key. */
export type FigureMap<F extends string> = {
  readonly [K in F]: (step: LessonStep<F>, index: number) => ReactNode;
};

/** What a chapter's figures/index.tsx exports: its figure map and, optionally, instructor presets. */
export interface ChapterFigures<F extends string = string> {
  FIGURES: FigureMap<F>;
  PRESETS?: readonly InstructorPreset[];
}

export interface ChapterPageProps<F extends string> {
  chapter: Chapter<F>;
  figures: FigureMap<F>;
  presets?: readonly InstructorPreset[];
  /** Chapter-wide URL parameters that survive every step change (see LessonPage). */
  keepParams?: readonly string[];
}

/**
 * The default chapter page: the lesson system with each step's figure taken from the chapter's figure map. A chapter
 * needs its own Page.tsx only for page-wide state (the Transformer mounts one run for all its steps).
 */
export function ChapterPage<F extends string>({
  chapter,
  figures,
  presets,
  keepParams,
}: ChapterPageProps<F>) {
  // The map is typed against the chapter's keys; a link or stale data cannot add a step, so `?.` is only a guard.
  const renderFigure = (step: LessonStep<F>, index: number) =>
    step.figure === undefined ? null : (figures[step.figure]?.(step, index) ?? null);
  return (
    <LessonPage
      chapter={chapter}
      renderFigure={(step, index) => renderFigure(step as LessonStep<F>, index)}
      presets={presets}
      keepParams={keepParams}
    />
  );
}
