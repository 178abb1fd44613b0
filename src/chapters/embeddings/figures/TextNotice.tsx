import { useState } from 'react';

/** A dismissible plain-text notice for a figure setting that was cut or ignored. */
export function TextNotice({ line }: { line: string | null }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!line || dismissed === line) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="notice-text">
      <p>{line}</p>
      <button type="button" aria-label="Dismiss notice" onClick={() => setDismissed(line)}>
        ×
      </button>
    </div>
  );
}
