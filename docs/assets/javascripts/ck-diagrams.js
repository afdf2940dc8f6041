/* 社群运营实战课 — diagrams full screen, with pinch zoom.
   A pre-rendered diagram (coursekit/diagrams.py inlines diagrams/<key>.svg) is shrunk to the column: on a
   phone a 1,400 px flowchart ends up with text 4 px high. Each gets a 全屏查看 button (tapping the picture
   does the same); the picture then moves into a full-screen <dialog> (moved, not copied: its <style> is
   scoped by its id, which must stay unique), starting at a size where its text is readable. Two fingers
   zoom, one pans; the buttons and the keys + − 0 do the same for keyboard users. Esc, the close button or
   the back gesture's cancel close it; the picture goes back and focus returns to the button that opened it. */
(function (root) {
  "use strict";
  var MIN_TEXT = 0.75;   // opening scale at least this (mermaid's 16 px labels at 12 px), if it has to pan
  var MAX = 4;
  var dialog, stage, titleEl, svg = null, home = null, opener = null, scale = 1, natural = 0, fit = 1;  // fit: whole picture

  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") el.textContent = attrs[k]; else el.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (kid) { el.appendChild(kid); });
    return el;
  }

  /** The diagram's name from its caption: "图 4-7　闭环激励体系" (the caption's first sentence). */
  function nameOf(box) {
    var fig = box.closest("figure");
    var cap = fig && fig.querySelector("figcaption");
    var text = cap ? cap.textContent.trim() : "";
    return text.split(/[。.]/)[0].slice(0, 60) || "图示";
  }

  function build() {
    var btn = function (act, label, text) {
      return h("button", { type: "button", class: "ck-zoom-btn", "data-zoom": act, "aria-label": label, title: label, text: text });
    };
    titleEl = h("p", { class: "ck-zoom-title", id: "ck-zoom-title" });
    stage = h("div", { class: "ck-zoom-stage", tabindex: "0", role: "region",
      "aria-label": "图示（双指缩放，拖动查看；键盘：加号放大，减号缩小，0 还原，方向键移动）" });
    dialog = h("dialog", { class: "ck-zoom", "aria-labelledby": "ck-zoom-title" }, [
      h("div", { class: "ck-zoom-bar" }, [titleEl, btn("out", "缩小", "−"), btn("in", "放大", "+"),
        btn("reset", "还原大小", "1:1"), btn("close", "关闭全屏", "×")]),
      stage]);
    document.body.appendChild(dialog);
    dialog.addEventListener("click", function (e) {
      var b = e.target.closest("[data-zoom]");
      if (!b) return;
      var act = b.getAttribute("data-zoom");
      if (act === "close") dialog.close();
      else if (act === "reset") zoom(start(), null);
      else zoom(scale * (act === "in" ? 1.5 : 1 / 1.5), null);
    });
    dialog.addEventListener("close", restore);
    stage.addEventListener("keydown", function (e) {
      if (e.key === "+" || e.key === "=") zoom(scale * 1.25, null);
      else if (e.key === "-" || e.key === "_") zoom(scale / 1.25, null);
      else if (e.key === "0") zoom(start(), null);
      else return;
      e.preventDefault();
    });
    stage.addEventListener("wheel", function (e) {  // a trackpad pinch arrives as ctrl + wheel
      if (!e.ctrlKey) return;
      e.preventDefault();
      zoom(scale * Math.exp(-e.deltaY / 200), e);
    }, { passive: false });
    touch();
  }

  /** Two pointers pinch (zoom about their midpoint), one pans; touch-action: none leaves both to us. */
  function touch() {
    var pts = {}, pinch = null;
    var list = function () { return Object.keys(pts).map(function (k) { return pts[k]; }); };
    var gap = function (p) { return Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1; };
    var mid = function (p) { return { clientX: (p[0].x + p[1].x) / 2, clientY: (p[0].y + p[1].y) / 2 }; };
    stage.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      pts[e.pointerId] = { x: e.clientX, y: e.clientY };
      try { stage.setPointerCapture(e.pointerId); } catch (err) { /* synthetic pointer */ }
      var p = list();
      pinch = p.length === 2 ? { gap: gap(p), scale: scale } : null;
    });
    stage.addEventListener("pointermove", function (e) {
      var last = pts[e.pointerId];
      if (!last) return;
      var dx = e.clientX - last.x, dy = e.clientY - last.y;
      last.x = e.clientX;
      last.y = e.clientY;
      var p = list();
      if (p.length === 2 && pinch) zoom(pinch.scale * gap(p) / pinch.gap, mid(p));
      else if (p.length === 1) { stage.scrollLeft -= dx; stage.scrollTop -= dy; }
    });
    var up = function (e) {
      delete pts[e.pointerId];
      pinch = null;
    };
    stage.addEventListener("pointerup", up);
    stage.addEventListener("pointercancel", up);
  }

  /** The opening scale: the whole width if its text stays readable, else MIN_TEXT (and pan); never enlarged. */
  function start() { return Math.min(1, Math.max(stage.clientWidth / natural, MIN_TEXT)); }

  /** Scale the picture to ``s``, keeping the point under ``at`` (a pointer; else the centre) in place. */
  function zoom(s, at) {
    if (!svg) return;
    s = Math.max(Math.min(fit, 1) * 0.5, Math.min(MAX, s));
    var r = stage.getBoundingClientRect();
    var cx = at ? at.clientX - r.left : stage.clientWidth / 2, cy = at ? at.clientY - r.top : stage.clientHeight / 2;
    var px = (stage.scrollLeft + cx) / scale, py = (stage.scrollTop + cy) / scale;
    scale = s;
    svg.style.width = natural * s + "px";
    stage.scrollLeft = px * s - cx;
    stage.scrollTop = py * s - cy;
    stage.setAttribute("data-scale", s.toFixed(2));
  }

  function open(box, button) {
    if (!dialog || !document.body.contains(dialog)) build();  // built once; again if a navigation dropped it
    svg = box.querySelector("svg");
    if (!svg) return;
    home = box;
    opener = button;
    var vb = svg.viewBox && svg.viewBox.baseVal;
    natural = vb && vb.width ? vb.width : svg.getBoundingClientRect().width;
    box.style.minHeight = box.getBoundingClientRect().height + "px";  // the page does not jump meanwhile
    box.classList.add("ck-diagram-away");
    titleEl.textContent = nameOf(box);
    svg.setAttribute("data-style", svg.getAttribute("style") || "");
    svg.style.maxWidth = "none";
    stage.appendChild(svg);
    document.documentElement.classList.add("ck-zoom-open");
    dialog.showModal();
    var height = vb && vb.height ? vb.height : natural;
    fit = Math.min(stage.clientWidth / natural, stage.clientHeight / height);
    scale = 1;
    stage.scrollLeft = stage.scrollTop = 0;
    var r = stage.getBoundingClientRect();
    zoom(start(), { clientX: r.left, clientY: r.top });
    stage.focus();
  }

  /** Put the picture back where it was, as it was, and focus the button that opened it. */
  function restore() {
    if (svg && home) {
      svg.setAttribute("style", svg.getAttribute("data-style") || "");
      svg.removeAttribute("data-style");
      home.insertBefore(svg, home.firstChild);
      home.style.minHeight = "";
      home.classList.remove("ck-diagram-away");
    }
    document.documentElement.classList.remove("ck-zoom-open");
    svg = home = null;
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  }

  function setup() {
    if (dialog && dialog.open) dialog.close();  // instant navigation away from an open picture
    document.querySelectorAll(".ck-diagram").forEach(function (box) {
      if (box.querySelector(".ck-diagram-open") || !box.querySelector("svg")) return;
      var button = h("button", { type: "button", class: "ck-diagram-open", text: "全屏查看",
        "aria-label": "全屏查看" + nameOf(box) + "（可双指缩放）" });
      button.addEventListener("click", function () { open(box, button); });
      box.addEventListener("click", function (e) {  // a tap on the picture itself opens it too
        if (e.target.closest("svg") && box.querySelector("svg")) open(box, button);
      });
      box.appendChild(button);
    });
  }

  root.CK = root.CK || {};
  root.CK.diagrams = { open: function (box) { open(box, box.querySelector(".ck-diagram-open")); } };
  if (typeof root.document$ !== "undefined") root.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})(window);
