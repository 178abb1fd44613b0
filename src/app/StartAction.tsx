import { CATALOG, getChapter } from '../chapters';
import { summarizeChapter, useProgress } from '../state/progress';

/**
 * The home page's first action: "Start here" for a new visitor; "Continue where you left off" once any step has been
 * seen — the furthest chapter in course order with progress that is not finished (or the next one after it). A plain
 * chapter link resumes at the step saved for it.
 */
export function StartAction() {
  const data = useProgress((s) => s.data);
  const available = CATALOG.filter((meta) => getChapter(meta.id));
  let target: (typeof available)[number] | undefined;
  let started = false;
  for (const [i, meta] of available.entries()) {
    const chapter = getChapter(meta.id)!;
    const summary = summarizeChapter(
      data,
      meta.id,
      chapter.lessons.map((s) => s.id),
    );
    if (summary.seen === 0) continue;
    started = true;
    target = summary.seen < summary.total ? meta : (available[i + 1] ?? meta);
  }
  const first = available[0];
  if (!first) return null;
  const to = target ?? first;
  return (
    // The chapter title stays outside the link: a link named after a chapter would compete with that chapter's card.
    <p className="start-action">
      <a className="button primary" href={`#/${to.id}`} data-testid="start-action">
        {started ? 'Continue where you left off' : 'Start here'} <span aria-hidden="true">→</span>
      </a>{' '}
      <span className="start-action-target" data-testid="start-action-target">
        {to.title}
      </span>
    </p>
  );
}
