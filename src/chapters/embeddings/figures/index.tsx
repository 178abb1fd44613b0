import type { FigureMap } from '../../../lessons/ChapterPage';
import { presetLinks } from '../../../lessons/presetLinks';
import type { chapter } from '../chapter';
import { AnalogyFigure } from './AnalogyFigure';
import { ClassifierFigure } from './ClassifierFigure';
import { DenseFigure } from './DenseFigure';
import { GloveFileFigure } from './GloveFileFigure';
import { OneHotFigure } from './OneHotFigure';
import { SequencesFigure } from './SequencesFigure';
import { TokensFigure } from './TokensFigure';
import { INSTRUCTOR_PRESETS } from '../presets';
import '../embeddings.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  sequences: () => <SequencesFigure />,
  tokens: (step) => <TokensFigure preset={step.preset} />,
  'one-hot': (step) => <OneHotFigure preset={step.preset} />,
  dense: (step) => <DenseFigure preset={step.preset} />,
  analogies: (step) => <AnalogyFigure preset={step.preset} />,
  'glove-file': () => <GloveFileFigure />,
  classifier: (step) => <ClassifierFigure preset={step.preset} />,
};

/** Instructor presets: share links under the chapter title. */
export const PRESETS = presetLinks('embeddings', INSTRUCTOR_PRESETS);
