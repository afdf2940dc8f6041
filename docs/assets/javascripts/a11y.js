/* 社群运营实战课 — keyboard access to wide tables (axe-core: scrollable-region-focusable).
   Material wraps every table in .md-typeset__scrollwrap; one that scrolls sideways must be focusable
   so keyboard users can scroll it. Runs on every page, also after instant navigation. */
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "表格（可左右滚动）");
      }
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(label);
  } else {
    document.addEventListener("DOMContentLoaded", label);
  }
})();
