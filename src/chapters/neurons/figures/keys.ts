/** The figures this chapter's steps can name (`LessonStep.figure`). */
export const FIGURE_KEYS = [
  'neuron',
  'matrix',
  'forward',
  'live',
  'live-settings',
  'bumps',
  'live-depth',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
