// The service worker, served at /sw.js so its scope is the whole app.
// Push handling lives in sw-push.js, so each part can change alone.
//
// The server puts three lines before this file (mentoring/pwa/worker.py):
// ASSET_VERSION (a digest of every static file), PRECACHE_URLS (styles,
// scripts and the offline page) and OFFLINE_URL. A deploy that changes a
// static file changes the version, so browsers install this worker again.
//
// What it keeps: static files (their names carry a digest of their content,
// so a kept copy is never stale) and the offline page. Never a personal page,
// never an htmx fragment: phones are shared.
/* global importScripts */
importScripts("/static/js/sw-push.js");

var VERSION = self.ASSET_VERSION || "dev";
var CACHE_PREFIX = "app-";
var CACHE = CACHE_PREFIX + VERSION;
var PRECACHE = self.PRECACHE_URLS || [];
var OFFLINE_URL = self.OFFLINE_URL || "/offline";
var HASHED = /^\/static\/.+\.[0-9a-f]{12}\.[A-Za-z0-9]+$/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Names carry their content's digest, so a copy the page already
      // downloaded is the right one: no second download.
      return cache.addAll(PRECACHE.map(function (url) {
        return new Request(url, { credentials: "same-origin" });
      }));
    })
  );
  // No skipWaiting() here: a new version waits until the person taps
  // "Reload" (app.js asks with a "skip-waiting" message) or closes the app,
  // so an open page never runs half old, half new.
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(CACHE_PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () {
      if (self.registration.navigationPreload) return self.registration.navigationPreload.enable();
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("message", function (event) {
  var type = event.data && event.data.type;
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "refresh-offline") event.waitUntil(refreshOfflinePage());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkOrOfflinePage(event));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(keptOrFetched(request));
  }
  // Anything else (htmx fragments, feeds, the manifest) goes to the network as usual.
});

// Pages always come from the network, and are never kept. A server that
// answers with an error (its database down, say) is no better than no
// signal: the kept page, with the crisis numbers, is shown instead.
function networkOrOfflinePage(event) {
  return Promise.resolve(event.preloadResponse).then(function (preloaded) {
    return preloaded || fetch(event.request);
  }).then(function (response) {
    if (response.status < 500) return response;
    return keptOfflinePage().then(function (page) { return page || response; });
  }, function () {
    return keptOfflinePage().then(function (page) { return page || Response.error(); });
  });
}

function keptOfflinePage() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(OFFLINE_URL, { ignoreVary: true });
  });
}

// A file whose name carries its digest never changes: keep it once fetched.
function keptOrFetched(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (kept) {
      return kept || fetch(request).then(function (response) {
        var lasting = (response.headers.get("Cache-Control") || "").indexOf("immutable") !== -1;
        if (response.ok && lasting) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

// The offline page shows the program's crisis numbers, which a coordinator
// may change, and which depend on whose program it is: app.js asks for a
// fresh copy after sign-in and once a day.
function refreshOfflinePage() {
  return fetch(OFFLINE_URL, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    if (!response.ok) return;
    return caches.open(CACHE).then(function (cache) { return cache.put(OFFLINE_URL, response); });
  }).catch(function () {});
}
