import { CATALOG } from './catalog';
import type { Chapter, ChapterId, LessonStep } from './types';

export interface ChapterDefinition<F extends string> {
  /** The chapter's route id; its number, title and description come from the catalog (ids are listed once there). */
  id: ChapterId;
  /** The figure keys the chapter's figures/index.tsx maps (a FigureMap over exactly these keys). */
  figures: readonly F[];
  /** The steps, in order. A step's `figure` must be one of `figures` — a typo is a type error. */
  lessons: readonly LessonStep<NoInfer<F>>[];
}

/**
 * A chapter's lesson data, checked: the id is in the catalog, step ids are unique (progress is stored by them) and
 * every figure key is declared. Throws on a mistake, so the chapter's unit tests and the build catch it.
 */
export function defineChapter<const F extends string>(def: ChapterDefinition<F>): Chapter<F> {
  const meta = CATALOG.find((c) => c.id === def.id);
  if (!meta) throw new Error(`Chapter "${def.id}" is not in the catalog (src/lessons/catalog.ts).`);
  const seen = new Set<string>();
  for (const step of def.lessons) {
    if (seen.has(step.id)) throw new Error(`Chapter "${def.id}": two steps have the id "${step.id}".`);
    seen.add(step.id);
    if (step.figure !== undefined && !def.figures.includes(step.figure))
      throw new Error(`Chapter "${def.id}", step "${step.id}": figure "${step.figure}" is not declared.`);
  }
  return { ...meta, figures: def.figures, lessons: def.lessons };
}
