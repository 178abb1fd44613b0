import type { Chapter, ChapterId } from './types';
import { summarizeChapter, useProgress } from '../state/progress';

/** Home-page line for one chapter: "3 of 8 steps seen" with a small bar, or the size of a chapter not started. */
export function ChapterProgressLine({ id, chapter }: { id: ChapterId; chapter: Chapter | undefined }) {
  const data = useProgress((s) => s.data);
  if (!chapter) return <>In preparation</>;
  const summary = summarizeChapter(
    data,
    id,
    chapter.lessons.map((s) => s.id),
  );
  if (summary.seen === 0) return <>{summary.total} lesson steps</>;
  const checks = chapter.lessons.filter((s) => s.check).length;
  return (
    <>
      <span>
        {summary.seen} of {summary.total} steps seen
        {summary.answered > 0 && `, ${summary.correct} of ${checks} checks right`}
      </span>
      <progress
        className="chapter-progress-bar"
        max={summary.total}
        value={summary.seen}
        aria-hidden="true"
      />
    </>
  );
}
