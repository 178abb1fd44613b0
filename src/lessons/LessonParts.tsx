/** The text-side pieces of a lesson page (normal mode): the step's prose, then its prompts, check and navigation. */
import type { ReactNode, RefObject } from 'react';
import type { Chapter, LessonStep } from './types';
import { CATALOG } from './catalog';
import { Prose } from '../components/math';
import { CheckQuestion } from './CheckQuestion';
import { LessonToc } from './LessonToc';
import { PredictThenRun } from './PredictThenRun';

const EMPTY: readonly string[] = [];

export interface ChapterRecord {
  seen?: readonly string[];
  checks: Record<string, { choice: number } | undefined>;
}

/** Table of contents, step indicator, the step's title (focus target after a jump) and prose. */
export function LessonMainText({
  chapter,
  step,
  index,
  record,
  heading,
  onSelect,
}: {
  chapter: Chapter;
  step: LessonStep;
  index: number;
  record: ChapterRecord | undefined;
  heading: RefObject<HTMLHeadingElement | null>;
  onSelect: (i: number) => void;
}) {
  const count = chapter.lessons.length;
  return (
    <section className="lesson-text lesson-text-main" aria-labelledby="lesson-step-title">
      <LessonToc
        chapterId={chapter.id}
        lessons={chapter.lessons}
        current={index}
        seen={record?.seen ?? EMPTY}
        onSelect={onSelect}
      />
      <p className="lesson-step-indicator" aria-live="polite" data-testid="lesson-step-indicator">
        Step {index + 1} of {count}
      </p>
      <h2 id="lesson-step-title" ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
      <Prose text={step.body} className="lesson-prose" />
    </section>
  );
}

/** "Try this" prompts, the check question, Previous / Next, the end-of-chapter link and the keys hint. */
export function LessonExtras({
  chapter,
  step,
  index,
  record,
  onAnswer,
  move,
}: {
  chapter: Chapter;
  step: LessonStep;
  index: number;
  record: ChapterRecord | undefined;
  onAnswer: (choice: number, correct: boolean) => void;
  move: (to: number, focusHeading: boolean, revealTitle: boolean) => void;
}) {
  const count = chapter.lessons.length;
  const atEnd = index === count - 1;
  return (
    <div className="lesson-text lesson-text-extra">
      {/* Distinct keys: siblings sharing a key (the step's id, twice) made React keep one step's prediction on the next. */}
      {step.predict && <PredictThenRun key={`predict-${step.id}`} predict={step.predict} />}
      {step.tryThis && step.tryThis.length > 0 && <TryThis prompts={step.tryThis} />}
      {step.check && (
        <CheckQuestion
          key={`check-${step.id}`}
          check={step.check}
          savedChoice={record?.checks[step.id]?.choice}
          onAnswer={onAnswer}
        />
      )}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button
          type="button"
          className="button"
          onClick={() => move(index - 1, index - 1 === 0, true)}
          disabled={index === 0}
        >
          <span aria-hidden="true">← </span>Previous
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => move(index + 1, index + 1 === count - 1, true)}
          disabled={atEnd}
        >
          Next<span aria-hidden="true"> →</span>
        </button>
      </nav>
      {atEnd && <ChapterEnd chapterId={chapter.id} />}
      <p className="lesson-keys-hint">
        Keys: <kbd>←</kbd> <kbd>→</kbd> steps, <kbd>P</kbd> presenter mode, <kbd>?</kbd> all keys.{' '}
        <a href="#/notation" data-testid="notation-link">
          Notation
        </a>{' '}
        lists every symbol the course uses.
      </p>
    </div>
  );
}

function TryThis({ prompts }: { prompts: readonly string[] }) {
  return (
    <aside className="lesson-try" aria-labelledby="lesson-try-title">
      <h3 id="lesson-try-title">Try this</h3>
      <ul>
        {prompts.map((t, i) => (
          <li key={i}>
            <Prose text={t} className="inline-prose" />
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** After the last step: on to the next chapter in the course order, or back home after the last one. */
function ChapterEnd({ chapterId }: { chapterId: string }) {
  const nextChapter = CATALOG[CATALOG.findIndex((c) => c.id === chapterId) + 1];
  return (
    <p className="lesson-end" data-testid="lesson-end">
      End of this chapter.{' '}
      {nextChapter ? (
        <a href={`#/${nextChapter.id}`}>
          Next chapter: {nextChapter.title} <span aria-hidden="true">→</span>
        </a>
      ) : (
        <a href="#/">Back to the course home</a>
      )}
    </p>
  );
}

/** The top of the page outside presenter mode: the chapter's title (normal), or a hidden title (embed). */
export function LessonTop({
  embed,
  chapter,
  step,
  intro,
}: {
  embed: boolean;
  chapter: Chapter;
  step: LessonStep;
  intro?: ReactNode;
}) {
  if (embed)
    return (
      <h1 className="visually-hidden">
        {chapter.title}: {step.title}
      </h1>
    );
  return (
    <header className="lesson-header">
      <p className="chapter-kicker">Chapter {chapter.number}</p>
      <h1>{chapter.title}</h1>
      {intro}
    </header>
  );
}
