/* Pages for anonymous visitors come without Plone's JavaScript bundle (about 260 KB:
   docs/performance.md, "What a first visit loads"). This file does the little of
   Bootstrap those pages use: the navigation's off-canvas menu on phones and the
   dropdowns (the search page's filter and sort menus). Logged-in people get Plone's
   bundle instead, and this file is not loaded for them. */
(function () {
  "use strict";

  var panel = null;
  var opener = null;
  var backdrop = null;

  function closePanel() {
    if (!panel) {
      return;
    }
    panel.classList.remove("show");
    panel.removeAttribute("aria-modal");
    panel.removeAttribute("role");
    if (backdrop) {
      backdrop.remove();
    }
    document.body.style.overflow = "";
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
    panel = opener = backdrop = null;
  }

  function openPanel(button) {
    var target = document.querySelector(button.getAttribute("data-bs-target"));
    if (!target) {
      return;
    }
    panel = target;
    opener = button;
    panel.classList.add("show");
    panel.setAttribute("aria-modal", "true");
    panel.setAttribute("role", "dialog");
    backdrop = document.createElement("div");
    backdrop.className = "offcanvas-backdrop fade show";
    backdrop.addEventListener("click", closePanel);
    document.body.appendChild(backdrop);
    document.body.style.overflow = "hidden";
    button.setAttribute("aria-expanded", "true");
    panel.focus();
  }

  function closeDropdowns(except) {
    document.querySelectorAll("[data-bs-toggle='dropdown'][aria-expanded='true']").forEach(function (toggle) {
      if (toggle === except) {
        return;
      }
      toggle.setAttribute("aria-expanded", "false");
      toggle.classList.remove("show");
      var menu = toggle.parentElement.querySelector(".dropdown-menu");
      if (menu) {
        menu.classList.remove("show");
      }
    });
  }

  function toggleDropdown(toggle) {
    var menu = toggle.parentElement.querySelector(".dropdown-menu");
    if (!menu) {
      return;
    }
    var open = !menu.classList.contains("show");
    closeDropdowns(toggle);
    menu.classList.toggle("show", open);
    toggle.classList.toggle("show", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-bs-toggle]");
    if (toggle && toggle.getAttribute("data-bs-toggle") === "offcanvas") {
      event.preventDefault();
      openPanel(toggle);
      return;
    }
    if (toggle && toggle.getAttribute("data-bs-toggle") === "dropdown") {
      event.preventDefault();
      toggleDropdown(toggle);
      return;
    }
    if (event.target.closest("[data-bs-dismiss='offcanvas']")) {
      closePanel();
      return;
    }
    if (!event.target.closest(".dropdown-menu")) {
      closeDropdowns(null);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closePanel();
      closeDropdowns(null);
    }
  });
})();
