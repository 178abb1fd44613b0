import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { BatchModesFigure } from './BatchModesFigure';
import { LrRaceFigure } from './LrRaceFigure';
import { OptimisersFigure } from './OptimisersFigure';
import { ParamPanel } from './ParamPanel';

/** The live figure for a gradient-descent lesson step (keys: GRADIENT_DESCENT_FIGURES in backprop/figureKeys.ts). */
export function renderGradientDescentFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'batch-modes':
      return <BatchModesFigure key={step.id} step={step} />;
    case 'lr-race':
      return <LrRaceFigure key={step.id} step={step} />;
    case 'optimisers':
      return <OptimisersFigure key={step.id} step={step} />;
    case 'param-panel':
      return <ParamPanel key={step.id} step={step} />;
    default:
      return <p>No figure for this step.</p>;
  }
}
