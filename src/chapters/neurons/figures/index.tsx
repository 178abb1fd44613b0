import type { FigureMap } from '../../../lessons/ChapterPage';
import type { chapter } from '../chapter';
import { BumpsFigure } from './BumpsFigure';
import { ForwardFigure } from './ForwardFigure';
import { LiveFigure } from './LiveFigure';
import { MatrixFigure } from './MatrixFigure';
import { NeuronFigure } from './NeuronFigure';
import '../neurons.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  neuron: () => <NeuronFigure />,
  matrix: () => <MatrixFigure />,
  forward: () => <ForwardFigure />,
  bumps: (step) => <BumpsFigure step={step} />,
  live: (step) => <LiveFigure preset={step.preset} />,
  'live-settings': (step) => (
    <LiveFigure preset={step.preset} controls={['hidden', 'act', 'lr', 'batch']} showSize />
  ),
  'live-depth': (step) => <LiveFigure preset={step.preset} controls={['hidden', 'act', 'lr']} showSize />,
};
