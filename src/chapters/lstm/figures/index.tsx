import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { CellFigure } from './CellFigure';
import { CharFigure } from './CharFigure';
import { ForgetFigure } from './ForgetFigure';
import { GatesFigure } from './GatesFigure';
import { GradientFigure } from './GradientFigure';
import { RecallFigure } from './RecallFigure';

/** The live figure for an LSTM lesson step, by its `figure` key (chapter.ts). `index` is 0-based. */
export function renderLstmFigure(step: LessonStep, index: number): ReactNode {
  const lesson = index + 1;
  switch (step.figure) {
    case 'forget':
      return <ForgetFigure key={step.id} step={step} lesson={lesson} />;
    case 'cell':
      return <CellFigure key={step.id} step={step} lesson={lesson} />;
    case 'gates':
      return <GatesFigure key={step.id} step={step} lesson={lesson} />;
    case 'recall':
      return <RecallFigure key={step.id} step={step} lesson={lesson} />;
    case 'gradient':
      return <GradientFigure key={step.id} step={step} lesson={lesson} />;
    case 'char':
      return <CharFigure key={step.id} step={step} lesson={lesson} />;
    default:
      return <p>No figure for this step.</p>;
  }
}
