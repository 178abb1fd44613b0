/**
 * The lesson system's public API for chapter pages:
 *
 *   import { LessonPage } from '../../lessons';
 *   export default function Page() {
 *     return <LessonPage chapter={chapter} renderFigure={(step, index) => <MyFigure step={step} />} />;
 *   }
 *
 * `renderFigure` returns the live figure WITH its controls; pass `step.preset` to the runtime as defaults (URL values
 * win). On a step change the previous step's experiment parameters are dropped from the URL (`queryForStep`), so the
 * new step's preset applies; `keepParams` lists chapter-wide parameters that should survive.
 * `usePresentation()` tells a figure whether it is in presenter (`present`) or iframe (`embed`) mode.
 */
export { LessonPage, type LessonPageProps } from './LessonPage';
export { ChapterPage, type ChapterPageProps, type FigureMap, type ChapterFigures } from './ChapterPage';
export { defineChapter, type ChapterDefinition } from './defineChapter';
export { InstructorPresets, type InstructorPreset } from './InstructorPresets';
export { useLessonStep, useLesson, type LessonContextValue } from './lessonContext';
export { CheckQuestion, type CheckQuestionProps } from './CheckQuestion';
export { ProgressNotice } from './ProgressNotice';
export { useLessonPosition } from './useLessonPosition';
export {
  LESSON_PARAM,
  PAGE_PARAMS,
  parseLessonParam,
  queryForStep,
  withLesson,
  hasExperimentParams,
} from './lessonParams';
export { usePresentation, type Presentation } from './presenter';
