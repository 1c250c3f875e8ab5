/* Text-size control (A- A A+): scales the root font size and remembers the choice
   in localStorage. The head viewlet re-applies it before the first paint. */
(function () {
  "use strict";
  var KEY = "dvc-text-size";
  var MIN = -1;
  var MAX = 3;
  var root = document.documentElement;

  function current() {
    var level = parseInt(root.getAttribute("data-dvc-text-size") || "0", 10);
    return isNaN(level) ? 0 : level;
  }

  function apply(level) {
    level = Math.max(MIN, Math.min(MAX, level));
    if (level === 0) {
      root.removeAttribute("data-dvc-text-size");
    } else {
      root.setAttribute("data-dvc-text-size", String(level));
    }
    try {
      if (level === 0) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, String(level));
      }
    } catch (e) {
      /* private mode or storage disabled: the size still applies to this page */
    }
    document.querySelectorAll("[data-dvc-textsize]").forEach(function (button) {
      var action = button.getAttribute("data-dvc-textsize");
      button.disabled =
        (action === "smaller" && level <= MIN) || (action === "larger" && level >= MAX);
      button.setAttribute(
        "aria-pressed",
        action === "reset" && level === 0 ? "true" : "false"
      );
    });
  }

  function onClick(event) {
    var button = event.target.closest("[data-dvc-textsize]");
    if (!button) {
      return;
    }
    var action = button.getAttribute("data-dvc-textsize");
    var level = current();
    if (action === "smaller") {
      level -= 1;
    } else if (action === "larger") {
      level += 1;
    } else {
      level = 0;
    }
    apply(level);
  }

  function init() {
    apply(current());
    document.addEventListener("click", onClick);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
