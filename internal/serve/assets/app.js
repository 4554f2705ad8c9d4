// mou serve works without this script. It adds two small helps: the
// error summary takes the focus when a page shows one, so that a screen
// reader reads it first; and leaving a page with answers not yet saved
// asks first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus]");
  if (summary) {
    summary.focus();
  }
  var changed = false;
  document.addEventListener("input", function (e) {
    if (e.target.form) {
      changed = true;
    }
  });
  document.addEventListener("submit", function () {
    changed = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (changed) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();
