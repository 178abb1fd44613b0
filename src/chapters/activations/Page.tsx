import { LessonPage } from '../../app/lessons';
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
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab etc.
            // Switch steps the way the lesson system does (history entry + popstate in one task). With a plain
            // hash change, the experiment still running on the current step can write its own settings into the
            // new address before it unmounts (a runtime race, reported); this path does not hit it.
            e.preventDefault();
            window.history.pushState(window.history.state, '', presetHref(p));
            window.dispatchEvent(new PopStateEvent('popstate'));
          }}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
