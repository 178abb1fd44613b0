import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderRnnFigure } from './figures';
import { RNN_PRESETS, rnnPresetHref } from './presets';
import './rnn.css';

/** Chapter 8: recurrent neural networks — the worked example, then a char-RNN trained live and sampled. */
export default function RnnPage() {
  return (
    <LessonPage
      chapter={chapter}
      renderFigure={(step) => renderRnnFigure(step)}
      intro={<InstructorPresets />}
    />
  );
}

function InstructorPresets() {
  return (
    <nav className="rnn-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="rnn-muted">Instructor presets:</span>
      {RNN_PRESETS.map((p) => (
        <a
          key={p.id}
          className="rnn-preset"
          href={rnnPresetHref(p)}
          title={p.description}
          data-testid={`preset-${p.id}`}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
