import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { AnalogyFigure } from './AnalogyFigure';
import { ClassifierFigure } from './ClassifierFigure';
import { DenseFigure } from './DenseFigure';
import { GloveFileFigure } from './GloveFileFigure';
import { OneHotFigure } from './OneHotFigure';
import { SequencesFigure } from './SequencesFigure';
import { TokensFigure } from './TokensFigure';

/** The figure for a lesson step, by its `figure` key (see chapter.ts); null for an unknown key. */
export function renderEmbeddingsFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'sequences':
      return <SequencesFigure />;
    case 'tokens':
      return <TokensFigure preset={step.preset} />;
    case 'one-hot':
      return <OneHotFigure preset={step.preset} />;
    case 'dense':
      return <DenseFigure preset={step.preset} />;
    case 'analogies':
      return <AnalogyFigure preset={step.preset} />;
    case 'glove-file':
      return <GloveFileFigure />;
    case 'classifier':
      return <ClassifierFigure preset={step.preset} />;
    default:
      return null;
  }
}
