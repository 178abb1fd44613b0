/*
 * Gradient Lab service worker: the course works offline once loaded (a classroom projector often has no network).
 *
 * At build time src/app/offline/precachePlugin.ts fills in VERSION and PRECACHE (every file of the build: HTML,
 * chunks, the training worker, CSS, KaTeX fonts, data). Install caches them all; requests for same-origin files are
 * answered cache-first; a new build waits until a page asks it to take over ("New version available — Reload").
 *
 * Updates are safe across tabs: when a new version takes over, tabs still open on an older version keep getting that
 * version's files (a chapter chunk they had not loaded yet) from its cache, which is deleted only once every tab and
 * worker that was open at the switch has gone (checked when pages load and on page loads' "clean-up" message).
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

/** Cache Storage entry listing old versions' caches and the clients that may still need them. */
const RETIRING = 'gradient-lab:retiring';
const RETIRING_KEY = new URL('./__retiring.json', self.registration.scope).href;
const isVersionCache = (k) => k.startsWith(PREFIX) && k !== CACHE;

async function readRetiring() {
  const hit = await caches.match(RETIRING_KEY, { cacheName: RETIRING });
  if (!hit) return { caches: [], clients: [] };
  try {
    const value = await hit.json();
    return { caches: value.caches ?? [], clients: value.clients ?? [] };
  } catch {
    return { caches: [], clients: [] };
  }
}

async function writeRetiring(value) {
  const store = await caches.open(RETIRING);
  await store.put(
    RETIRING_KEY,
    new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } }),
  );
}

async function openClientIds() {
  const open = await self.clients.matchAll({ type: 'all', includeUncontrolled: true });
  return open.map((c) => c.id);
}

// Taking over: older versions' caches are not deleted yet. Every tab (and worker) open now was loaded by an older
// version and may still ask for one of its files; those caches go once all of these clients are gone.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter(isVersionCache);
      if (old.length > 0) {
        const previous = await readRetiring();
        const ids = await openClientIds();
        await writeRetiring({
          caches: [...new Set([...previous.caches, ...old])],
          clients: [...new Set([...previous.clients, ...ids])],
        });
      }
      await cleanUp();
    })(),
  );
});

/** Deletes the retired caches once no client that was open at the switch remains. */
async function cleanUp() {
  const retiring = await readRetiring();
  if (retiring.caches.length === 0) return;
  const open = new Set(await openClientIds());
  const still = retiring.clients.filter((id) => open.has(id));
  if (still.length > 0) {
    if (still.length < retiring.clients.length)
      await writeRetiring({ caches: retiring.caches, clients: still });
    return;
  }
  await Promise.all(retiring.caches.map((k) => caches.delete(k)));
  await caches.delete(RETIRING);
}

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data === 'clean-up') event.waitUntil(cleanUp());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(respond(request));
  if (request.mode === 'navigate') event.waitUntil(cleanUp());
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  // Page loads (any path under the scope, hash routes never reach us) get the app shell.
  const navigate = request.mode === 'navigate';
  const key = navigate ? new URL('./index.html', self.registration.scope).href : request;
  // ignoreVary: the precache was fetched without an Origin header, module scripts are requested with one
  // (servers that send `Vary: Origin` would otherwise make every module script miss the cache).
  const hit = await cache.match(key, { ignoreSearch: navigate, ignoreVary: true });
  if (hit) return hit;
  if (!navigate) {
    // A tab opened before an update asks for a file of its own, older version: its cache is kept for it.
    const older = await caches.match(request, { ignoreVary: true });
    if (older) return older;
  }
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
