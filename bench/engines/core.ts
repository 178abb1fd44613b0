// Our training core (src/core). Placeholder until the core API lands: every workload reports "missing".
import { NotAvailableError } from '../types';
import type { Engine } from '../types';

export async function createCoreEngine(): Promise<Engine> {
  return {
    name: 'core',
    description: 'Gradient Lab src/core (not yet available)',
    async activate() {},
    createTrainer(w) {
      throw new NotAvailableError(`src/core has no ${w.id} implementation yet`);
    },
    createMatmul() {
      throw new NotAvailableError('src/core has no matmul kernel yet');
    },
  };
}
