import type { FigureMap } from '../../../lessons/ChapterPage';
import type { chapter } from '../chapter';
import { AttentionByHandFigure } from './AttentionByHandFigure';
import { BlockFigure } from './BlockFigure';
import { DecodeFigure } from './DecodeFigure';
import { MultiHeadFigure } from './MultiHeadFigure';
import { TokensFigure } from './TokensFigure';
import { TrainFigure } from './TrainFigure';

/** Each figure key of chapter.ts → its figure (with its controls); `index` is the step's 0-based position. */
export const FIGURES: FigureMap<(typeof chapter.figures)[number]> = {
  tokens: () => <TokensFigure />,
  'attention-by-hand': () => <AttentionByHandFigure />,
  'multi-head': () => <MultiHeadFigure />,
  block: () => <BlockFigure />,
  train: () => <TrainFigure />,
  decode: () => <DecodeFigure />,
};
