import { InterimLessons } from './InterimLessons';
import { chapter } from './chapter';

/** Chapter 4: gradient descent and backpropagation. */
export default function BackpropPage() {
  return <InterimLessons chapter={chapter} />;
}
