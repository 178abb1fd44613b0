import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderRnnFigure } from './figures';
import { RNN_PRESETS, rnnPresetHref } from './presets';
import './rnn.css';

const PRESETS = RNN_PRESETS.map((p) => ({ ...p, href: rnnPresetHref(p) }));

/** Chapter 8: recurrent neural networks — the worked example, then a char-RNN trained live and sampled. */
export default function RnnPage() {
  return <LessonPage chapter={chapter} renderFigure={(step) => renderRnnFigure(step)} presets={PRESETS} />;
}
