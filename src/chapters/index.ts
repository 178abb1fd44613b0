import { createElement, type ComponentType } from 'react';
import { ChapterPage, type ChapterFigures } from '../lessons/ChapterPage';
import { CATALOG } from '../lessons/catalog';
import type { Chapter, ChapterId, ChapterMeta } from '../lessons/types';

/**
 * Chapters register themselves by convention, so adding one touches no shared file:
 *   src/chapters/<id>/chapter.ts          — `export const chapter = defineChapter({...})` (lesson data, loaded eagerly)
 *   src/chapters/<id>/figures/index.tsx   — `export const FIGURES` (figure key → figure) and optional `PRESETS`;
 *                                           loaded lazily (one chunk per chapter) and shown by the default ChapterPage
 *   src/chapters/<id>/Page.tsx            — optional: a page of its own, for page-wide state (default-exported)
 * A chapter without lessons shows an honest "in preparation" shell.
 */
const lessonModules = import.meta.glob<{ chapter: Chapter }>('./*/chapter.ts', { eager: true });
const figureModules = import.meta.glob<ChapterFigures>('./*/figures/index.tsx');
const pageModules = import.meta.glob<{ default: ComponentType }>('./*/Page.tsx');

type PageModule = { default: ComponentType };

function idFromPath(path: string): string {
  return path.split('/')[1] ?? '';
}

function byId<T>(modules: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [path, mod] of Object.entries(modules)) map.set(idFromPath(path), mod);
  return map;
}

const chaptersById = new Map([...byId(lessonModules)].map(([id, mod]) => [id, mod.chapter]));
const figuresById = byId(figureModules);
const pagesById = byId(pageModules);

export function findChapterMeta(id: string): ChapterMeta | undefined {
  return CATALOG.find((c) => c.id === id);
}

/** The chapter's lessons, or undefined while it is in preparation. */
export function getChapter(id: ChapterId): Chapter | undefined {
  return chaptersById.get(id);
}

/** The default page of a chapter: its lessons beside the figures of its figure map. */
function defaultPage(chapter: Chapter, load: () => Promise<ChapterFigures>): () => Promise<PageModule> {
  return async () => {
    const { FIGURES, PRESETS } = await load();
    const Page = () => createElement(ChapterPage, { chapter, figures: FIGURES, presets: PRESETS });
    return { default: Page };
  };
}

/** The loader of the chapter's page: its own Page.tsx, else the default page; undefined while in preparation. */
export function getPageLoader(id: ChapterId): (() => Promise<PageModule>) | undefined {
  const own = pagesById.get(id);
  if (own) return own;
  const chapter = chaptersById.get(id);
  const figures = figuresById.get(id);
  return chapter && figures ? defaultPage(chapter, figures) : undefined;
}

export { CATALOG };
