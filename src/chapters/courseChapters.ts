import type { Chapter } from '../lessons/types';

/** Every chapter's lesson data (each src/chapters/<id>/chapter.ts), for the tests of course-wide rules. */
const modules = import.meta.glob<{ chapter: Chapter }>('./*/chapter.ts', { eager: true });

export const COURSE_CHAPTERS: readonly Chapter[] = Object.values(modules).map((m) => m.chapter);
