import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (production builds only: main.tsx checks `import.meta.env.PROD`) and tracks whether a
 * new version is waiting. Failures are logged as warnings: the course still works online without offline support.
 */

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker | null) {
  waiting = worker;
  listeners.forEach((l) => l());
}

/** True when a newer version has been downloaded and waits for the user's "Reload". */
export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => waiting !== null,
    () => false,
  );
}

/** Lets the waiting version take over, then reloads once it controls the page. */
export function applyUpdate() {
  const worker = waiting;
  if (!worker) return;
  let reloaded = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloaded) return;
    reloaded = true;
    window.location.reload();
  });
  worker.postMessage('skip-waiting');
}

function watch(registration: ServiceWorkerRegistration) {
  // A worker that finished installing while another controls the page is an update (the first install is not).
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });
}

export function registerServiceWorker(url = './sw.js') {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register(url)
      .then(watch)
      .catch((err: unknown) =>
        console.warn('Offline support unavailable (service worker not registered):', err),
      );
  // After load, so precaching never competes with the first paint.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
