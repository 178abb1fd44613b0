import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { AugmentFigure } from './AugmentFigure';
import { BatchNormFigure } from './BatchNormFigure';
import { CapacityFigure } from './CapacityFigure';
import { DropoutFigure } from './DropoutFigure';
import { PenaltyFigure } from './PenaltyFigure';
import { PolynomialFigure } from './PolynomialFigure';
import { SearchFigure } from './SearchFigure';

/** The live figure for a regularisation lesson step (step.figure is the key). */
export function renderRegularizationFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'polynomial':
      return <PolynomialFigure key={step.id} step={step} />;
    case 'capacity':
      return <CapacityFigure key={step.id} step={step} />;
    case 'penalty':
      return <PenaltyFigure key={step.id} step={step} />;
    case 'dropout':
      return <DropoutFigure key={step.id} step={step} />;
    case 'augment':
      return <AugmentFigure key={step.id} step={step} />;
    case 'batchnorm':
      return <BatchNormFigure key={step.id} step={step} />;
    case 'search':
      return <SearchFigure key={step.id} step={step} />;
    default:
      return <p>No figure for this step.</p>;
  }
}
