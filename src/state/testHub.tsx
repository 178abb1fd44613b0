/**
 * For component tests: a wrapper that gives the rendered tree its own runtime hub, as `main.tsx` gives the app its
 * hub (`render(<RunControls />, { wrapper: withHub(hub) })`). Only tests import this file.
 */
import type { ReactNode } from 'react';
import { RuntimeContext } from './runtimeContext';
import type { RuntimeHub } from './runtimeHub';

export function withHub(hub: RuntimeHub) {
  return function HubProvider({ children }: { children: ReactNode }) {
    return <RuntimeContext.Provider value={hub}>{children}</RuntimeContext.Provider>;
  };
}
