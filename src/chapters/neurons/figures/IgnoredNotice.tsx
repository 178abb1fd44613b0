import { useState } from 'react';

/** One dismissible line naming the link settings a figure could not use (text only, never HTML). */
export function IgnoredNotice({ ignored }: { ignored: readonly string[] }) {
  const text = ignored.join('; ');
  const [dismissed, setDismissed] = useState('');
  if (!text || dismissed === text) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="figure-notice">
      <span>Some link settings were ignored: {text}.</span>
      <button type="button" className="button" onClick={() => setDismissed(text)}>
        Dismiss
      </button>
    </div>
  );
}
