/**
 * A tab that loaded an older build and was never controlled by the service worker (the first visit) asks the server
 * for its own chunk names; after a deploy those are gone ("Failed to fetch dynamically imported module"). Such a tab
 * reloads itself — same URL, so the chapter, step and settings stay — and says why once the new version is up.
 * At most once a minute per tab: if a reload does not help (offline, a broken deploy) the error is shown instead of
 * reloading in a loop.
 */

const RELOADED_AT = 'gradient-lab:reloaded-for-update';
const NOTICE = 'gradient-lab:reloaded-for-update:notice';
const MIN_INTERVAL_MS = 60_000;

/** Browsers' messages for a module script or chunk that could not be fetched. */
const STALE_CHUNK =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isStaleChunkError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return STALE_CHUNK.test(message);
}

/** Reloads the page for the new version, unless it did so less than a minute ago. True when reloading. */
export function reloadForNewVersion(now = Date.now()): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (now - last < MIN_INTERVAL_MS) return false;
    sessionStorage.setItem(RELOADED_AT, String(now));
    sessionStorage.setItem(NOTICE, '1');
  } catch {
    return false; // no session storage: a loop could not be stopped, so do not start one
  }
  window.location.reload();
  return true;
}

/** True once after a reload made by reloadForNewVersion (the notice is shown once). */
export function takeReloadedNotice(): boolean {
  try {
    if (sessionStorage.getItem(NOTICE) === null) return false;
    sessionStorage.removeItem(NOTICE);
    return true;
  } catch {
    return false;
  }
}

/** Vite reports a failed dynamic import (or its CSS) with this event before the import rejects. */
export function reloadOnStaleChunks() {
  window.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (isStaleChunkError(payload)) reloadForNewVersion();
  });
}
