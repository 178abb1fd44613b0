import type { PresetLink } from '../../lessons/presetLinks';

/**
 * Instructor presets: one click opens a lesson step with its figure set up. Each is a plain share link
 * (`#/loss?lesson=…&…`), so it can also be pasted into slides or a chat.
 */
export const INSTRUCTOR_PRESETS: readonly PresetLink[] = [
  {
    id: 'outlier',
    label: 'One outlier pulls the MSE line',
    description:
      'Regression view with an outlier: the least-squares line tilts towards it, the MAE line does not.',
    query: { lesson: '2', view: 'fit', outlier: 'true' },
  },
  {
    id: 'spiral',
    label: 'Three spirals with softmax',
    description: 'Cross-entropy on three interleaved spirals with 16 hidden neurons.',
    query: { lesson: '3', dataset: 'spiral', hidden: '16', lr: '1', seed: '1' },
  },
  {
    id: 'mse-stalls',
    label: 'MSE stalls, BCE recovers',
    description:
      'Same neuron, same seed, confidently wrong start: squared error barely moves, cross-entropy recovers.',
    query: { lesson: '5', part: 'race', lr: '1', wrong: '8', seed: '1' },
  },
  {
    id: 'drop-the-minus',
    label: 'Drop the minus',
    description:
      'Cross-entropy without its minus sign: training drives the true class probability towards 0.',
    query: { lesson: '6', sign: 'dropped', seed: '1' },
  },
];
