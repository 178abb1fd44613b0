import { LessonPage } from '../../lessons';
import { chapter } from './chapter';
import { renderLossFigure } from './figures';
import { INSTRUCTOR_PRESETS, presetHref } from './presets';
import '../activations/activations.css';
import '../backprop/descent.css';
import './loss.css';

const PRESETS = INSTRUCTOR_PRESETS.map((p) => ({ ...p, href: presetHref(p) }));

/** Chapter 3, loss functions: MSE, cross-entropy and binary cross-entropy, each step beside its live figure. */
export default function LossPage() {
  return <LessonPage chapter={chapter} renderFigure={(step) => renderLossFigure(step)} presets={PRESETS} />;
}
