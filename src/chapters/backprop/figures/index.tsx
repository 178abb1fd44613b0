import type { FigureMap } from '../../../lessons/ChapterPage';
import type { chapter } from '../chapter';
import { ChainFigure } from './ChainFigure';
import { NetworkFigure } from './NetworkFigure';
import { OneParamFigure } from './OneParamFigure';
import { SliceFigure } from './SliceFigure';
import { TwoParamFigure } from './TwoParamFigure';
import '../../../lessons/figureKit/figureKit.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  'one-param': (step) => <OneParamFigure key={step.id} step={step} />,
  'two-param': (step) => <TwoParamFigure key={step.id} step={step} />,
  chain: (step) => <ChainFigure key={step.id} step={step} />,
  network: (step) => <NetworkFigure key={step.id} step={step} />,
  slice: (step) => <SliceFigure key={step.id} step={step} />,
};
