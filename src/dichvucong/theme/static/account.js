/* The account menu in the header (templates/account.pt): a disclosure button that
   opens and closes the list of the person's links. Loaded before the menu, without
   defer: the class on <html> lets theme.css fold the list before the first paint.
   Without JavaScript the name and the links are simply shown. */
(function () {
  "use strict";
  document.documentElement.classList.add("dvc-account-js");

  function setup(root) {
    var button = root.querySelector(".dvc-account__toggle");
    if (!button) {
      return;
    }

    function isOpen() {
      return button.getAttribute("aria-expanded") === "true";
    }

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      root.classList.toggle("dvc-account--open", open);
    }

    button.addEventListener("click", function () {
      setOpen(!isOpen());
    });
    // Escape closes the list and gives the focus back to the button.
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) {
        setOpen(false);
        button.focus();
      }
    });
    // A click or the focus elsewhere closes it.
    document.addEventListener("click", function (event) {
      if (isOpen() && !root.contains(event.target)) {
        setOpen(false);
      }
    });
    root.addEventListener("focusout", function (event) {
      if (isOpen() && event.relatedTarget && !root.contains(event.relatedTarget)) {
        setOpen(false);
      }
    });
  }

  function start() {
    document.querySelectorAll(".dvc-account").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
