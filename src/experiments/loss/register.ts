import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'loss-softmax': {
    title: 'Softmax + cross-entropy on three classes',
    load: () => import('./softmaxClassifier').then((m) => m.softmaxClassifierExperiment),
  },
  'loss-logistic': {
    title: 'Logistic regression: sigmoid + binary cross-entropy',
    load: () => import('./logistic').then((m) => m.logisticExperiment),
  },
  'loss-saturation': {
    title: 'Squared error vs cross-entropy from a wrong start',
    load: () => import('./saturation').then((m) => m.saturationExperiment),
  },
};
