import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderActivationsFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import './activations.css';

/** The activation-functions chapter: one lesson step at a time beside its live figure (src/app/lessons). */
export default function ActivationsPage() {
  return (
    <LessonPage
      chapter={chapter}
      renderFigure={(step) => renderActivationsFigure(step)}
      intro={<InstructorPresets />}
    />
  );
}

function InstructorPresets() {
  return (
    <nav className="act-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="act-caption">Instructor presets:</span>
      {INSTRUCTOR_PRESETS.map((p) => (
        <a
          key={p.id}
          className="act-preset"
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
