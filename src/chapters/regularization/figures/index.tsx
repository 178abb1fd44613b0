import type { FigureMap } from '../../../lessons/ChapterPage';
import { presetLinks } from '../../../lessons/presetLinks';
import type { chapter } from '../chapter';
import { AugmentFigure } from './AugmentFigure';
import { BatchNormFigure } from './BatchNormFigure';
import { CapacityFigure } from './CapacityFigure';
import { DropoutFigure } from './DropoutFigure';
import { PenaltyFigure } from './PenaltyFigure';
import { PolynomialFigure } from './PolynomialFigure';
import { SearchFigure } from './SearchFigure';
import { INSTRUCTOR_PRESETS } from '../presets';
import '../../../lessons/figureKit/figureKit.css';
import '../regularization.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  polynomial: (step) => <PolynomialFigure key={step.id} step={step} />,
  capacity: (step) => <CapacityFigure key={step.id} step={step} />,
  penalty: (step) => <PenaltyFigure key={step.id} step={step} />,
  dropout: (step) => <DropoutFigure key={step.id} step={step} />,
  augment: (step) => <AugmentFigure key={step.id} step={step} />,
  batchnorm: (step) => <BatchNormFigure key={step.id} step={step} />,
  search: (step) => <SearchFigure key={step.id} step={step} />,
};

/** Instructor presets: share links under the chapter title. */
export const PRESETS = presetLinks('regularization', INSTRUCTOR_PRESETS);
