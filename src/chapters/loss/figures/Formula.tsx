import type { ReactNode } from 'react';

/**
 * A box for live formulas. It scrolls sideways when a formula is wider than the figure (a phone), so it is focusable:
 * a keyboard user can scroll it too.
 */
export function Formula({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div
      className="loss-formula"
      tabIndex={0}
      role="group"
      aria-label="Formula with live numbers"
      data-testid={testId}
    >
      {children}
    </div>
  );
}
