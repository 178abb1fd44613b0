import type { PresetLink } from '../../lessons/presetLinks';
import { chapter } from './chapter';

/** The 1-based lesson number of a step (computed, so adding steps before it keeps the link right). */
function lessonOf(id: string): string {
  return String(chapter.lessons.findIndex((s) => s.id === id) + 1);
}

/** Instructor presets: plain share links that open a step with its experiment set up. */
export const INSTRUCTOR_PRESETS: readonly PresetLink[] = [
  {
    id: 'degree-15',
    label: 'Degree 15 overfits',
    description:
      'Step 1 with the degree-15 polynomial: it passes through the samples and swings between them.',
    query: { lesson: '1', degree: '15', seed: '1' },
  },
  {
    id: 'l1-zeros',
    label: 'L1 makes weights zero',
    description: 'Step 3 at λ = 1: L1 sets most weights to exactly zero, L2 none.',
    query: { lesson: '3', lambda: '1', seed: '1' },
  },
  {
    id: 'dropout-gap',
    label: 'Dropout closes the gap',
    description: 'Step 4 at p = 0.5: the gap between training and validation error is smaller with dropout.',
    query: { lesson: '4', p: '0.5', seed: '4' },
  },
  {
    id: 'augment-few',
    label: 'Augmentation with 2 glyphs per digit',
    description: 'Step 5 with only two training glyphs per digit and every augmentation on.',
    query: { lesson: '5', perClass: '2', seed: '1' },
  },
  {
    id: 'batchnorm-deep',
    label: 'Batch norm in a 12-layer sigmoid net',
    description:
      'Step 6 with 12 hidden sigmoid layers: without batch norm the loss stays at a coin toss’s (ln 2).',
    query: { lesson: '6', depth: '12', seed: '1' },
  },
  {
    id: 'search-16',
    label: 'Grid vs random, 16 trials',
    description:
      'The search step with a budget of 16 trainings: a 4 × 4 grid tries four learning rates, random search sixteen.',
    query: { lesson: lessonOf('search'), budget: '16', seed: '3' },
  },
];
