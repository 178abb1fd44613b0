import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { ChainFigure } from './ChainFigure';
import { NetworkFigure } from './NetworkFigure';
import { OneParamFigure } from './OneParamFigure';
import { SliceFigure } from './SliceFigure';
import { TwoParamFigure } from './TwoParamFigure';

/** The live figure for a backprop lesson step (keys: BACKPROP_FIGURES in ../figureKeys.ts). */
export function renderBackpropFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'one-param':
      return <OneParamFigure key={step.id} step={step} />;
    case 'two-param':
      return <TwoParamFigure key={step.id} step={step} />;
    case 'chain':
      return <ChainFigure key={step.id} step={step} />;
    case 'network':
      return <NetworkFigure key={step.id} step={step} />;
    case 'slice':
      return <SliceFigure key={step.id} step={step} />;
    default:
      return <p>No figure for this step.</p>;
  }
}
