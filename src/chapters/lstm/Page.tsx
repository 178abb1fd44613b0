import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderLstmFigure } from './figures';
import '../backprop/descent.css';
import '../rnn/rnn.css';
import './lstm.css';

/** Chapter 9: long short-term memory — why a plain RNN forgets, the cell and its gates, a memory race. */
export default function LstmPage() {
  return <LessonPage chapter={chapter} renderFigure={renderLstmFigure} />;
}
