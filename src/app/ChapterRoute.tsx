import { lazy, useMemo, type ComponentType } from 'react';
import { getPageLoader } from '../chapters';
import type { ChapterMeta } from '../lessons/types';

// One lazy component per chapter, kept at module level: a component that suspends on its first mount loses its
// hook state (useMemo), so a lazy() made inside it would be new on every retry and never resolve ("Loading…" forever).
const lazyPages = new Map<string, ComponentType>();
function lazyPage(id: ChapterMeta['id']): ComponentType | null {
  const cached = lazyPages.get(id);
  if (cached) return cached;
  const load = getPageLoader(id);
  if (!load) return null;
  const Page = lazy(load);
  lazyPages.set(id, Page);
  return Page;
}

/** Renders the chapter's own page when it exists, otherwise an honest "in preparation" shell. */
export function ChapterRoute({ meta }: { meta: ChapterMeta }) {
  const Page = useMemo<ComponentType | null>(() => lazyPage(meta.id), [meta.id]);

  if (Page) return <Page />;
  return (
    <article className="chapter-shell" data-testid="chapter-shell">
      <p className="chapter-kicker">Chapter {meta.number}</p>
      <h1>{meta.title}</h1>
      <p>{meta.description}</p>
      <div className="in-preparation" role="status" data-testid="in-preparation">
        <strong>In preparation.</strong> This chapter’s lessons and live figures are being written. Meanwhile,
        the other chapters on the <a href="#/">course home</a> are open.
      </div>
    </article>
  );
}
