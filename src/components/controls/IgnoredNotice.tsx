import { useState } from 'react';
import './controls.css';

/**
 * The dismissible notice of a figure computed without the runtime, listing the link settings it could not use
 * (`useUrlParams().ignored`, worded by describeIgnored like the runtime's notice). Plain text only, never HTML.
 * Dismissed, it stays away until the list changes.
 */
export function IgnoredNotice({
  lines,
  testId = 'notice-local-params',
}: {
  lines: readonly string[];
  testId?: string;
}) {
  const key = lines.join('\n');
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (lines.length === 0 || dismissed === key) return null;
  return (
    <div className="notice notice-warn link-notice" role="status" data-testid={testId}>
      <p className="notice-title">Some settings in the link were not used.</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <button
        type="button"
        className="link-notice-dismiss"
        aria-label="Dismiss notice"
        onClick={() => setDismissed(key)}
      >
        ×
      </button>
    </div>
  );
}
