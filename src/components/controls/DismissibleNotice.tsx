import { useState, type ReactNode } from 'react';

/**
 * A notice (role status) closed by its × button. Dismissed, it stays away until its content changes: `contentKey`
 * names the content, null when there is nothing to say. Plain text only, never HTML.
 */
export function DismissibleNotice({
  contentKey,
  className,
  dismissClassName,
  testId,
  children,
}: {
  contentKey: string | null;
  className: string;
  dismissClassName?: string;
  testId: string;
  children: ReactNode;
}) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (contentKey === null || dismissed === contentKey) return null;
  return (
    <div className={className} role="status" data-testid={testId}>
      {children}
      <button
        type="button"
        className={dismissClassName}
        aria-label="Dismiss notice"
        onClick={() => setDismissed(contentKey)}
      >
        ×
      </button>
    </div>
  );
}
