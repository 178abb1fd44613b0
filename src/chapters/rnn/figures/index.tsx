import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { LiveFigure } from './LiveFigure';
import { UnrolledFigure } from './UnrolledFigure';
import { WorkedExampleFigure } from './WorkedExampleFigure';

/** The figure of an RNN lesson step, by its `figure` key (chapter.ts). Steps 3–6 share one LiveFigure. */
export function renderRnnFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'unrolled':
      return <UnrolledFigure />;
    case 'worked-example':
      return <WorkedExampleFigure />;
    case 'train':
    case 'generate':
    case 'hidden':
    case 'gradients':
      return <LiveFigure step={step} />;
    default:
      return <p>No figure for this step.</p>;
  }
}
