import type { FigureMap } from '../../../lessons/ChapterPage';
import { presetLinks } from '../../../lessons/presetLinks';
import type { chapter } from '../chapter';
import { LiveFigure } from './LiveFigure';
import { UnrolledFigure } from './UnrolledFigure';
import { WorkedExampleFigure } from './WorkedExampleFigure';
import { RNN_PRESETS } from '../presets';
import '../../../components/charModel/charModel.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  unrolled: () => <UnrolledFigure />,
  'worked-example': () => <WorkedExampleFigure />,
  train: (step) => <LiveFigure step={step} />,
  generate: (step) => <LiveFigure step={step} />,
  hidden: (step) => <LiveFigure step={step} />,
  gradients: (step) => <LiveFigure step={step} />,
};

/** Instructor presets: share links under the chapter title. */
export const PRESETS = presetLinks('rnn', RNN_PRESETS);
