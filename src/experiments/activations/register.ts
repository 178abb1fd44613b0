import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'activations-compare': {
    title: 'Two activations side by side (same seed)',
    load: () => import('./compare').then((m) => m.compareExperiment),
  },
  'activations-depth': {
    title: 'Vanishing gradients in a deep MLP',
    load: () => import('./depth').then((m) => m.depthExperiment),
  },
  'activations-dying': {
    title: 'Dying ReLU at a high learning rate',
    load: () => import('./dying').then((m) => m.dyingExperiment),
  },
  'activations-maxout': {
    title: 'A maxout unit fits a convex function',
    load: () => import('./maxout').then((m) => m.maxoutExperiment),
  },
};
