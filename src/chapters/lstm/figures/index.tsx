import type { FigureMap } from '../../../lessons/ChapterPage';
import type { chapter } from '../chapter';
import { CellFigure } from './CellFigure';
import { CharFigure } from './CharFigure';
import { ForgetFigure } from './ForgetFigure';
import { GatesFigure } from './GatesFigure';
import { GradientFigure } from './GradientFigure';
import { RecallFigure } from './RecallFigure';
import '../../../lessons/figureKit/figureKit.css';
import '../../../components/charModel/charModel.css';
import '../lstm.css';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  forget: (step, index) => <ForgetFigure key={step.id} step={step} lesson={index + 1} />,
  cell: (step, index) => <CellFigure key={step.id} step={step} lesson={index + 1} />,
  gates: (step, index) => <GatesFigure key={step.id} step={step} lesson={index + 1} />,
  recall: (step, index) => <RecallFigure key={step.id} step={step} lesson={index + 1} />,
  gradient: (step, index) => <GradientFigure key={step.id} step={step} lesson={index + 1} />,
  char: (step, index) => <CharFigure key={step.id} step={step} lesson={index + 1} />,
};
