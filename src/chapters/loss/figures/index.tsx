import type { FigureMap } from '../../../lessons/ChapterPage';
import { presetLinks } from '../../../lessons/presetLinks';
import type { chapter } from '../chapter';
import { ChooserFigure } from './ChooserFigure';
import { ExamplesFigure } from './ExamplesFigure';
import { LogisticFigure } from './LogisticFigure';
import { MseFigure } from './MseFigure';
import { SaturationFigure } from './SaturationFigure';
import { SoftmaxFigure } from './SoftmaxFigure';
import { INSTRUCTOR_PRESETS } from '../presets';
import '../../../lessons/figureKit/figureKit.css';
import '../loss.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  examples: (step) => <ExamplesFigure preset={step.preset} />,
  mse: (step) => <MseFigure preset={step.preset} />,
  softmax: (step) => <SoftmaxFigure step={step} signStep={false} />,
  logistic: (step) => <LogisticFigure step={step} />,
  saturation: (step) => <SaturationFigure step={step} />,
  'softmax-sign': (step) => <SoftmaxFigure step={step} signStep />,
  chooser: (step) => <ChooserFigure preset={step.preset} />,
};

/** Instructor presets: share links under the chapter title. */
export const PRESETS = presetLinks('loss', INSTRUCTOR_PRESETS);
