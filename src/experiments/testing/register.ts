import type { Registrations } from '../registry';

/**
 * Test hooks. The fault-test experiment (throws, crashes or hangs on request) exists only in the unit-test mode
 * (`test`, Vitest) and the browser-test build (`vite build --mode e2e`, used by playwright.config.ts). In a production
 * build the condition is the constant `false`, so the bundler drops the entry and the module with it.
 */
const TEST_HOOKS = import.meta.env.MODE === 'e2e' || import.meta.env.MODE === 'test';

export const registrations: Registrations = TEST_HOOKS
  ? {
      'fault-test': {
        title: 'Fault injection (tests)',
        load: () => import('./faultTest').then((m) => m.faultTest),
        hidden: true,
      },
    }
  : {};
