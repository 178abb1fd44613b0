import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'neurons-fit': {
    title: 'One hidden layer of sigmoids trained to fit a curve',
    load: () => import('./fit').then((m) => m.fitExperiment),
  },
};
