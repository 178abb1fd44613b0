import type { ReactNode } from 'react';
import type { LessonStep } from '../../../lessons/types';
import { AttentionByHandFigure } from './AttentionByHandFigure';
import { BlockFigure } from './BlockFigure';
import { DecodeFigure } from './DecodeFigure';
import { MultiHeadFigure } from './MultiHeadFigure';
import { TokensFigure } from './TokensFigure';
import { TrainFigure } from './TrainFigure';

/** The figure for a lesson step, by its `figure` key (see chapter.ts); null for an unknown key. */
export function renderTransformerFigure(step: LessonStep): ReactNode {
  switch (step.figure) {
    case 'tokens':
      return <TokensFigure />;
    case 'attention-by-hand':
      return <AttentionByHandFigure />;
    case 'multi-head':
      return <MultiHeadFigure />;
    case 'block':
      return <BlockFigure />;
    case 'train':
      return <TrainFigure />;
    case 'decode':
      return <DecodeFigure />;
    default:
      return null;
  }
}
