import { useSyncExternalStore } from 'react';

/**
 * Hash routing: `#/<path>?<query>`. Works on any static host. The query carries experiment settings and the lesson
 * step (docs/CONTRACTS.md). Nothing read from here is trusted: callers validate every value.
 */
export interface Route {
  /** Path without the leading '#/', e.g. '' (home), 'lstm', 'gallery'. */
  path: string;
  query: URLSearchParams;
}

const MAX_HASH_LENGTH = 8_192; // longer hashes are truncated before parsing; a 100 kB link must not stall the page

export function parseHash(hash: string): Route {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length > MAX_HASH_LENGTH) raw = raw.slice(0, MAX_HASH_LENGTH);
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const queryPart = q >= 0 ? raw.slice(q + 1) : '';
  let path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: keep the raw text, the router shows "not found"
  }
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(queryPart);
  } catch {
    query = new URLSearchParams();
  }
  return { path, query };
}

export function formatHash(path: string, query?: URLSearchParams | Record<string, string>): string {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

let cached: { hash: string; route: Route } | null = null;

function currentRoute(): Route {
  const hash = window.location.hash;
  if (!cached || cached.hash !== hash) cached = { hash, route: parseHash(hash) };
  return cached.route;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The current route; re-renders on navigation (links, back/forward, replaceState through `navigate`). */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute, currentRoute);
}

export function getRoute(): Route {
  return currentRoute();
}

/**
 * Go to a route. `replace: true` updates the address without a new history entry — use it for settings that change
 * often (sliders), so the back button still means "previous page".
 */
export function navigate(
  path: string,
  query?: URLSearchParams | Record<string, string>,
  opts?: { replace?: boolean },
) {
  const hash = formatHash(path, query);
  if (hash === window.location.hash) return;
  if (opts?.replace) {
    window.history.replaceState(window.history.state, '', hash);
    window.dispatchEvent(new PopStateEvent('popstate'));
  } else {
    window.location.hash = hash;
  }
}

/** Replace only the query of the current route (keeps the path), without a new history entry. */
export function replaceQuery(query: URLSearchParams) {
  navigate(currentRoute().path, query, { replace: true });
}
