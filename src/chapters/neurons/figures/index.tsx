import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { BumpsFigure } from './BumpsFigure';
import { ForwardFigure } from './ForwardFigure';
import { LiveFigure } from './LiveFigure';
import { MatrixFigure } from './MatrixFigure';
import { NeuronFigure } from './NeuronFigure';

/** The figure for a lesson step, by its `figure` key (./keys.ts); null for an unknown key. */
export function renderNeuronsFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'neuron':
      return <NeuronFigure />;
    case 'matrix':
      return <MatrixFigure />;
    case 'forward':
      return <ForwardFigure />;
    case 'bumps':
      return <BumpsFigure step={step} />;
    case 'live':
      return <LiveFigure preset={step.preset} />;
    case 'live-settings':
      return <LiveFigure preset={step.preset} controls={['hidden', 'act', 'lr', 'batch']} showSize />;
    case 'live-depth':
      return <LiveFigure preset={step.preset} controls={['hidden', 'act', 'lr']} showSize />;
    default:
      return null;
  }
}
