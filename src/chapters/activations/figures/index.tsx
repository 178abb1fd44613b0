import type { FigureMap } from '../../../lessons/ChapterPage';
import { presetLinks } from '../../../lessons/presetLinks';
import type { chapter } from '../chapter';
import { CompareFigure } from './CompareFigure';
import { DyingFigure } from './DyingFigure';
import { MaxoutFigure } from './MaxoutFigure';
import { NeuronFigure } from './NeuronFigure';
import { ProbeFigure } from './ProbeFigure';
import { SoftmaxFigure } from './SoftmaxFigure';
import { VanishingFigure } from './VanishingFigure';
import { INSTRUCTOR_PRESETS } from '../presets';
import '../activations.css';
import './compare.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  neuron: (step) => <NeuronFigure preset={step.preset} />,
  'step-linear': (step) => <CompareFigure preset={step.preset} variant="step-linear" />,
  'sigmoid-tanh': (step) => <ProbeFigure preset={step.preset} />,
  vanishing: (step) => <VanishingFigure preset={step.preset} />,
  dying: (step) => <DyingFigure preset={step.preset} />,
  softmax: (step) => <SoftmaxFigure preset={step.preset} />,
  maxout: (step) => <MaxoutFigure preset={step.preset} />,
  playground: (step) => <CompareFigure preset={step.preset} variant="playground" />,
};

/** Instructor presets: share links under the chapter title. */
export const PRESETS = presetLinks('activations', INSTRUCTOR_PRESETS);
