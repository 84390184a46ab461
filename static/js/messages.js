// A live thread: keeps the newest message in view, polls slowly while the tab
// is hidden, keeps the reading place when older messages load above (htmx
// loads them as their link scrolls into view), and announces new ones.
// Without it the thread still works: htmx polls, and older messages are a link.
(function () {
  "use strict";

  var HIDDEN_POLL_MS = 60000;
  var lastPoll = 0;
  var stickToBottom = false;
  var seen = {};
  var olderFromBottom = null;

  function recent() { return document.getElementById("thread-recent"); }
  function page() { return document.documentElement; }
  function nearBottom() { return window.innerHeight + window.scrollY >= page().scrollHeight - 160; }
  function toBottom() { window.scrollTo(0, page().scrollHeight); }
  function version(elt) { return parseInt(elt && elt.getAttribute("data-version"), 10) || 0; }
  function theirs(root) {
    var found = {};
    if (root) root.querySelectorAll(".msg-theirs").forEach(function (m) { found[m.id] = true; });
    return found;
  }
  function isThreadSwap(detail) {
    var ids = [detail.elt && detail.elt.id, detail.target && detail.target.id];
    return ids.indexOf("thread-recent") >= 0 || ids.indexOf("composer") >= 0;
  }

  // A thread opens at its newest message, unless a link points at one. It may
  // open by a full load or by a boosted navigation that swaps the body.
  function openThread() {
    var thread = document.querySelector("[data-thread]:not([data-opened])");
    if (!thread) return;
    thread.setAttribute("data-opened", "");
    if (!location.hash) toBottom();
  }
  if (document.readyState !== "loading") openThread();
  else document.addEventListener("DOMContentLoaded", openThread);
  document.addEventListener("htmx:load", openThread);

  // While nobody is looking, poll once a minute and say so: messages stay unread.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt.id === "thread-recent" && document.hidden) {
      event.detail.headers["X-Thread-Hidden"] = "1";
    }
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.id !== "thread-recent") return;
    var now = Date.now();
    if (document.hidden && now - lastPoll < HIDDEN_POLL_MS) { event.preventDefault(); return; }
    lastPoll = now;
  });
  document.addEventListener("visibilitychange", function () {
    var elt = recent();
    if (!document.hidden && elt && window.htmx) htmx.trigger(elt, "messages:poll");
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var elt = detail.elt;
    if (elt.id === "thread-recent") {
      if (detail.xhr.status === 304 || detail.xhr.status === 204) { detail.shouldSwap = false; return; }
      var incoming = parseInt((detail.xhr.getResponseHeader("ETag") || "").replace(/\D/g, ""), 10) || 0;
      // Never pull a menu away from under someone's finger, nor put older over
      // newer: the next poll brings the change again.
      if (elt.querySelector("details[open]") || incoming < version(elt)) { detail.shouldSwap = false; return; }
      stickToBottom = nearBottom();
    } else if (elt.id === "composer") {
      stickToBottom = true;
    } else if (detail.target && detail.target.classList.contains("thread-older")) {
      olderFromBottom = page().scrollHeight - window.scrollY;
    }
    seen = theirs(recent());
  });

  function announce(count) {
    var status = document.getElementById("thread-announce");
    if (!status || !count) return;
    status.textContent = count === 1 ? status.getAttribute("data-one")
      : status.getAttribute("data-many").replace("{n}", String(count));
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var detail = event.detail;
    if (olderFromBottom !== null) {
      window.scrollTo(0, page().scrollHeight - olderFromBottom);
      olderFromBottom = null;
      return;
    }
    if (!isThreadSwap(detail)) return;
    var now = theirs(recent());
    announce(Object.keys(now).filter(function (id) { return !seen[id]; }).length);
    var crisis = detail.elt.id === "composer" && document.querySelector("#thread-notice #crisis-panel");
    if (crisis) {
      // Risky words were just sent: the calm panel comes first, from its top.
      crisis.scrollIntoView({ block: "start" });
      crisis.focus({ preventScroll: true });
    } else if (stickToBottom) {
      toBottom();
    }
    stickToBottom = false;
    if (detail.elt.id === "composer" && !crisis) {
      var box = document.querySelector("[data-composer]");
      if (box && !document.querySelector("#composer .error")) box.focus({ preventScroll: true });
    }
  });

  // Ctrl or Cmd + Enter sends; Enter alone is a new line, as on a phone.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.matches("[data-composer]")) {
      event.preventDefault();
      if (event.target.form.requestSubmit) event.target.form.requestSubmit();
    }
  });
})();
