import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderGradientDescentFigure } from './figures';
import '../backprop/descent.css';

/** Chapter 5: batch, mini-batch and stochastic gradient descent; learning rates; optimisers; hyperparameters. */
export default function GradientDescentPage() {
  return <LessonPage chapter={chapter} renderFigure={(step) => renderGradientDescentFigure(step)} />;
}
