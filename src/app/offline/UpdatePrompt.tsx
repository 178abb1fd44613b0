import { useState } from 'react';
import { applyUpdate, useUpdateAvailable } from './registerServiceWorker';
import { takeReloadedNotice } from './reloadOnStaleChunk';

/**
 * "New version available — Reload", shown when the service worker has a newer build waiting (or another tab already
 * switched to it); and, once, "Gradient Lab was updated…" after this tab reloaded itself for a new build.
 */
export function UpdatePrompt() {
  const available = useUpdateAvailable();
  const [reloaded, setReloaded] = useState(takeReloadedNotice);
  return (
    <>
      {available && (
        <div className="update-prompt" role="status" data-testid="update-prompt" data-chrome>
          <span>New version available —</span>
          <button type="button" className="button primary" onClick={applyUpdate}>
            Reload
          </button>
        </div>
      )}
      {reloaded && !available && (
        <div className="update-prompt" role="status" data-testid="update-reloaded" data-chrome>
          <span>Gradient Lab was updated while this page was open, so it reloaded to the new version.</span>
          <button type="button" className="button" onClick={() => setReloaded(false)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
