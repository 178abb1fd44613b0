import { InterimLessons } from '../backprop/InterimLessons';
import { chapter } from './chapter';

/** Chapter 5: batch, mini-batch and stochastic gradient descent; learning rates; optimisers. */
export default function GradientDescentPage() {
  return <InterimLessons chapter={chapter} />;
}
