import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { CompareFigure } from './CompareFigure';
import { DyingFigure } from './DyingFigure';
import { MaxoutFigure } from './MaxoutFigure';
import { NeuronFigure } from './NeuronFigure';
import { ProbeFigure } from './ProbeFigure';
import { SoftmaxFigure } from './SoftmaxFigure';
import { VanishingFigure } from './VanishingFigure';

/** The figure for a lesson step, by its `figure` key (see chapter.ts); null for an unknown key. */
export function renderActivationsFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'neuron':
      return <NeuronFigure preset={step.preset} />;
    case 'step-linear':
      return <CompareFigure preset={step.preset} variant="step-linear" />;
    case 'sigmoid-tanh':
      return <ProbeFigure preset={step.preset} />;
    case 'vanishing':
      return <VanishingFigure preset={step.preset} />;
    case 'dying':
      return <DyingFigure preset={step.preset} />;
    case 'softmax':
      return <SoftmaxFigure preset={step.preset} />;
    case 'maxout':
      return <MaxoutFigure preset={step.preset} />;
    case 'playground':
      return <CompareFigure preset={step.preset} variant="playground" />;
    default:
      return null;
  }
}
