import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderActivationsFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import './activations.css';
import './figures/compare.css';

const PRESETS = INSTRUCTOR_PRESETS.map((p) => ({ ...p, href: presetHref(p) }));

/** The activation-functions chapter: one lesson step at a time beside its live figure (src/app/lessons). */
export default function ActivationsPage() {
  return (
    <LessonPage chapter={chapter} renderFigure={(step) => renderActivationsFigure(step)} presets={PRESETS} />
  );
}
