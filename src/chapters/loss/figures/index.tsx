import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { ChooserFigure } from './ChooserFigure';
import { ExamplesFigure } from './ExamplesFigure';
import { LogisticFigure } from './LogisticFigure';
import { MseFigure } from './MseFigure';
import { SaturationFigure } from './SaturationFigure';
import { SoftmaxFigure } from './SoftmaxFigure';

/** The figure for a lesson step, by its `figure` key (see chapter.ts); null for an unknown key. */
export function renderLossFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'examples':
      return <ExamplesFigure preset={step.preset} />;
    case 'mse':
      return <MseFigure preset={step.preset} />;
    case 'softmax':
      return <SoftmaxFigure step={step} signStep={false} />;
    case 'logistic':
      return <LogisticFigure step={step} />;
    case 'saturation':
      return <SaturationFigure step={step} />;
    case 'softmax-sign':
      return <SoftmaxFigure step={step} signStep />;
    case 'chooser':
      return <ChooserFigure preset={step.preset} />;
    default:
      return null;
  }
}
