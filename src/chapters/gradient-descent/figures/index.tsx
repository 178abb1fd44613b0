import type { FigureMap } from '../../../lessons/ChapterPage';
import type { chapter } from '../chapter';
import { BatchModesFigure } from './BatchModesFigure';
import { LrRaceFigure } from './LrRaceFigure';
import { OptimisersFigure } from './OptimisersFigure';
import { ParamPanel } from './ParamPanel';
import '../../../lessons/figureKit/figureKit.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  'batch-modes': (step) => <BatchModesFigure key={step.id} step={step} />,
  'lr-race': (step) => <LrRaceFigure key={step.id} step={step} />,
  optimisers: (step) => <OptimisersFigure key={step.id} step={step} />,
  'param-panel': (step) => <ParamPanel key={step.id} step={step} />,
};
