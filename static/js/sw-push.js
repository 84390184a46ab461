// Push in the service worker: show what the server sent, open its page on a tap.
// Imported by sw.js. The server chooses neutral words (mentoring/push/texts.py);
// this file adds none of its own beyond a neutral fallback.
/* global self, clients */
(function () {
  "use strict";

  var FALLBACK = { title: "You have a new notification", body: "Open the app to see it." };

  function readPush(event) {
    if (!event.data) return {};
    try { return event.data.json() || {}; } catch (e) { return {}; }
  }

  // Only our own pages: a payload can never send someone elsewhere.
  function targetOf(url) {
    try {
      var target = new URL(url || "/", self.location.origin);
      if (target.origin === self.location.origin) return target.href;
    } catch (e) { /* fall through */ }
    return new URL("/", self.location.origin).href;
  }

  self.addEventListener("push", function (event) {
    var data = readPush(event);
    var tag = typeof data.tag === "string" && data.tag ? data.tag : "mentoring";
    var options = {
      body: typeof data.body === "string" ? data.body : FALLBACK.body,
      // One notification per topic: a newer one replaces the old, and still alerts.
      tag: tag,
      renotify: true,
      data: { url: targetOf(data.url) },
    };
    var title = typeof data.title === "string" && data.title ? data.title : FALLBACK.title;
    event.waitUntil(self.registration.showNotification(title, options));
  });

  function openTarget(url) {
    return clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
      }
      // An app window already open: bring it forward and take it to the page.
      var open = windows.filter(function (w) { return "navigate" in w; })[0];
      if (open) {
        return open.focus().catch(function () { return open; }).then(function () {
          return open.navigate(url);
        }).then(function (client) {
          return client || clients.openWindow(url);
        }, function () {
          return clients.openWindow(url);
        });
      }
      return clients.openWindow(url);
    });
  }

  self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var url = targetOf(event.notification.data && event.notification.data.url);
    event.waitUntil(openTarget(url));
  });
})();
