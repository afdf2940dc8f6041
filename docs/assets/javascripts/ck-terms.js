/* 社群运营实战课 — a glossary term's definition where the term is read.
   term() writes a link to the glossary followed by a hidden copy of the definition (coursekit/site.py,
   the kind's tip_field). Here that copy becomes the link's description (screen readers read it on focus)
   and a bubble: on hover and on keyboard focus, and on a tap, which then does not leave the page (the
   bubble's own link goes to the glossary). Esc or a tap elsewhere closes it. Text is copied with
   textContent, never as HTML. Without this script the term is still a link to the glossary. */
(function (root) {
  "use strict";
  var tip = null, body, more, current = null, hideTimer = null, n = 0;

  function build() {
    tip = document.createElement("div");
    tip.className = "ck-tip";
    tip.id = "ck-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    body = document.createElement("p");
    more = document.createElement("a");
    more.className = "ck-tip-more";
    more.textContent = "在术语表中查看";
    tip.appendChild(body);
    tip.appendChild(more);
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") later(); });
    tip.addEventListener("focusout", function (e) { if (!tip.contains(e.relatedTarget) && e.relatedTarget !== current) hide(); });
    document.body.appendChild(tip);
  }

  function defOf(a) {
    var next = a.nextElementSibling;
    return next && next.classList.contains("ck-term-def") ? next : null;
  }

  function show(a) {
    var def = defOf(a);
    if (!def) return;
    if (!tip || !document.body.contains(tip)) build();
    clearTimeout(hideTimer);
    current = a;
    body.textContent = "";
    var name = document.createElement("strong");
    name.textContent = a.textContent + "：";
    body.appendChild(name);
    body.appendChild(document.createTextNode(def.textContent));
    more.href = a.href;
    tip.hidden = false;
    var r = a.getBoundingClientRect(), width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = left + root.scrollX + "px";
    tip.style.top = r.bottom + root.scrollY + 6 + "px";
    a.setAttribute("aria-expanded", "true");
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (current) current.setAttribute("aria-expanded", "false");
    current = null;
  }

  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function setup() {
    hide();
    document.querySelectorAll("a.ck-term").forEach(function (a) {
      var def = defOf(a);
      if (!def || a.hasAttribute("aria-describedby")) return;
      def.id = def.id || "ck-term-def-" + (++n);
      a.setAttribute("aria-describedby", def.id);
      a.setAttribute("aria-expanded", "false");
      var touch = false;
      a.addEventListener("pointerdown", function (e) { touch = e.pointerType !== "mouse"; });
      a.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") show(a); });
      a.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") later(); });
      a.addEventListener("focus", function () { if (!touch) show(a); });
      a.addEventListener("blur", function (e) { if (!tip || !tip.contains(e.relatedTarget)) later(); });
      a.addEventListener("click", function (e) {
        if (!touch) return;  // a mouse click or Enter follows the link, as before
        touch = false;
        e.preventDefault();
        if (current === a) hide(); else show(a);
      });
    });
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) {
      var a = current;
      hide();
      if (tip && tip.contains(document.activeElement)) a.focus();
    }
  });
  document.addEventListener("pointerdown", function (e) {
    if (current && e.target !== current && !(tip && tip.contains(e.target)) && !e.target.closest("a.ck-term")) hide();
  });
  if (typeof root.document$ !== "undefined") root.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})(window);
