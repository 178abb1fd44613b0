import type { ComponentType } from 'react';
import { CATALOG } from '../lessons/catalog';
import type { Chapter, ChapterId, ChapterMeta } from '../lessons/types';

/**
 * Chapters register themselves by convention, so adding one touches no shared file:
 *   src/chapters/<id>/chapter.ts  — `export const chapter: Chapter` (lesson data, loaded eagerly: it is small)
 *   src/chapters/<id>/Page.tsx    — default-exported page component (loaded lazily, one chunk per chapter)
 * A chapter without a Page shows an honest "in preparation" shell.
 */
const lessonModules = import.meta.glob<{ chapter: Chapter }>('./*/chapter.ts', { eager: true });
const pageModules = import.meta.glob<{ default: ComponentType }>('./*/Page.tsx');

function idFromPath(path: string): string {
  return path.split('/')[1] ?? '';
}

const chaptersById = new Map<string, Chapter>();
for (const [path, mod] of Object.entries(lessonModules)) chaptersById.set(idFromPath(path), mod.chapter);

const pagesById = new Map<string, () => Promise<{ default: ComponentType }>>();
for (const [path, load] of Object.entries(pageModules)) pagesById.set(idFromPath(path), load);

export function findChapterMeta(id: string): ChapterMeta | undefined {
  return CATALOG.find((c) => c.id === id);
}

/** The chapter's lessons, or undefined while it is in preparation. */
export function getChapter(id: ChapterId): Chapter | undefined {
  return chaptersById.get(id);
}

export function getPageLoader(id: ChapterId): (() => Promise<{ default: ComponentType }>) | undefined {
  return pagesById.get(id);
}

export { CATALOG };
