import type { MouseEvent } from 'react';
import type { LessonStep } from './types';

export interface LessonTocProps {
  chapterId: string;
  lessons: readonly LessonStep[];
  current: number;
  seen: readonly string[];
  onSelect(index: number): void;
}

/** Table of contents: every step, the current one marked (aria-current), seen ones ticked. Real links, so a
 *  middle-click opens a step in a new tab; a plain click goes through `onSelect` (which applies the step rule). */
export function LessonToc({ chapterId, lessons, current, seen, onSelect }: LessonTocProps) {
  const seenCount = lessons.filter((s) => seen.includes(s.id)).length;
  const click = (i: number) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onSelect(i);
  };
  return (
    <details className="lesson-toc" data-testid="lesson-toc">
      <summary>
        Contents{' '}
        <span className="lesson-toc-count">
          ({seenCount} of {lessons.length} seen)
        </span>
      </summary>
      <nav aria-label="Table of contents">
        <ol>
          {lessons.map((step, i) => {
            const isSeen = seen.includes(step.id);
            return (
              <li key={step.id} className={isSeen ? 'is-seen' : undefined}>
                <a
                  href={`#/${chapterId}?lesson=${i + 1}`}
                  aria-current={i === current ? 'step' : undefined}
                  onClick={click(i)}
                >
                  {step.title}
                  {isSeen && <span className="visually-hidden"> (seen)</span>}
                </a>
                {isSeen && (
                  <span className="lesson-toc-tick" aria-hidden="true">
                    ✓
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}
