import { useState } from 'react';

/** Plain-text notice naming link settings that were ignored or clamped (figures computed without the runtime). */
export function LocalNotice({ lines }: { lines: readonly string[] }) {
  const key = lines.join('\n');
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (lines.length === 0 || dismissed === key) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="notice-local-params">
      <p className="notice-title">Some settings in the link were not used.</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <button
        type="button"
        className="act-dismiss"
        aria-label="Dismiss notice"
        onClick={() => setDismissed(key)}
      >
        ×
      </button>
    </div>
  );
}
