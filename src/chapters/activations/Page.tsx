import { LessonPage } from '../../app/lessons';
import { chapter } from './chapter';
import { renderActivationsFigure } from './figures';
import './activations.css';

/** The activation-functions chapter: one lesson step at a time beside its live figure (src/app/lessons). */
export default function ActivationsPage() {
  return <LessonPage chapter={chapter} renderFigure={(step) => renderActivationsFigure(step)} />;
}
