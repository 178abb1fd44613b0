import { lazy, useMemo, type ComponentType } from 'react';
import { getPageLoader } from '../chapters';
import type { ChapterMeta } from '../chapters/types';

/** Renders the chapter's own page when it exists, otherwise an honest "in preparation" shell. */
export function ChapterRoute({ meta }: { meta: ChapterMeta }) {
  const Page = useMemo<ComponentType | null>(() => {
    const load = getPageLoader(meta.id);
    return load ? lazy(load) : null;
  }, [meta.id]);

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
