import { applyUpdate, useUpdateAvailable } from './registerServiceWorker';

/** "New version available — Reload", shown when the service worker has a newer build waiting. */
export function UpdatePrompt() {
  const available = useUpdateAvailable();
  if (!available) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt" data-chrome>
      <span>New version available —</span>
      <button type="button" className="button primary" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
