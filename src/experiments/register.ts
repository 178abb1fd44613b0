import type { Registrations } from './registry';

export const registrations: Registrations = {
  classifier2d: {
    title: '2D classifier (MLP)',
    load: () => import('./classifier2d').then((m) => m.classifier2d),
  },
};
