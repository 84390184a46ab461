// Small enhancements on top of server-rendered pages. Everything here is
// optional: without it every page and form still works.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function text(elementId, kind) {
    var element = document.getElementById(elementId);
    return element ? element.getAttribute("data-" + kind) || "" : "";
  }

  // localStorage may be missing or full (private modes): never let that break a page.
  var store = {
    get: function (key, fallback) {
      try {
        var value = window.localStorage.getItem(key);
        return value === null ? fallback : JSON.parse(value);
      } catch (e) { return fallback; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    },
  };

  // On <main>, which every page load and boosted swap brings afresh.
  function signedInUser() {
    var main = document.getElementById("main");
    return main ? main.getAttribute("data-user") : null;
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  // Every htmx request carries the token; forms carry it too, for when there is no JavaScript.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) event.detail.headers["X-CSRFToken"] = token;
  });

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // Tell screen readers what changed, through one live region that is always there.
  function announce(message) {
    var region = document.getElementById("announcer");
    if (!region || !message) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = message; }, 50);
  }

  // Pick the device's own time zone when someone joins.
  function detectTimezone(root) {
    root.querySelectorAll("select[data-detect-timezone]").forEach(function (select) {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
      select.removeAttribute("data-detect-timezone");
    });
  }

  // Copy and share buttons next to invite and password links.
  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var input = document.querySelector(copy.getAttribute("data-copy"));
      input.select();
      var done = function () { copy.textContent = copy.getAttribute("data-copied"); };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, function () {});
      else if (document.execCommand("copy")) done();
      return;
    }
    var share = event.target.closest("[data-share]");
    if (share && navigator.share) {
      var link = document.querySelector(share.getAttribute("data-share"));
      navigator.share({ title: share.getAttribute("data-share-title"), url: link.value }).catch(function () {});
    }
  });

  function revealShareButtons(root) {
    if (!navigator.share) return;
    root.querySelectorAll("[data-share][hidden]").forEach(function (b) { b.hidden = false; });
  }

  // ---------------------------------------------------------------------
  // Forms made without a signal: <form data-offline-form> with a hidden
  // client_id field. Kept on this phone, sent when the connection returns
  // (the `online` event, and the next time the app opens), and saved once
  // by the server whatever happens, because it dedupes by client_id.
  var QUEUE = "offline-queue";
  var flushing = false;

  function queued() {
    var items = store.get(QUEUE, []);
    return Array.isArray(items) ? items : [];
  }

  function queueForm(form, submitter) {
    var data = submitter ? new FormData(form, submitter) : new FormData(form);
    var fields = [];
    data.forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrf_token") fields.push([name, value]);
    });
    var idField = form.querySelector('[name="client_id"], [name$="-client_id"]');
    var item = {
      id: (idField && idField.value) || newClientId(),
      user: signedInUser(),
      action: form.action,
      fields: fields,
      saved: Date.now(),
    };
    var items = queued().filter(function (other) { return other.id !== item.id; });
    items.push(item);
    if (!store.set(QUEUE, items)) return false;
    // The next entry made on this form is a new one, not a repeat of this one.
    form.reset();
    if (idField) idField.value = newClientId();
    showFormNote(form, text("net-status", "queued"));
    announce(text("net-status", "queued"));
    return true;
  }

  function showFormNote(form, message) {
    var note = form.querySelector("[data-offline-note]");
    if (!note) {
      note = document.createElement("p");
      note.className = "offline-note";
      note.setAttribute("data-offline-note", "");
      form.insertBefore(note, form.firstChild);
    }
    note.textContent = message;
  }

  function clearFormNotes(message) {
    document.querySelectorAll("[data-offline-note]").forEach(function (note) { note.textContent = message; });
  }

  // "sent" (saved, or already saved before), "retry" (no signal, server
  // trouble, signed out), "rejected" (400: most often a session that ended
  // while the page was open; tried a few times) or "refused" (never).
  var MAX_REJECTIONS = 5;

  function sendQueued(item, token) {
    var body = new URLSearchParams();
    item.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    body.append("csrf_token", token);
    return fetch(item.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      // As htmx would send it: an expired session then answers 401, not a
      // redirect to the sign-in page that would look like success.
      headers: { "HX-Request": "true", "X-CSRFToken": token },
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.ok) return "sent";
      var status = response.status;
      if (status === 401 || status === 408 || status === 429 || status >= 500) return "retry";
      return status === 400 ? "rejected" : "refused";
    }, function () { return "retry"; });
  }

  function withQueueLock(work) {
    if (navigator.locks && navigator.locks.request) return navigator.locks.request("offline-queue", work);
    return work();
  }

  function flushQueue() {
    var user = signedInUser();
    var token = csrfToken();
    if (flushing || !user || !token || !navigator.onLine) return Promise.resolve();
    if (!queued().some(function (item) { return item.user === user; })) return Promise.resolve();
    flushing = true;
    var sent = 0;
    var refused = 0;
    return withQueueLock(function () {
      // Read again inside the lock: another tab may have sent some already.
      var mine = queued().filter(function (item) { return item.user === user; });
      return mine.reduce(function (previous, item) {
        return previous.then(function (stop) {
          if (stop) return true;
          return sendQueued(item, token).then(function (result) {
            if (result === "retry") return true;
            if (result === "rejected" && (item.rejections || 0) + 1 < MAX_REJECTIONS) {
              store.set(QUEUE, queued().map(function (other) {
                if (other.id === item.id) other.rejections = (other.rejections || 0) + 1;
                return other;
              }));
              return true;
            }
            if (result === "sent") sent += 1; else refused += 1;
            store.set(QUEUE, queued().filter(function (other) { return other.id !== item.id; }));
            return false;
          });
        });
      }, Promise.resolve(false));
    }).then(function () {
      flushing = false;
      if (refused) showToast("refused", false);
      else if (sent) {
        clearFormNotes(text("net-status", "sent"));
        announce(text("net-status", "sent"));
      }
      if (sent) document.body.dispatchEvent(new CustomEvent("offline:sent", { bubbles: true, detail: { count: sent } }));
    }, function () { flushing = false; });
  }

  // Capture phase, registered first: runs before htmx's boosted submit.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-offline-form]") || navigator.onLine) return;
    if (!signedInUser()) return;
    if (!form.checkValidity()) { form.reportValidity(); event.preventDefault(); return; }
    if (queueForm(form, event.submitter)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  window.addEventListener("online", function () { flushQueue(); });

  // What a sent form changes ([data-refresh-on-sent]: the check-in page's "Today", the home's
  // check-in card) is read again from this page's URL and swapped in by id: otherwise it
  // still says "No check-in yet today". Reading the check-in page takes the calm crisis
  // panel a risky note asked for, so that panel comes along too.
  function refreshAfterSent() {
    var stale = document.querySelectorAll("[data-refresh-on-sent][id]");
    if (!stale.length) return;
    fetch(location.href, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var added = [];
      stale.forEach(function (old) {
        var replacement = fresh.getElementById(old.id);
        if (replacement) { old.replaceWith(document.adoptNode(replacement)); added.push(replacement); }
      });
      var panel = fresh.getElementById("crisis-panel");
      var main = document.getElementById("main");
      if (panel && main && !document.getElementById("crisis-panel")) { main.prepend(document.adoptNode(panel)); added.push(panel); }
      // Boosted links and hx-* attributes in what came in work as they did before.
      if (window.htmx) added.forEach(function (node) { htmx.process(node); });
      enhance(document);
    }, function () {});
  }

  document.addEventListener("offline:sent", refreshAfterSent);

  // ---------------------------------------------------------------------
  // A failed htmx request never fails silently: say what happened, offer a retry.
  var lastFailed = null;

  function toastButton(toast, label, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn";
    button.textContent = label;
    button.addEventListener("click", action);
    toast.appendChild(button);
    return button;
  }

  function showToast(kind, retryable) {
    var toast = document.getElementById("net-status");
    if (!toast) return;
    var hadFocus = toast.contains(document.activeElement);
    toast.textContent = "";
    var message = document.createElement("span");
    message.textContent = toast.getAttribute("data-" + kind);
    toast.appendChild(message);
    var first = null;
    if (retryable) {
      first = toastButton(toast, toast.getAttribute("data-retry"), function () {
        toast.hidden = true;
        if (!lastFailed) return;
        var elt = lastFailed.elt;
        if (elt.tagName === "FORM" && elt.requestSubmit) elt.requestSubmit();
        else if (lastFailed.boosted && lastFailed.verb === "get") window.location.assign(lastFailed.path);
        else htmx.ajax(lastFailed.verb, lastFailed.path, { source: elt, target: lastFailed.target });
      });
    }
    toastButton(toast, toast.getAttribute("data-dismiss"), function () { toast.hidden = true; });
    toast.hidden = false;
    // A retry that failed again: keep the keyboard where it was.
    if (hadFocus && first) first.focus();
  }

  function remember(detail) {
    var config = detail.requestConfig || {};
    lastFailed = {
      elt: detail.elt,
      target: detail.target,
      boosted: !!(detail.boosted || config.boosted),
      verb: config.verb || "get",
      path: config.path || (detail.pathInfo && detail.pathInfo.requestPath),
    };
  }

  function offlineForm(elt) {
    return elt && elt.closest ? elt.closest("form[data-offline-form]") : null;
  }

  function failedToSend(event) {
    var detail = event.detail;
    var form = offlineForm(detail.elt);
    remember(detail);
    // A form that may wait for a signal is kept on the phone instead.
    if (form && lastFailed.verb !== "get" && signedInUser() && queueForm(form)) return;
    showToast(lastFailed.verb === "get" ? "offline-get" : "offline", true);
  }

  document.addEventListener("htmx:sendError", failedToSend);
  document.addEventListener("htmx:timeout", failedToSend);
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    remember(event.detail);
    if (status === 400) showToast("expired", false);
    else if (status === 403 || status === 404) showToast("forbidden", false);
    else showToast("failed", status >= 500);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) {
      var toast = document.getElementById("net-status");
      if (toast && !toast.hidden) toast.hidden = true;
    }
  });

  // ---------------------------------------------------------------------
  // While a boosted link or form is loading the next page, the page on screen
  // is about to be replaced: anything typed into it now would vanish with it,
  // and a form sent from it would have its answer thrown away. On a slow phone
  // that window is long. So the leaving page takes no input until the next one
  // is in (or the request failed and it stays).
  function leaving(main, busy) {
    if (!main) return;
    main.inert = busy;
    if (busy) main.setAttribute("aria-busy", "true");
    else main.removeAttribute("aria-busy");
  }

  // beforeSend, not beforeRequest: another listener may still cancel a request there.
  document.addEventListener("htmx:beforeSend", function (event) {
    if (event.detail.boosted) leaving(document.getElementById("main"), true);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    // The swapped-in page brings a fresh <main>; this restores the old one
    // when nothing replaced it (offline, an error, a 204).
    if (event.detail.boosted) leaving(document.getElementById("main"), false);
  });

  // ---------------------------------------------------------------------
  // Signing in or out is a full page load, but a session can also end while
  // the app is open, and the next boosted page is then the sign-in page.
  var lastUser = null;

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target !== document.body || signedInUser() === lastUser) return;
    lastUser = signedInUser();
    forgetOtherPeople();
    refreshOfflineCopy();
    flushQueue();
  });

  // ---------------------------------------------------------------------
  // Keyboard and screen readers after htmx swaps content in place.
  function focusWithin(element) {
    if (!element.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(element.tagName)) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus();
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var detail = event.detail;
    var scope = detail.boosted ? document.getElementById("main") : detail.target;
    if (!scope || !scope.querySelector) return;
    // Sent back with problems: straight to the first one, where the error is read out with its field.
    var invalid = detail.xhr && detail.xhr.status === 422 && scope.querySelector('[aria-invalid="true"], .form-error');
    if (invalid) { focusWithin(invalid); return; }
    if (detail.boosted) {
      // A new page: start reading and tabbing from its heading, as a full load would,
      // unless it opens with the calm crisis panel, which is read first.
      focusWithin(scope.querySelector("#crisis-panel") || scope.querySelector("h1") || scope);
      return;
    }
    var said = scope.querySelector("[data-announce], .flash");
    if (said) announce(said.getAttribute("data-announce") || said.textContent.trim());
  });

  // ---------------------------------------------------------------------
  // The next meeting, for the offline page: any element with
  // data-next-meeting="<what to show>" (empty: none planned) is remembered.
  var MEETING = "next-meeting";

  function rememberNextMeeting(root) {
    var user = signedInUser();
    if (!root.querySelector) return;
    var element = root.matches && root.matches("[data-next-meeting]") ? root : root.querySelector("[data-next-meeting]");
    if (!user || !element) return;
    var value = element.getAttribute("data-next-meeting").trim();
    if (value) store.set(MEETING, { user: user, text: value, saved: Date.now() });
    else store.remove(MEETING);
  }

  // Personal things kept on this phone go when the person signs out or
  // someone else signs in (phones are shared).
  function forgetOtherPeople() {
    var user = signedInUser();
    var meeting = store.get(MEETING, null);
    if (document.body.hasAttribute("data-public-shell")) return;
    if (meeting && meeting.user !== user) store.remove(MEETING);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-sign-out") || form.getAttribute("data-flushed")) return;
    var user = signedInUser();
    store.remove(MEETING);
    if (!queued().some(function (item) { return item.user === user; })) return;
    // Send what waits first; signing out would strand it.
    event.preventDefault();
    event.stopImmediatePropagation();
    flushQueue().then(function () {
      form.setAttribute("data-flushed", "true");
      form.submit();
    });
  }, true);

  function fillOfflinePage() {
    // With a signal, the page stands in for one the server could not draw.
    if (navigator.onLine) {
      document.querySelectorAll("[data-when-online]").forEach(function (e) {
        e.textContent = e.getAttribute("data-when-online");
      });
    }
    var meeting = store.get(MEETING, null);
    var section = document.getElementById("offline-meeting");
    if (section && meeting && meeting.text) {
      section.querySelector('[data-fill="next-meeting"]').textContent = meeting.text;
      section.hidden = false;
    }
    var waiting = queued().length;
    var queue = document.getElementById("offline-queue");
    if (queue && waiting) {
      var line = queue.querySelector('[data-fill="queue-count"]');
      line.textContent = waiting === 1 ? line.getAttribute("data-one") : line.getAttribute("data-many").replace("{n}", waiting);
      queue.hidden = false;
    }
  }

  // ---------------------------------------------------------------------
  // The service worker: offline page, kept static files, and telling the
  // person when a new version is ready.
  var OFFLINE_FRESH = "offline-page";
  var DAY = 24 * 60 * 60 * 1000;
  var updateAsked = false;

  function offerUpdate(worker) {
    var toast = document.getElementById("app-update");
    if (!toast || !worker) return;
    toast.textContent = "";
    var message = document.createElement("span");
    message.textContent = toast.getAttribute("data-ready");
    toast.appendChild(message);
    toastButton(toast, toast.getAttribute("data-reload"), function () {
      updateAsked = true;
      toast.hidden = true;
      worker.postMessage({ type: "skip-waiting" });
    }).className = "btn btn-primary";
    toastButton(toast, toast.getAttribute("data-later"), function () { toast.hidden = true; });
    toast.hidden = false;
  }

  function watchForUpdates(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        // "installed" with a page already controlled: an update, waiting.
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
    // Boosted navigation rarely loads sw.js again: look for updates when the app comes back to the front.
    var lastCheck = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState !== "visible" || Date.now() - lastCheck < 60 * 60 * 1000) return;
      lastCheck = Date.now();
      registration.update().catch(function () {});
    });
  }

  function refreshOfflineCopy() {
    var controller = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!controller || !navigator.onLine || document.body.hasAttribute("data-public-shell")) return;
    var who = signedInUser() || "";
    var last = store.get(OFFLINE_FRESH, {});
    if (last.who === who && Date.now() - last.at < DAY) return;
    controller.postMessage({ type: "refresh-offline" });
    store.set(OFFLINE_FRESH, { who: who, at: Date.now() });
  }

  // Registered once per page (registering again asks for an update each time);
  // push.js waits on the same registration.
  var registering = null;

  function registerServiceWorker() {
    var url = document.body.getAttribute("data-sw");
    if (!url || !("serviceWorker" in navigator)) return Promise.reject(new Error("no service worker"));
    if (!registering) {
      registering = navigator.serviceWorker.register(url, { scope: "/", updateViaCache: "none" });
      registering.then(watchForUpdates, function () { registering = null; });
    }
    return registering;
  }

  function startServiceWorker() {
    if (!document.body.getAttribute("data-sw") || !("serviceWorker" in navigator)) return;
    var hadController = !!navigator.serviceWorker.controller;
    // Installing for the first time keeps an offline page made for whoever is here now.
    if (!hadController) store.set(OFFLINE_FRESH, { who: signedInUser() || "", at: Date.now() });
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (updateAsked) window.location.reload();
      else if (hadController) refreshOfflineCopy();
      hadController = true;
    });
    registerServiceWorker().catch(function () { /* no service worker: pages still work online */ });
    refreshOfflineCopy();
  }

  // ---------------------------------------------------------------------
  // Installing: a button where the browser offers it, a guide on iPhone.
  var installPrompt = null;
  var DISMISSED = "install-dismissed";

  function isStandalone() {
    return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
  }

  function isIos() {
    return /iPhone|iPad|iPod/.test(navigator.userAgent) ||
      (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  }

  function showInstallHelp(root) {
    var standalone = isStandalone();
    var ios = isIos() && !standalone;
    root.querySelectorAll("[data-installed]").forEach(function (e) { e.hidden = !standalone; });
    root.querySelectorAll("[data-install-offer], [data-install]").forEach(function (e) { e.hidden = !installPrompt; });
    root.querySelectorAll("[data-ios-guide]").forEach(function (e) { e.hidden = !ios; });
    root.querySelectorAll("[data-install-card]").forEach(function (card) {
      card.hidden = standalone || store.get(DISMISSED, false) || !(installPrompt || ios);
    });
  }

  window.addEventListener("beforeinstallprompt", function (event) {
    // Our own button instead of the browser's banner, offered where it fits.
    event.preventDefault();
    installPrompt = event;
    showInstallHelp(document);
  });
  window.addEventListener("appinstalled", function () {
    installPrompt = null;
    showInstallHelp(document);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-install]") && installPrompt) {
      var prompt = installPrompt;
      installPrompt = null;
      prompt.prompt();
      prompt.userChoice.then(function () { showInstallHelp(document); }, function () {});
    } else if (event.target.closest("[data-install-dismiss]")) {
      store.set(DISMISSED, true);
      showInstallHelp(document);
    }
  });

  // ---------------------------------------------------------------------
  // The calm "How are you doing?" panel appears right after a save: bring it to
  // keyboard and screen-reader focus, so it is read first.
  function focusCrisisPanel() {
    var panel = document.getElementById("crisis-panel");
    if (panel && !panel.hasAttribute("data-focused")) {
      panel.setAttribute("data-focused", "");
      panel.focus();
    }
  }

  function enhance(root) {
    detectTimezone(root);
    revealShareButtons(root);
    rememberNextMeeting(root);
    showInstallHelp(root);
    focusCrisisPanel();
  }

  // What push.js shares with this file, so each is written once.
  window.mentoring = {
    isIos: isIos,
    isStandalone: isStandalone,
    serviceWorker: registerServiceWorker,
  };

  onReady(function () {
    lastUser = signedInUser();
    forgetOtherPeople();
    enhance(document);
    if (document.body.hasAttribute("data-public-shell")) fillOfflinePage();
    document.body.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
    startServiceWorker();
    flushQueue();
  });
})();
