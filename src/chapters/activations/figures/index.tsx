import type { ReactNode } from 'react';
import type { LessonStep } from '../../types';
import { NeuronFigure } from './NeuronFigure';
import { SoftmaxFigure } from './SoftmaxFigure';

/** The figure for a lesson step, by its `figure` key (see chapter.ts); null for an unknown key. */
export function renderActivationsFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'neuron':
      return <NeuronFigure preset={step.preset} />;
    case 'softmax':
      return <SoftmaxFigure preset={step.preset} />;
    default:
      return null;
  }
}
