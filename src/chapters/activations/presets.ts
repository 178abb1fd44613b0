import type { PresetLink } from '../../lessons/presetLinks';

/**
 * Instructor presets: one click opens a lesson step with its experiment set up. Each is a plain share link
 * (`#/activations?lesson=…&…`), so it can also be pasted into slides or a chat.
 */
export const INSTRUCTOR_PRESETS: readonly PresetLink[] = [
  {
    id: 'linear-cant-bend',
    label: 'Linear can’t bend',
    description: 'Linear network vs ReLU network on the circle, same seed: only ReLU separates the rings.',
    query: { lesson: '2', task: 'circle', a1: 'linear', a2: 'linear', actB: 'relu', lr: '0.1', seed: '1' },
  },
  {
    id: 'sigmoid-vanishes',
    label: 'Sigmoid vanishes at depth 8',
    description:
      'Eight sigmoid layers: the first layer’s gradient is over 10,000 times smaller than the last.',
    query: { lesson: '4', depth: '8', act: 'sigmoid', lr: '0.1', seed: '1' },
  },
  {
    id: 'dying-relu',
    label: 'Dying ReLU at lr 1.0',
    description: 'ReLU at learning rate 1.0: watch the dead fraction climb; switch to leaky ReLU to compare.',
    query: { lesson: '5', act: 'relu', lr: '1', seed: '2' },
  },
];
