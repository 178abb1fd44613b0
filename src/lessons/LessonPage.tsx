import { useCallback, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import type { Chapter, LessonStep } from './types';
import { useProgress } from '../state/progress';
import { useRuntimeHub } from '../state/runtimeContext';
import { shouldIgnoreKey } from '../platform/keyboard';
import { PresenterBar, usePresentation } from './presenter';
import { PresenterFigure } from './presenter/PresenterFigure';
import { LessonExtras, LessonMainText, LessonTop } from './LessonParts';
import { InstructorPresets, type InstructorPreset } from './InstructorPresets';
import { ProgressNotice } from './ProgressNotice';
import { WarnNotice } from './WarnNotice';
import { useLessonPosition } from './useLessonPosition';
import { LessonContext } from './lessonContext';
import { ErrorBoundary } from '../components/errors';
import './lessons.css';

export interface LessonPageProps {
  chapter: Chapter;
  /**
   * The live figure for a step, WITH its controls (Play/Pause/Step/Reset/Share, sliders): in embed mode this is all
   * that is shown; in presenter mode it fills the screen. Pass `step.preset` to the runtime as the defaults layer
   * (URL values win over it). Give the figure a text alternative (figcaption / aria-label with current values).
   */
  renderFigure: (step: LessonStep, index: number) => ReactNode;
  /** Chapter-wide URL parameters that survive every step change (default: none besides page params and seed). */
  keepParams?: readonly string[];
  /** Optional content under the chapter title (normal mode only). */
  intro?: ReactNode;
  /** Instructor presets: share links shown under the chapter title (normal mode only). */
  presets?: readonly InstructorPreset[];
}

/**
 * One lesson step at a time beside its live figure (side by side from 1100 px, stacked below), with the step
 * indicator, Previous / Next, a table of contents, "Try this" prompts and a check question. Arrow keys and
 * PageUp/PageDown (presentation clickers) move between steps. Progress is recorded as steps are shown.
 */
export function LessonPage({ chapter, renderFigure, keepParams, intro, presets }: LessonPageProps) {
  const { index, count, notice, dismissNotice, goTo } = useLessonPosition(chapter, keepParams);
  const { present, embed } = usePresentation();
  const step = chapter.lessons[index];
  const { record, answerCheck } = useStepProgress(chapter.id, step, index);
  useStepPace(step);
  const heading = useRef<HTMLHeadingElement>(null);

  const move = useStepMove(goTo, heading);
  useLessonKeys(index, count, move);

  const context = useMemo(() => (step ? { chapter, step, index } : null), [chapter, step, index]);

  if (!step) return <EmptyLesson title={chapter.title} />;

  // A figure that fails is replaced by a notice; the prose, navigation and the rest of the page keep working.
  const figure = (
    <ErrorBoundary what="This figure" resetKey={step.id} testId="figure-error">
      <LessonContext.Provider value={context}>{renderFigure(step, index)}</LessonContext.Provider>
    </ErrorBoundary>
  );
  const mode = embed ? 'embed' : present ? 'present' : 'normal';
  const normal = mode === 'normal';

  // One tree for all three modes, with the figure at the same place in it: switching presenter or embed mode must
  // not remount the figure (that would restart its experiment and lose the training the room is watching).
  return (
    <article className={`lesson lesson--${mode}`} data-testid="lesson-page">
      <LessonHead
        present={present}
        embed={embed}
        chapter={chapter}
        step={step}
        position={`${index + 1} / ${count}`}
        intro={intro}
        presets={presets}
      />
      {normal && <ProgressNotice />}
      {/* A message about the lesson position (e.g. a step in the link that does not exist). */}
      {normal && notice && <WarnNotice text={notice} onDismiss={dismissNotice} testId="lesson-notice" />}
      {present && (
        <p className="visually-hidden" aria-live="polite" data-testid="lesson-step-indicator">
          Step {index + 1} of {count}
        </p>
      )}
      <div className="lesson-layout">
        {/* Text, figure, then prompts/check/navigation: on narrow screens the figure follows the prose it illustrates. */}
        {normal && (
          <LessonMainText
            chapter={chapter}
            step={step}
            index={index}
            record={record}
            heading={heading}
            onSelect={(i) => move(i, true)}
          />
        )}
        <PresenterFigure fit={present} fitKey={step.id}>
          {figure}
        </PresenterFigure>
        {normal && (
          <LessonExtras
            chapter={chapter}
            step={step}
            index={index}
            record={record}
            onAnswer={(choice, correct) => answerCheck(chapter.id, step.id, choice, correct)}
            move={move}
          />
        )}
      </div>
    </article>
  );
}

/**
 * The presenter's caption bar (presenter mode wins over embed), or the chapter title, step heading and intro (with
 * instructor presets).
 */
function LessonHead({
  present,
  embed,
  chapter,
  step,
  position,
  intro,
  presets,
}: {
  present: boolean;
  embed: boolean;
  chapter: Chapter;
  step: LessonStep;
  position: string;
  intro?: ReactNode;
  presets?: readonly InstructorPreset[];
}) {
  if (present) return <PresenterBar caption={step.caption ?? step.title} position={position} />;
  return (
    <LessonTop
      embed={embed}
      chapter={chapter}
      step={step}
      intro={
        <>
          {presets && <InstructorPresets presets={presets} />}
          {intro}
        </>
      }
    />
  );
}

function EmptyLesson({ title }: { title: string }) {
  return (
    <article className="lesson" data-testid="lesson-page">
      <h1>{title}</h1>
      <p>This chapter has no lesson steps yet.</p>
    </article>
  );
}

/** Records the shown step as seen; returns the chapter's saved record and the check-answer recorder. */
function useStepProgress(chapterId: string, step: LessonStep | undefined, index: number) {
  const markSeen = useProgress((s) => s.markSeen);
  const answerCheck = useProgress((s) => s.answerCheck);
  const record = useProgress((s) =>
    Object.hasOwn(s.data.chapters, chapterId) ? s.data.chapters[chapterId] : undefined,
  );

  useEffect(() => {
    if (step) markSeen(chapterId, step.id, index);
  }, [chapterId, step, index, markSeen]);

  return { record, answerCheck };
}

/** The step's pace and natural stopping point are the runtime's defaults while it is shown (a `speed` link wins). */
function useStepPace(step: LessonStep | undefined) {
  const hub = useRuntimeHub();
  useEffect(() => {
    hub.setLessonPace(step?.pace, step?.stopAt);
  }, [hub, step?.pace, step?.stopAt]);
  useEffect(() => () => hub.setLessonPace(undefined, undefined), [hub]);
}

/**
 * Go to step `to`. Next and Previous sit below a long step: without scrolling, the new step would open scrolled to
 * its middle, its title far above the viewport — so bring the start of the step into view when its title is hidden.
 */
function useStepMove(goTo: (to: number) => void, heading: RefObject<HTMLHeadingElement | null>) {
  return useCallback(
    (to: number, focusHeading = false, revealTitle = false) => {
      goTo(to);
      requestAnimationFrame(() => {
        const title = heading.current;
        if (!title) return;
        if (focusHeading) title.focus({ preventScroll: true });
        const top = title.getBoundingClientRect().top;
        if ((revealTitle || focusHeading) && (top < 0 || top > window.innerHeight - 40))
          title.scrollIntoView({ block: 'start' });
      });
    },
    [goTo, heading],
  );
}

/** Lesson keys: arrows and PageUp/PageDown, never while a control owns the keys (sliders, radios, text fields). */
function useLessonKeys(index: number, count: number, move: (to: number) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (shouldIgnoreKey(e) || document.querySelector('dialog[open]')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        if (index < count - 1) move(index + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        if (index > 0) move(index - 1);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, move]);
}
