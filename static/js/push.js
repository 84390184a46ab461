// The notifications settings page: turn push on for this device, say which
// row is this device, and explain what stands in the way (an iPhone that
// has not added the app to its Home Screen, a browser that said no).
// The server renders everything; without this file the page still lists and
// removes devices.
(function () {
  "use strict";

  function app() { return document.querySelector("[data-push]"); }

  function supported() {
    return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  }

  // iPhone detection and the service worker's registration live in app.js.
  var shared = window.mentoring;

  function show(root, name) {
    root.querySelectorAll("[data-push-message]").forEach(function (note) {
      note.hidden = note.getAttribute("data-push-message") !== name;
    });
  }

  function say(root, key) {
    var status = root.querySelector("[data-push-status]");
    if (status) status.textContent = key ? root.getAttribute("data-text-" + key) : "";
  }

  function setButton(root, enabled) {
    var button = root.querySelector("[data-push-on]");
    if (button) button.disabled = !enabled;
  }

  function registration() {
    return shared.serviceWorker().then(function () { return navigator.serviceWorker.ready; });
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  // Same fingerprint as devices.device_digest on the server.
  function digest(text) {
    if (!window.crypto || !crypto.subtle) return Promise.resolve("");
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (hash) {
      return Array.prototype.map.call(new Uint8Array(hash), function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("").slice(0, 16);
    });
  }

  // Mark the row of this browser's own subscription; with it listed, the
  // "turn on" form has nothing left to do here.
  function markThisDevice(root, subscription) {
    var form = root.querySelector("[data-push-subscribe]");
    root.querySelectorAll("[data-device]").forEach(function (row) {
      row.classList.remove("is-this-device");
      var here = row.querySelector(".device-here");
      if (here) here.hidden = true;
    });
    if (form) form.hidden = false;
    if (!subscription) return;
    digest(subscription.endpoint).then(function (d) {
      var row = d && root.querySelector('[data-device="' + d + '"]');
      if (!row) return;
      row.classList.add("is-this-device");
      row.querySelector(".device-here").hidden = false;
      if (form) form.hidden = true;
    });
  }

  // What the page should say about this device, read afresh after every swap.
  function refresh() {
    var root = app();
    if (!root || !root.getAttribute("data-vapid-key")) return;
    if (!supported()) {
      show(root, shared.isIos() && !shared.isStandalone() ? "ios" : "unsupported");
      setButton(root, false);
      return;
    }
    if (Notification.permission === "denied") {
      show(root, "denied");
      setButton(root, false);
    } else {
      show(root, null);
      setButton(root, true);
    }
    registration()
      .then(function (reg) { return reg.pushManager.getSubscription(); })
      .then(function (subscription) { markThisDevice(root, subscription); })
      .catch(function () { /* no worker yet: nothing to mark */ });
  }

  function askPermission() {
    // Older Safari takes a callback instead of returning a promise.
    return new Promise(function (resolve) {
      var answer = Notification.requestPermission(resolve);
      if (answer && answer.then) answer.then(resolve);
    });
  }

  function subscribe(root, form) {
    say(root, "asking");
    askPermission().then(function (permission) {
      if (permission !== "granted") {
        if (permission === "denied") { show(root, "denied"); setButton(root, false); say(root, null); }
        else say(root, "dismissed");
        return null;
      }
      say(root, "saving");
      return registration().then(function (reg) {
        return reg.pushManager.getSubscription().then(function (existing) {
          return existing || reg.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(root.getAttribute("data-vapid-key")),
          });
        });
      }).then(function (subscription) {
        var json = subscription.toJSON();
        form.querySelector("[name=endpoint]").value = json.endpoint;
        form.querySelector("[name=p256dh]").value = json.keys.p256dh;
        form.querySelector("[name=auth]").value = json.keys.auth;
        form.setAttribute("data-push-ready", "");
        form.requestSubmit();
      });
    }).catch(function () { say(root, "failed"); });
  }

  // Capture phase, so this runs before htmx sends the form.
  document.addEventListener("submit", function (event) {
    var root = app();
    if (!root) return;
    var form = event.target;
    if (form.matches("[data-push-subscribe]")) {
      if (form.hasAttribute("data-push-ready")) { form.removeAttribute("data-push-ready"); return; }
      event.preventDefault();
      event.stopPropagation();
      if (supported()) subscribe(root, form);
      return;
    }
    // Turning off this device also ends the browser's subscription.
    if (form.matches("[data-push-remove]") && form.closest(".is-this-device") && supported()) {
      navigator.serviceWorker.ready
        .then(function (reg) { return reg.pushManager.getSubscription(); })
        .then(function (subscription) { return subscription && subscription.unsubscribe(); })
        .catch(function () {});
    }
  }, true);

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  onReady(function () {
    refresh();
    // New content (a boosted visit, a swapped device list) may need marking again.
    var queued = false;
    document.body.addEventListener("htmx:load", function () {
      if (queued) return;
      queued = true;
      setTimeout(function () { queued = false; refresh(); }, 0);
    });
  });
})();
