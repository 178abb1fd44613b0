import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'char-model': {
    title: 'Char-level language model (RNN / LSTM)',
    load: () => import('./trainer').then((m) => m.charModelExperiment),
  },
};
