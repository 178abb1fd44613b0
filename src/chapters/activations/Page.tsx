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
            // Change the address and tell the router in the same task (as the router's own navigate does): with a
            // plain hash change the running experiment can see the new address before the page switches steps and
            // write its own settings into it.
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
