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

// The moderation queue from the keyboard, WordPress's keys: j/k move, a/u/s/t/z act, x selects, r replies.
(function () {
  "use strict";
  var queue = document.querySelector(".queue[data-keyboard]");
  if (!queue) return;
  var items = Array.prototype.slice.call(queue.querySelectorAll(".queue__item"));
  if (!items.length) return;
  var keyStore = "parley-queue-position";
  var current = Math.min(parseInt(sessionStorage.getItem(keyStore) || "0", 10) || 0, items.length - 1);
  function show(index) {
    items[current].classList.remove("queue__item--current");
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].classList.add("queue__item--current");
    items[current].focus({ preventScroll: false });
  }
  show(current);
  var actions = { a: "Approve", u: "Unapprove", s: "Spam", t: "Trash", z: "Restore" };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
    var item = items[current];
    if (event.key === "j") { show(current + 1); event.preventDefault(); return; }
    if (event.key === "k") { show(current - 1); event.preventDefault(); return; }
    if (event.key === "x") { var box = item.querySelector(".queue__select"); if (box) box.checked = !box.checked; event.preventDefault(); return; }
    if (event.key === "r") { var reply = item.querySelector(".queue__actions a"); if (reply) { reply.click(); event.preventDefault(); } return; }
    var action = actions[event.key];
    if (!action) return;
    var button = item.querySelector('.queue__actions button[value="' + action + '"]');
    if (!button) return;
    event.preventDefault();
    // After the page reloads, the item that takes this one's place is the current one.
    sessionStorage.setItem(keyStore, String(current));
    button.click();
  });
})();
