/** The ten chapter routes (`#/<id>`) in course order: part of the app's contract (docs/CONTRACTS.md). */
export const COURSE_CHAPTER_IDS = [
  'neurons',
  'activations',
  'loss',
  'backprop',
  'gradient-descent',
  'regularization',
  'embeddings',
  'rnn',
  'lstm',
  'transformer',
] as const;
