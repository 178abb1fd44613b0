import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderEmbeddingsFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import './embeddings.css';

/** Text representation and embeddings: one lesson step at a time beside its live figure. */
export default function EmbeddingsPage() {
  return (
    <LessonPage
      chapter={chapter}
      renderFigure={(step) => renderEmbeddingsFigure(step)}
      intro={<InstructorPresets />}
    />
  );
}

function InstructorPresets() {
  return (
    <nav className="emb-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="emb-muted">Instructor presets:</span>
      {INSTRUCTOR_PRESETS.map((p) => (
        <a
          key={p.id}
          className="emb-preset"
          href={presetHref(p)}
          title={p.description}
          data-testid={`preset-${p.id}`}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
