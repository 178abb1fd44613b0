/*
 * Gradient Lab service worker: the course works offline once loaded (a classroom projector often has no network).
 *
 * At build time src/app/offline/precachePlugin.ts fills in VERSION and PRECACHE (every file of the build: HTML,
 * chunks, the training worker, CSS, KaTeX fonts, data). Install caches them all; requests for same-origin files are
 * answered cache-first; a new build waits until the page asks it to take over ("New version available — Reload").
 * Hand-written plain JS on purpose: it is served as is, outside the app bundle.
 */
const VERSION = '__GL_VERSION__';
const PRECACHE = [/*__GL_PRECACHE__*/];
const CACHE = `gradient-lab-${VERSION}`;
const PREFIX = 'gradient-lab-';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, self.registration.scope)))),
  );
});

self.addEventListener('activate', (event) => {
  // Old versions' caches go only once this version is in charge, so an open tab never loses its files mid-session.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  // Page loads (any path under the scope, hash routes never reach us) get the app shell.
  const key = request.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : request;
  // ignoreVary: the precache was fetched without an Origin header, module scripts are requested with one
  // (servers that send `Vary: Origin` would otherwise make every module script miss the cache).
  const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (err) {
    // Offline and not precached (e.g. a file added after this version was built).
    return new Response('Offline, and this file is not in the offline copy of the course.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}
