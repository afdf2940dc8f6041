/* 社群运营实战课 — wide tables on small screens.
   Material wraps every table in .md-typeset__scrollwrap, the templates wrap theirs in .ck-table-wrap. One
   that scrolls sideways must be focusable so keyboard users can scroll it (axe-core:
   scrollable-region-focusable), and says that it scrolls: a line of hint above it (course.css draws edge
   shadows too). Runs on every page, also after instant navigation, and again when the width changes
   (a phone turned sideways). */
(function () {
  "use strict";
  var HINT = "表格较宽，左右滑动可看全部列";
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap, .ck-table-wrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "表格（可左右滚动）");
      }
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("ck-scroll-hint")) {
        if (!scrolls) return;
        hint = document.createElement("p");
        hint.className = "ck-scroll-hint";
        hint.setAttribute("aria-hidden", "true");  // the region's name says it already
        hint.textContent = HINT;
        wrap.parentNode.insertBefore(hint, wrap);
      }
      hint.hidden = !scrolls;
    });
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(label, 150);
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(label);
  } else {
    document.addEventListener("DOMContentLoaded", label);
  }
})();
