import type { ReactNode } from 'react';

/**
 * A region that scrolls sideways when its content (a long formula, a long unrolled diagram) is wider than the
 * column. Focusable, so keyboard users can scroll it too.
 */
export function Scroll({
  label,
  className,
  testId,
  children,
}: {
  label: string;
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
