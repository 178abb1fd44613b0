import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderBackpropFigure } from './figures';
import './descent.css';

/** Chapter 4: gradient descent and backpropagation — one lesson step at a time beside its live figure. */
export default function BackpropPage() {
  return <LessonPage chapter={chapter} renderFigure={(step) => renderBackpropFigure(step)} />;
}
