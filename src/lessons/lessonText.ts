import type { LessonStep } from './types';

/** Every piece of text a student reads in a step: title, prose, prompts, check question and caption. */
export function lessonText(step: LessonStep): string {
  const check = step.check ? [step.check.question, ...step.check.options, step.check.explanation] : [];
  return [step.title, step.body, ...(step.tryThis ?? []), ...check, step.caption ?? ''].join('\n');
}
