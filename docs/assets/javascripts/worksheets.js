/* Fill-in worksheets: controls, autosave, restore, 旧版本答案 (ES2017, no dependencies).
 *
 * Progressive enhancement of templates/worksheet.html: each div.ck-worksheet[data-worksheet][data-version]
 * gets controls in place, a shared student bar and an export toolbar (ck-actions.js). Answers are saved
 * (debounced) under the worksheet's id with its content version; answers from another version are matched by
 * field id and whatever has no place any more is kept as 旧版本答案. Re-run on material's document$ (instant
 * navigation). Worksheets inside [hidden] (the homework page) wait until ck-assign.js shows them. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var h = CK.fields.h;
  var SAVE_DELAY = 400;
  var sheets = [];       // worksheets set up on the current page
  var script = document.currentScript;
  CK.assets = script ? script.src.replace(/javascripts\/[^\/]*$/, "") : "assets/";

  /** Today's local date as YYYY-MM-DD. */
  CK.today = function () {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  };

  /** Load a script from assets/ once; resolves when it has run. */
  var loading = {};
  CK.load = function (path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = CK.assets + path;
        s.onload = resolve;
        s.onerror = function () { delete loading[path]; reject(new Error("无法加载 " + path)); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  };

  /** Bring a saved record to this page's version: answers without a place go to `old`, never dropped. */
  function reconcile(record, fields, version) {
    var byId = {};
    fields.forEach(function (f) { byId[f.id] = f; });
    record = record && typeof record === "object" ? record : {};
    var out = { version: version, answers: {}, labels: record.labels || {}, old: (record.old || []).slice(),
      stamps: record.stamps || {}, oldStamp: record.oldStamp || 0, updated: record.updated || null };
    var answers = record.answers || {}, heads = record.columns || {};
    Object.keys(answers).forEach(function (fid) {
      var r = byId[fid] ? CK.fields.coerce(byId[fid], answers[fid], heads[fid]) : { rest: answers[fid] };
      if (r.value !== undefined && CK.fields.keep(byId[fid], r.value)) out.answers[fid] = r.value;
      if (r.rest !== undefined && !CK.fields.empty(r.rest)) {
        out.old.push({ field: fid, label: out.labels[fid] || fid, value: r.rest, version: record.version || "" });
      }
    });
    return out;
  }

  /** Save one worksheet now (if it changed). */
  function flush(ws) {
    if (!ws.timer) return;
    clearTimeout(ws.timer);
    ws.timer = null;
    var now = Date.now();
    ws.ctls.forEach(function (c) {
      var v = c.get();
      if (same(v, ws.shown[c.f.id])) return;  // not edited here: keep whatever is newest (maybe another tab's)
      ws.shown[c.f.id] = v;
      ws.record.stamps[c.f.id] = now;
      if (!CK.fields.keep(c.f, v)) delete ws.record.answers[c.f.id];
      else { ws.record.answers[c.f.id] = v; ws.record.labels[c.f.id] = c.f.label; }
    });
    ws.record.updated = new Date().toISOString();
    var ok = CK.store.save(ws.id, ws.record);
    ws.record = CK.worksheets.reconcile(CK.store.load(ws.id), ws.fields, ws.version);
    show(ws);
    status(ws, ok ? savedMsg() : "未能保存到本机");
  }

  /** "Saved at <time>". */
  function savedMsg() { return "已自动保存 " + new Date().toLocaleTimeString("zh-CN", { hour12: false }); }

  /** Same JSON value? */
  function same(a, b) { return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b); }

  /** Put the record's answers into the controls, except a field being edited (focused or changed here). */
  function show(ws, all) {
    ws.ctls.forEach(function (c) {
      var v = ws.record.answers[c.f.id];
      if (!all && (c.f.el.contains(document.activeElement) || !same(c.get(), ws.shown[c.f.id]))) return;
      if (!same(c.get(), v)) c.set(v);
      ws.shown[c.f.id] = c.get();
    });
  }

  /** Another tab saved this worksheet: merge per field, show what the reader is not editing. */
  function external(ws) {
    ws.record = reconcile(CK.store.mergeRecords(ws.record, CK.store.load(ws.id)), ws.fields, ws.version);
    show(ws);
    renderOld(ws);
  }

  /** Save every worksheet of the page now. */
  function flushAll() { sheets.forEach(flush); }

  /** Schedule a save after the reader stops typing. */
  function changed(ws) {
    if (ws.timer) clearTimeout(ws.timer);
    ws.timer = setTimeout(function () { ws.timer = 1; flush(ws); }, SAVE_DELAY);
    status(ws, "正在保存…");
  }

  /** The homework link's class and due date when this is the homework page, else null. */
  function assignment() {
    if (!document.querySelector(".ck-homework") || !CK.assign) return null;
    var a = CK.assign.parse(root.location.search);
    return a.cls || a.due ? { "class": a.cls, due: a.due } : null;
  }

  /** The student as hand-ins name them: the stored one, with the homework link's class (never stored). */
  function student() {
    var s = CK.store.student(), a = assignment();
    if (a && a["class"]) s["class"] = a["class"];
    return s;
  }

  /** Show a short message in a worksheet's status line. */
  function status(ws, msg) { ws.status.textContent = msg; }

  /** The student bar: name, class and number, typed once and shared by every worksheet. */
  function studentBar(ws) {
    var bar = h("div", { className: "ck-student", role: "group", "aria-label": "学生信息（填一次，所有工作单通用）" });
    var s = student(), a = assignment(), fixed = !!(a && a["class"]);
    [["name", "姓名", "name"], ["class", "班级", "off"], ["number", "学号", "off"]].forEach(function (d) {
      var input = h("input", { type: "text", name: d[0], autocomplete: d[2], maxlength: "40", "data-student": d[0] });
      input.value = s[d[0]];
      var label = h("label", { className: "ck-student-field" }, [h("span", { text: d[1] }), input]);
      bar.appendChild(label);
      if (d[0] === "class" && fixed) {
        // the class comes from the homework link: shown and handed in, but not stored over the student's own
        input.readOnly = true;
        input.setAttribute("data-fixed", "1");
        input.setAttribute("aria-describedby", ws.id + "--class-note");
        bar.appendChild(h("small", { className: "ck-student-note", id: ws.id + "--class-note", text: "班级由作业链接指定" }));
      }
    });
    bar.addEventListener("input", function (e) {
      var key = e.target.getAttribute("data-student");
      if (!key || e.target.hasAttribute("data-fixed")) return;
      var s = CK.store.student();
      s[key] = e.target.value;
      CK.store.setStudent(s);
      document.querySelectorAll('[data-student="' + key + '"]').forEach(function (other) {
        if (other !== e.target) other.value = e.target.value;
      });
      CK.worksheets.printHeaders();
    });
    return bar;
  }

  /** The 旧版本答案 panel: answers kept from an earlier version of the worksheet. */
  function renderOld(ws) {
    var panel = ws.oldPanel;
    panel.textContent = "";
    var old = ws.record.old || [];
    panel.hidden = !old.length;
    if (!old.length) return;
    panel.appendChild(h("p", { className: "ck-ws-subtitle", text: "旧版本答案（" + old.length + " 条）" }));
    panel.appendChild(h("p", { text: "这张工作单更新过，下面的答案在新版本里找不到对应的位置，先替你保存在这里。" +
      "请把需要的内容复制到上面的新位置；导出的 Word 和备份文件也会带上它们。" }));
    var dl = h("dl");
    old.forEach(function (o) {
      dl.appendChild(h("dt", { text: o.label + (o.why === "import" ? "（导入前的答案）" : "") }));
      dl.appendChild(h("dd", { className: "ck-old-value", text: CK.text.value(o.value) }));
    });
    panel.appendChild(dl);
    panel.appendChild(h("button", { type: "button", className: "ck-btn ck-btn-small", "data-act": "old-clear",
      text: "我已处理完，删除这些旧答案" }));
  }

  /** Turn one static worksheet into a fillable one (once). */
  function setup(el) {
    if (el.getAttribute("data-ck-ready") || el.closest("[hidden]")) return;
    el.setAttribute("data-ck-ready", "1");
    var fields = CK.fields.schema(el);
    var ws = { el: el, id: el.getAttribute("data-worksheet"), version: el.getAttribute("data-version"),
      title: CK.fields.text(el.querySelector(".ck-ws-head .ck-ws-label")) + " " +
        CK.fields.text(el.querySelector(".ck-ws-title")), fields: fields, timer: null };
    ws.title = ws.title.trim();
    var saved = CK.store.load(ws.id);
    ws.record = reconcile(saved, fields, ws.version);
    el.classList.add("ck-enhanced");
    ws.ctls = fields.map(function (f) { return CK.fields.enhance(f, ws.id); }).filter(Boolean);
    ws.shown = {};
    show(ws, true);
    el.addEventListener("focusout", function () { setTimeout(function () { show(ws); }, 0); });
    el.insertBefore(h("p", { className: "ck-print-header", "aria-hidden": "true" }), el.firstChild);
    el.insertBefore(h("p", { className: "ck-print-header-blank", "aria-hidden": "true",
      text: "姓名：＿＿＿＿＿＿　班级：＿＿＿＿＿＿　学号：＿＿＿＿＿＿　日期：＿＿＿＿＿＿" }), el.firstChild);
    var warn = h("p", { className: "ck-storage-warning", role: "alert", hidden: "" });
    el.insertBefore(warn, el.querySelector(".ck-ws-section"));
    el.insertBefore(studentBar(ws), warn);
    var a = assignment();
    if (a && a.due) el.insertBefore(h("p", { className: "ck-ws-due", text: "截止日期：" + a.due }), warn);
    ws.oldPanel = h("div", { className: "ck-old", hidden: "" });
    ws.status = h("p", { className: "ck-ws-status", role: "status" });
    var tools = CK.actions.toolbar(ws);
    // after the fields (the 填写示例 sits above them): before the teacher's part, the sources, the blank files
    var anchor = el.querySelector(".ck-teacher-only") ||
      el.querySelector(".ck-sources") || el.querySelector(".ck-downloads");
    [ws.oldPanel, tools, ws.status].forEach(function (n) { el.insertBefore(n, anchor); });
    renderOld(ws);
    if (saved && JSON.stringify(saved.version) !== JSON.stringify(ws.version)) {
      CK.store.save(ws.id, ws.record);  // the reconciled record, so nothing is lost if the page closes now
    }
    el.addEventListener("input", function (e) { if (!e.target.hasAttribute("data-student")) changed(ws); });
    el.addEventListener("change", function (e) { if (e.target.type === "checkbox" || e.target.type === "radio") changed(ws); });
    el.addEventListener("click", function (e) {
      if (!e.target.closest('[data-act="old-clear"]')) return;
      if (!root.confirm("删除这些旧版本答案？删除后不能恢复。")) return;
      ws.record.old = [];
      ws.record.oldStamp = Date.now();
      CK.store.save(ws.id, ws.record);
      renderOld(ws);
    });
    sheets.push(ws);
    if (CK.store.error()) warnings(false, CK.store.error());
  }

  /** Show or hide the storage warning on every worksheet. */
  function warnings(ok, error) {
    var full = error && /quota/i.test(String(error.name || error.message));
    document.querySelectorAll(".ck-storage-warning").forEach(function (w) {
      w.hidden = ok;
      if (ok) sheets.forEach(function (ws) { if (ws.status.textContent === "未能保存到本机") status(ws, savedMsg()); });
      w.textContent = ok ? "" : (full ? "浏览器存储空间已满，" : "这个浏览器不允许网页保存数据（可能是无痕模式或禁用了存储），") +
        "你的答案暂时没有保存到本机，关闭页面就会丢失。请尽快点“下载 Word”或“复制为文本”保存。";
    });
  }

  /** Set up every worksheet on the current page. */
  function init() {
    if (CK.actions && /^#ck=/.test(root.location.hash)) CK.actions.importFragment();
    flushAll();
    sheets = sheets.filter(function (ws) { return document.body.contains(ws.el); });
    document.querySelectorAll(".ck-worksheet[data-worksheet]").forEach(setup);
    if (sheets.length) { CK.store.probe(); CK.worksheets.printHeaders(); }
  }

  CK.worksheets = {
    init: init,
    flush: flushAll,
    reconcile: reconcile,
    renderOld: renderOld,
    assignment: assignment,
    student: student,
    /** Worksheets on this page. */
    list: function () { return sheets; },
    /** Re-read answers from storage into the controls (after an import). */
    reload: function () {
      sheets.forEach(function (ws) {
        ws.record = reconcile(CK.store.load(ws.id), ws.fields, ws.version);
        show(ws, true);
        renderOld(ws);
      });
      var s = student();
      document.querySelectorAll("[data-student]").forEach(function (i) { i.value = s[i.getAttribute("data-student")]; });
      this.printHeaders();
    },
    /** The print header of every worksheet: name, class, number and today's date. */
    printHeaders: function () {
      var s = student(), date = CK.today();
      document.querySelectorAll(".ck-print-header").forEach(function (p) {
        p.textContent = "姓名：" + (s.name || "＿＿＿＿") + "　班级：" + (s["class"] || "＿＿＿＿") +
          "　学号：" + (s.number || "＿＿＿＿") + "　日期：" + date;
      });
    }
  };
  CK.store.onStatus(warnings);
  root.addEventListener("storage", function (e) {
    if (!e.key || e.key.indexOf(CK.store.PREFIX) !== 0) return;
    CK.store.external(e.key);
    sheets.forEach(function (ws) { if (CK.store.PREFIX + ws.id === e.key) external(ws); });
  });
  root.addEventListener("pagehide", flushAll);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flushAll(); });
  root.addEventListener("beforeprint", function () { flushAll(); CK.worksheets.printHeaders(); });
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
