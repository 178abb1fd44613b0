import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'reg-poly': {
    title: 'Polynomial fits of degree 1–15 (the U-curve)',
    load: () => import('./polynomial').then((m) => m.polynomialExperiment),
  },
  'reg-capacity': {
    title: 'Capacity of an MLP: training vs validation error',
    load: () => import('./capacity').then((m) => m.capacityExperiment),
  },
  'reg-penalty': {
    title: 'L2 and L1 penalties on a polynomial fit',
    load: () => import('./penalty').then((m) => m.penaltyExperiment),
  },
  'reg-dropout': {
    title: 'Dropout: with and without, classic and inverted scaling',
    load: () => import('./dropout').then((m) => m.dropoutExperiment),
  },
  'reg-augment': {
    title: 'Data augmentation: a glyph classifier with and without',
    load: () => import('./augment').then((m) => m.augmentExperiment),
  },
  'reg-batchnorm': {
    title: 'Batch normalisation in a deep sigmoid network',
    load: () => import('./batchnorm').then((m) => m.batchnormExperiment),
  },
  'reg-search': {
    title: 'Grid search versus random search',
    load: () => import('./search').then((m) => m.searchExperiment),
  },
};
