/* Reader tools (print, copy link): reveal the buttons that need JavaScript and run them.
   Without JavaScript the buttons stay hidden and the address box is there to copy from.
   No request leaves the page. */
(function () {
  "use strict";

  function announce(tools, key) {
    var status = tools.querySelector(".dvc-reader-tools__status");
    if (status) {
      status.textContent = status.getAttribute(key) || "";
    }
  }

  function selectAddress(tools) {
    var box = tools.querySelector("[data-dvc-copy-fallback]");
    if (box) {
      box.hidden = false;
    }
    var input = tools.querySelector(".dvc-reader-tools__link-input");
    if (input) {
      input.focus();
      input.select();
    }
    return input;
  }

  function copy(button) {
    var tools = button.closest(".dvc-reader-tools");
    var url = button.getAttribute("data-dvc-copy") || "";
    function fallback() {
      var input = selectAddress(tools);
      var copied = false;
      try {
        copied = !!input && document.execCommand("copy");
      } catch (e) {
        copied = false;
      }
      announce(tools, copied ? "data-dvc-copied" : "data-dvc-copy-failed");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        announce(tools, "data-dvc-copied");
      }, fallback);
    } else {
      fallback();
    }
  }

  function init() {
    document.querySelectorAll(".dvc-reader-tools [data-dvc-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    var clipboard = !!(navigator.clipboard && window.isSecureContext);
    document.querySelectorAll(".dvc-reader-tools [data-dvc-copy]").forEach(function (button) {
      var box = button.closest(".dvc-reader-tools").querySelector("[data-dvc-copy-fallback]");
      if (clipboard && box) {
        box.hidden = true; /* the button copies; the box comes back if copying fails */
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
