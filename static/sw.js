// The service worker, served at /sw.js so its scope is the whole app.
// Push handling lives in sw-push.js, so each part can change alone.
/* global importScripts */
importScripts("/static/js/sw-push.js");

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
