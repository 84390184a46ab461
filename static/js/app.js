// Small enhancements on top of server-rendered pages. Everything here is
// optional: without it every page and form still works.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
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

  // A second tap on a submit button while the first is on its way does nothing.
  document.addEventListener("submit", function (event) {
    var button = event.target.querySelector("[data-once]");
    if (!button) return;
    if (button.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
    button.setAttribute("aria-busy", "true");
    setTimeout(function () { button.removeAttribute("aria-busy"); }, 8000);
  }, true);
  window.addEventListener("pageshow", function () {
    document.querySelectorAll('[data-once][aria-busy="true"]').forEach(function (b) { b.removeAttribute("aria-busy"); });
  });

  // A failed htmx request never fails silently: say what happened, offer a retry.
  var lastFailed = null;
  function showToast(kind, retryable) {
    var toast = document.getElementById("net-status");
    if (!toast) return;
    toast.textContent = "";
    var text = document.createElement("span");
    text.textContent = toast.getAttribute("data-" + kind);
    toast.appendChild(text);
    if (retryable) {
      var retry = document.createElement("button");
      retry.type = "button";
      retry.className = "btn";
      retry.textContent = toast.getAttribute("data-retry");
      retry.addEventListener("click", function () {
        toast.hidden = true;
        if (!lastFailed) return;
        var elt = lastFailed.elt;
        if (elt.tagName === "FORM" && elt.requestSubmit) elt.requestSubmit();
        else htmx.ajax(lastFailed.verb, lastFailed.path, { source: elt, target: lastFailed.target });
      });
      toast.appendChild(retry);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn";
    close.textContent = toast.getAttribute("data-dismiss");
    close.addEventListener("click", function () { toast.hidden = true; });
    toast.appendChild(close);
    toast.hidden = false;
  }

  function remember(detail) {
    lastFailed = {
      elt: detail.elt,
      target: detail.target,
      verb: detail.requestConfig ? detail.requestConfig.verb : "get",
      path: detail.requestConfig ? detail.requestConfig.path : detail.pathInfo && detail.pathInfo.requestPath,
    };
  }

  document.addEventListener("htmx:sendError", function (event) {
    remember(event.detail);
    showToast("offline", true);
  });
  document.addEventListener("htmx:timeout", function (event) {
    remember(event.detail);
    showToast("offline", true);
  });
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
    var button = event.detail.elt.querySelector && event.detail.elt.querySelector("[data-once]");
    if (button) button.removeAttribute("aria-busy");
  });

  // A boosted visit swaps only the body, so the new page's own scripts (a
  // feature's file in its head block) would never load: add those missing.
  document.addEventListener("htmx:afterSwap", function (event) {
    var detail = event.detail;
    if (!detail.boosted && !(detail.requestConfig && detail.requestConfig.boosted)) return;
    var page = new DOMParser().parseFromString(detail.xhr.responseText, "text/html");
    // Compared by path: after a deploy the digest differs, and loading a
    // second copy of a script already running would double its handlers.
    var loaded = {};
    document.querySelectorAll("script[src]").forEach(function (script) {
      loaded[new URL(script.src, location.href).pathname] = true;
    });
    page.head.querySelectorAll("script[src]").forEach(function (script) {
      var src = script.getAttribute("src");
      if (loaded[new URL(src, location.href).pathname]) return;
      var copy = document.createElement("script");
      copy.src = src;
      document.head.appendChild(copy);
    });
  });

  function enhance(root) {
    detectTimezone(root);
    revealShareButtons(root);
  }

  onReady(function () {
    enhance(document);
    document.body.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
  });
})();
