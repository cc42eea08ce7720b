// The service worker: keeps the app itself (page, script, wasm, font, catalogs) on the device so
// that Machiba opens without a signal, on a train or in a basement, where a resident may still
// read a campaign and write an opinion for the outbox to send later. The site build writes the
// list of the app's files below; their names carry a content hash, so a cached copy is never
// stale, and a new build (new names, new cache) replaces the old one.
//
// Requests: the page (navigation) goes to the network first and falls back to the cached page;
// the app's hashed files come from the cache first; /assets/ is served from the cache while a
// fresh copy is fetched; /api/ is never cached (the app keeps its own data in IndexedDB).
'use strict';

const machibaBuild = {version: 'development', files: []}; // replaced by the site build
const cacheName = 'machiba-' + machibaBuild.version;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(['./', ...machibaBuild.files]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('machiba-') && name !== cacheName) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('./', response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match('./');
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

async function staleWhileRevalidate(event) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(event.request);
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => {}));
    return cached;
  }
  return fresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(staleWhileRevalidate(event));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
