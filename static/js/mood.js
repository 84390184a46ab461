// Mood pages: small enhancements only; every page works without this file.
(function () {
  "use strict";

  // The calm crisis panel opens a page right after a save: bring it to
  // keyboard and screen-reader focus, so it is read first.
  function focusCrisisPanel() {
    var panel = document.getElementById("crisis-panel");
    if (panel && !panel.hasAttribute("data-focused")) {
      panel.setAttribute("data-focused", "");
      panel.focus();
    }
  }

  if (document.readyState !== "loading") focusCrisisPanel();
  else document.addEventListener("DOMContentLoaded", focusCrisisPanel);
  document.addEventListener("htmx:load", focusCrisisPanel);
})();
