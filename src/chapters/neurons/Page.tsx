import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderNeuronsFigure } from './figures';
import './neurons.css';

/** Chapter 1, neurons and feed-forward networks: one lesson step at a time beside its figure. */
export default function NeuronsPage() {
  return <LessonPage chapter={chapter} renderFigure={renderNeuronsFigure} />;
}
