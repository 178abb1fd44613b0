import type { Registrations } from '../registry';

export const registrations: Registrations = {
  'lstm-recall': {
    title: 'Recall after a gap: RNN vs LSTM',
    load: () => import('./recall').then((m) => m.recallExperiment),
  },
};
