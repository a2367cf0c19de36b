// Admin enhancements; every page works without them.
(function () {
  "use strict";
  // Ask before an action that cannot be undone.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var value = button && button.value || (event.target.querySelector("select[name=act]") || {}).value;
    if (value === "Delete" && !window.confirm("Delete for good? This cannot be undone.")) event.preventDefault();
    if (value === "Ban" && !window.confirm("Ban this author? Their address goes on the block list and all their comments are hidden.")) event.preventDefault();
  });
})();
