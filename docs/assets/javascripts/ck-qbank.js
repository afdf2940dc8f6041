/* 题库 filters (teacher edition only: coursekit.kinds QUESTIONS.teacher_assets; ES2017, no dependencies).
 *
 * Adds to div.ck-qbank (templates/question_bank.html) a type, difficulty and 知识点 select and a text box;
 * items that do not match are hidden, tasks without a match too, and tasks with one open while filtering. */
(function (root) {
  "use strict";
  var TYPES = [["single", "单选题"], ["multiple", "多选题"], ["judge", "判断题"], ["blank", "填空题"],
    ["short", "简答题"], ["case", "案例分析题"]];

  function el(tag, props, kids) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") node.textContent = props[k]; else node.setAttribute(k, props[k]);
    });
    (kids || []).forEach(function (kid) { node.appendChild(kid); });
    return node;
  }

  function select(label, name, options) {
    var s = el("select", { name: name }, [el("option", { value: "", text: "全部" })]);
    options.forEach(function (o) {
      if (o.group) s.appendChild(o.group);
      else s.appendChild(el("option", { value: o[0], text: o[1] }));
    });
    return el("label", {}, [el("span", { text: label }), s]);
  }

  /** The 知识点 choices, grouped by task: value "<bank anchor> <heading id>", text the heading. */
  function points(bank) {
    return Array.prototype.map.call(bank.querySelectorAll(".ck-qbank-task"), function (task) {
      var group = el("optgroup", { label: task.querySelector("summary").textContent.replace(/（.*$/, "") });
      var seen = {};
      task.querySelectorAll(".ck-qbank-item").forEach(function (item) {
        var point = item.getAttribute("data-point");
        if (seen[point]) return;
        seen[point] = true;
        var a = item.querySelector(".ck-qbank-meta a");
        group.appendChild(el("option", { value: task.id + " " + point, text: a ? a.textContent : point }));
      });
      return { group: group };
    });
  }

  function setup(bank) {
    if (bank.getAttribute("data-ck-ready")) return;
    bank.setAttribute("data-ck-ready", "1");
    var items = bank.querySelectorAll(".ck-qbank-item");
    var type = select("题型", "type", TYPES);
    var level = select("难度", "difficulty", [["易", "易"], ["中", "中"], ["难", "难"]]);
    var point = select("知识点", "point", points(bank));
    var text = el("label", {}, [el("span", { text: "包含文字" }), el("input", { type: "search", name: "text" })]);
    var count = el("p", { "class": "ck-qbank-count", role: "status" });
    var form = el("form", { "class": "ck-qbank-filters", role: "search", "aria-label": "筛选题目" },
      [type, level, point, text, count]);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    bank.insertBefore(form, bank.firstChild);

    function value(name) { return form.querySelector('[name="' + name + '"]').value; }

    function apply() {
      var t = value("type"), d = value("difficulty"), p = value("point"), q = value("text").trim().toLowerCase();
      var active = !!(t || d || p || q), shown = 0;
      items.forEach(function (item) {
        var task = item.closest(".ck-qbank-task");
        var ok = (!t || item.getAttribute("data-type") === t) && (!d || item.getAttribute("data-difficulty") === d) &&
          (!p || p === task.id + " " + item.getAttribute("data-point")) &&
          (!q || item.textContent.toLowerCase().indexOf(q) >= 0);
        item.hidden = !ok;
        if (ok) shown++;
      });
      bank.querySelectorAll(".ck-qbank-task").forEach(function (task) {
        var any = task.querySelector(".ck-qbank-item:not([hidden])");
        task.hidden = !any;
        if (active) task.open = !!any;
      });
      bank.querySelectorAll(".ck-qbank-project").forEach(function (project) {
        project.hidden = !project.querySelector(".ck-qbank-task:not([hidden])");
      });
      count.textContent = active ? "显示 " + shown + " / " + items.length + " 题" : "共 " + items.length + " 题";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    apply();
  }

  function init() { document.querySelectorAll(".ck-qbank").forEach(setup); }
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
