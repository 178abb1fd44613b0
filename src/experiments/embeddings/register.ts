import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'embeddings-glove': {
    title: 'Word vectors (GloVe objective)',
    load: () => import('./trainer').then((m) => m.gloveExperiment),
  },
  'embeddings-classifier': {
    title: 'Headline topics from word vectors',
    load: () => import('./classifierTrainer').then((m) => m.classifierExperiment),
  },
};
