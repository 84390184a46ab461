// Meetings: show only the field that fits how people will meet (a place for
// in person, a link for video). Without this script both simply show.
(function () {
  "use strict";

  function sync(form) {
    var checked = form.querySelector('input[name="mode"]:checked');
    var mode = checked ? checked.value : "";
    form.querySelectorAll("[data-mode]").forEach(function (input) {
      var wrapper = input.closest(".field");
      if (wrapper) wrapper.hidden = input.getAttribute("data-mode") !== mode && !wrapper.classList.contains("has-error");
    });
  }

  function enhance(root) {
    root.querySelectorAll('input[name="mode"]').forEach(function (radio) {
      if (radio.form && !radio.form.hasAttribute("data-mode-synced")) {
        radio.form.setAttribute("data-mode-synced", "");
        sync(radio.form);
      }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.name === "mode" && event.target.form) sync(event.target.form);
  });

  if (document.readyState !== "loading") enhance(document);
  else document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
})();
