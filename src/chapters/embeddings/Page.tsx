import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderEmbeddingsFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import './embeddings.css';

const PRESETS = INSTRUCTOR_PRESETS.map((p) => ({ ...p, href: presetHref(p) }));

/** Text representation and embeddings: one lesson step at a time beside its live figure. */
export default function EmbeddingsPage() {
  return (
    <LessonPage chapter={chapter} renderFigure={(step) => renderEmbeddingsFigure(step)} presets={PRESETS} />
  );
}
