// Goals: tell screen readers what an in-place update did. Optional: without
// it (or without JavaScript) every form still works with a page load.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSwap", function (event) {
    var said = event.detail.target && event.detail.target.ownerDocument.querySelector("[data-goal-announce]");
    var announcer = document.getElementById("goal-announcer");
    if (!said || !announcer) return;
    announcer.textContent = "";
    // A fresh text node after a tick, so the same words are read again.
    window.setTimeout(function () { announcer.textContent = said.textContent; }, 50);
    said.removeAttribute("data-goal-announce");
  });
})();
