import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (production builds only: main.tsx checks `import.meta.env.PROD`) and tracks whether a
 * new version is waiting or already took over from another tab. Failures are logged as warnings: the course still
 * works online without offline support.
 *
 * Every tab's "Reload" works: `controllerchange` is listened for from the start (another tab may let the new version
 * take over at any moment), a version already waiting when this tab registers is offered at once, and Reload falls
 * back to a plain reload if the switch does not happen. A tab that is never reloaded still hears of new builds:
 * `registration.update()` runs periodically and when the tab becomes visible again.
 */

/** How often an open tab asks the server whether a new build exists. */
const UPDATE_EVERY_MS = 30 * 60 * 1000;
/** A tab coming back into view checks again if the last check is at least this old. */
const UPDATE_ON_VISIBLE_AFTER_MS = 5 * 60 * 1000;
/** Reload anyway if the waiting version has not taken over this long after "Reload". */
const TAKEOVER_TIMEOUT_MS = 4000;

type UpdateState = 'none' | 'waiting' | 'active-elsewhere';

let state: UpdateState = 'none';
let waiting: ServiceWorker | null = null;
/** This tab pressed Reload: the coming controllerchange is ours and means "reload now". */
let reloadRequested = false;
const listeners = new Set<() => void>();

function setState(next: UpdateState, worker: ServiceWorker | null = null) {
  state = next;
  waiting = worker;
  listeners.forEach((l) => l());
}

/** True when a newer version has been downloaded and waits for the user's "Reload" (or runs in another tab). */
export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => state !== 'none',
    () => false,
  );
}

function reload() {
  window.location.reload();
}

/** Lets the waiting version take over, then reloads once it controls the page (or plainly reloads). */
export function applyUpdate() {
  reloadRequested = true;
  const worker = waiting;
  if (state === 'waiting' && worker && worker.state === 'installed') {
    worker.postMessage('skip-waiting');
    window.setTimeout(reload, TAKEOVER_TIMEOUT_MS);
  } else {
    // Already in charge (another tab switched), or replaced by an even newer build: a reload gets the latest.
    reload();
  }
}

function watch(registration: ServiceWorkerRegistration) {
  // A worker that finished installing while another controls the page is an update (the first install is not).
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) setState('waiting', registration.waiting);
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });

  let lastCheck = Date.now();
  const check = () => {
    lastCheck = Date.now();
    registration.update().catch(() => {}); // offline or server down: try again later
  };
  window.setInterval(check, UPDATE_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastCheck >= UPDATE_ON_VISIBLE_AFTER_MS)
      check();
  });

  // Old versions' caches are deleted once no tab needs them: this load may be the moment the last one left.
  void navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage('clean-up'));
}

function listenForTakeover() {
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) return reload();
    // The first controller of an uncontrolled page is not an update.
    if (!controlled) {
      controlled = true;
      return;
    }
    // Another tab let a new version take over. This page keeps running its own version (its files stay cached)
    // until the learner reloads.
    setState('active-elsewhere');
  });
}

export function registerServiceWorker(url = './sw.js') {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  listenForTakeover();
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
