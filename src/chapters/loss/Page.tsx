import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderLossFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import '../activations/activations.css';
import '../backprop/descent.css';
import './loss.css';

/** Chapter 3, loss functions: MSE, cross-entropy and binary cross-entropy, each step beside its live figure. */
export default function LossPage() {
  return (
    <LessonPage
      chapter={chapter}
      renderFigure={(step) => renderLossFigure(step)}
      intro={<InstructorPresets />}
    />
  );
}

function InstructorPresets() {
  return (
    <nav className="loss-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="loss-muted">Instructor presets:</span>
      {INSTRUCTOR_PRESETS.map((p) => (
        <a
          key={p.id}
          className="loss-preset"
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
