/* Service forms (dichvucong.forms.form): what the page does in the browser.
 *
 * - The error summary's links move the focus to the field (its input, or the first
 *   input inside a file field's wrapper), the field's label in view.
 * - "Leave this page?" only after the citizen really changed something: the
 *   `input` event fires on typing, picking a choice or a file, never on focus or tab.
 *   Sending the form does not ask.
 * - Picking a new file selects "Choose another file".
 */
(function () {
  "use strict";

  function fieldOf(target) {
    if (!target) {
      return null;
    }
    if (target.matches("input, select, textarea")) {
      return target;
    }
    return target.querySelector("input:not([type=hidden]), select, textarea") || target;
  }

  function summaryLinks(summary) {
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var field = fieldOf(target);
        if (!field) {
          return;
        }
        event.preventDefault();
        var wrapper = target.closest(".field") || target;
        wrapper.scrollIntoView({ block: "start" });
        field.focus({ preventScroll: true });
      });
    });
  }

  function leavePrompt(form) {
    var changed = false;
    var sending = false;
    form.addEventListener("input", function (event) {
      if (event.isTrusted) {
        changed = true;
      }
    });
    form.addEventListener("submit", function () {
      sending = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (changed && !sending) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function fileChoice(form) {
    form.querySelectorAll(".dvc-file input[type=file]").forEach(function (input) {
      input.addEventListener("change", function () {
        var replace = document.getElementById(input.id.replace(/-input$/, "-replace"));
        if (replace && input.files.length) {
          replace.checked = true;
        }
      });
    });
  }

  function init() {
    var summary = document.getElementById("dvc-error-summary");
    if (summary) {
      summaryLinks(summary);
    }
    document.querySelectorAll("form.easyformForm, #content-core form").forEach(function (form) {
      if (form.dataset.dvcForm) {
        return;
      }
      form.dataset.dvcForm = "1";
      leavePrompt(form);
      fileChoice(form);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
