import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'descent-theta': {
    title: 'Gradient descent on one parameter',
    load: () => import('./oneParam').then((m) => m.oneParamExperiment),
  },
  'descent-surface': {
    title: 'Gradient descent on a (w, b) surface',
    load: () => import('./twoParam').then((m) => m.twoParamExperiment),
  },
  'descent-landscape': {
    title: 'Loss-surface slice of a 2-8-8-1 MLP',
    load: () => import('./landscape').then((m) => m.landscapeExperiment),
  },
  'descent-batch': {
    title: 'Batch, mini-batch and stochastic GD',
    load: () => import('./batchModes').then((m) => m.batchModesExperiment),
  },
  'descent-lr': {
    title: 'Four learning rates on one surface',
    load: () => import('./lrRace').then((m) => m.lrRaceExperiment),
  },
  'descent-optim': {
    title: 'SGD, momentum and Adam racing',
    load: () => import('./optimizers').then((m) => m.optimizersExperiment),
  },
};
