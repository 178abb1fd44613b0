import type { Registrations } from '../registry';

export const registrations: Registrations = {
  transformer: {
    title: 'Transformer (encoder–decoder)',
    load: () => import('../transformer').then((m) => m.transformerExperiment),
  },
};
