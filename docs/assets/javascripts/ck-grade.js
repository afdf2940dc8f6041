/* 作业汇总 (teacher edition): collect hand-ins, list who is missing, grade beside the reference answer, export.
 * Everything stays in this browser: localStorage "ck:grade:v1" (src/coursekit/collect/README.md, grading
 * state). User text reaches the page only through textContent; the reference answers are the site's own HTML. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var KEY = "ck:grade:v1";
  var SEP = "\u0000";
  var state, specs, byId, el, ui = {};

  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "className") e.className = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  function empty() {
    return { format: "coursekit-grading", formatVersion: 1, submissions: {}, grades: {}, roster: [], problems: [] };
  }

  function load() {
    var s = null;
    try { s = JSON.parse(root.localStorage.getItem(KEY) || "null"); } catch (e) { s = null; }
    if (!s || s.format !== "coursekit-grading") s = empty();
    ["submissions", "grades"].forEach(function (k) { if (!s[k] || typeof s[k] !== "object") s[k] = {}; });
    ["roster", "problems"].forEach(function (k) { if (!Array.isArray(s[k])) s[k] = []; });
    return s;
  }

  function save() {
    var ok = true;
    try { root.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { ok = false; }
    ui.warn.hidden = ok;
    ui.warn.textContent = ok ? "" : "浏览器存储已满或被禁用：评分没有保存。请立即点“导出评分记录”保存到文件，" +
      "清理浏览器空间后再导入。";
    return ok;
  }

  function identKey(st) { return CK.ident.key(st); }
  function subKey(ws, st) { return ws + SEP + identKey(st); }

  /** A saved time as an instant, or null when unknown (README: which of two hand-ins counts). */
  function instant(s) {
    var t = Date.parse(s);
    if (isNaN(t) || t < Date.UTC(2020, 0, 1) || t > Date.now() + 2 * 86400000) return null;
    return t;
  }

  /** True when hand-in a counts over b. */
  function later(a, b) {
    var ta = instant(a.saved), tb = instant(b.saved);
    if (ta !== null && tb === null) return true;
    if (ta === null && tb !== null) return false;
    if (ta !== null && ta !== tb) return ta > tb;
    if ((a.mtime || 0) !== (b.mtime || 0)) return (a.mtime || 0) > (b.mtime || 0);
    return String(a.file) >= String(b.file);
  }

  function notesOf(sub, key) {
    var notes = [];
    if (instant(sub.saved) === null) notes.push("提交时间未知或不可信（" + (sub.saved || "空") + "）");
    var spec = byId[sub.worksheet];
    if (spec && sub.version && sub.version !== spec.version) notes.push("按旧版本工作单填写（版本 " + sub.version + "）");
    var g = state.grades[key];
    if (g && g.at && instant(sub.saved) !== null && instant(sub.saved) > g.at) notes.push("评分后又重新提交");
    return notes;
  }

  /** Add hand-ins by the contract's rule; problems listed, never stopping the rest. */
  function add(result) {
    var seen = {};
    state.problems.forEach(function (p) { seen[p[0] + SEP + p[1]] = 1; });
    function problem(file, what) {  // the same file dropped twice is listed once
      if (!seen[file + SEP + what]) { seen[file + SEP + what] = 1; state.problems.push([String(file), String(what)]); }
    }
    result.problems.forEach(function (p) { problem(p[0], p[1]); });
    var added = 0;
    result.subs.forEach(function (sub) {
      if (!byId[sub.worksheet]) {
        problem(sub.file, "工作单“" + sub.worksheet + "”不在本课程中（可能来自别的课程或旧版本网站）");
        return;
      }
      var k = subKey(sub.worksheet, sub.student);
      var have = state.submissions[k];
      if (!have || later(sub, have)) {
        sub.notes = notesOf(sub, k);
        state.submissions[k] = sub;
      }
      added += 1;
    });
    save();
    return added;
  }

  function say(text) { ui.status.textContent = text; }

  function readFiles(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) return Promise.resolve();
    say("正在读取 " + files.length + " 个文件……");
    return CK.code.ready().then(function () { return CK.load("javascripts/ck-grade-read.js"); }).then(function () {
      return Promise.all(files.map(CK.gradeRead.readFile));
    }).then(function (results) {
      var n = 0, bad = 0;
      results.forEach(function (r) { n += add(r); bad += r.problems.length; });
      say("读取了 " + n + " 份作业" + (bad ? "，" + bad + " 个问题见下方“问题文件”" : "") + "。");
      refresh();
    }).catch(function (e) { say("读取失败：" + (e && e.message || e)); });
  }

  function readPasted() {
    var text = ui.paste.value;
    if (!text.trim()) { say("请先粘贴含提交码的聊天记录。"); return Promise.resolve(); }
    return CK.code.ready().then(function () { return CK.load("javascripts/ck-grade-read.js"); }).then(function () {
      var r = CK.gradeRead.fromText(text, "粘贴的文字");
      var n = add(r);
      say("读取了 " + n + " 份作业" + (r.problems.length ? "，" + r.problems.length + " 个问题见下方“问题文件”" : "") + "。");
      ui.paste.value = "";
      refresh();
    }).catch(function (e) { say("读取失败：" + (e && e.message || e)); });
  }

  // -- class list -----------------------------------------------------------------------------------

  /** Rows pasted from Excel: 姓名 and 学号 (either order), 班级 optional; header row optional. */
  function parseRoster(text, defaultClass) {
    var rows = String(text).split(/\r?\n/).map(function (l) {
      return (l.indexOf("\t") >= 0 ? l.split("\t") : l.trim().split(/\s+/)).map(function (c) { return c.trim(); });
    }).filter(function (r) { return r.some(function (c) { return c; }); });
    var cols = null;
    if (rows.length && rows[0].some(function (c) { return /姓名|学号|班级/.test(c); })) {
      cols = {};
      rows.shift().forEach(function (c, i) {
        if (/姓名/.test(c)) cols.name = i; else if (/学号/.test(c)) cols.number = i; else if (/班级/.test(c)) cols["class"] = i;
      });
    }
    var out = [], bad = [];
    rows.forEach(function (r, i) {
      var p = { name: "", number: "", "class": defaultClass || "" };
      if (cols) {
        ["name", "number", "class"].forEach(function (k) { if (cols[k] !== undefined && r[cols[k]]) p[k] = r[cols[k]]; });
      } else {
        var cells = r.filter(function (c) { return c; });
        var num = cells.filter(function (c) { return /^[0-9A-Za-z\-]+$/.test(c) && /[0-9]/.test(c); });
        var rest = cells.filter(function (c) { return num.indexOf(c) < 0; });
        if (num.length) p.number = num[num.length - 1];
        if (num.length > 1) p["class"] = num[0];
        if (rest.length === 1) p.name = rest[0];
        else if (rest.length > 1) {
          var clsLike = rest.filter(function (c) { return /[0-9]/.test(c); });
          p.name = rest.filter(function (c) { return clsLike.indexOf(c) < 0; })[0] || rest[rest.length - 1];
          if (clsLike.length) p["class"] = clsLike[0];
        }
      }
      if (!p.name && !p.number) { bad.push(i + 1); return; }
      out.push({ "class": CK.ident.cls(p["class"]), number: CK.ident.number(p.number), name: CK.ident.name(p.name) });
    });
    return { roster: out, bad: bad };
  }

  function readRoster() {
    var r = parseRoster(ui.rosterText.value, ui.rosterClass.value);
    if (!r.roster.length) { ui.rosterMsg.textContent = "没有读到学生：每行一名学生，含姓名和学号。"; return; }
    var seen = {};
    state.roster.concat(r.roster).forEach(function (p) { seen[identKey(p)] = p; });
    state.roster = Object.keys(seen).map(function (k) { return seen[k]; });
    save();
    ui.rosterMsg.textContent = "名单共 " + state.roster.length + " 名学生" +
      (r.bad.length ? "；第 " + r.bad.join("、") + " 行没有姓名或学号，已跳过" : "") + "。";
    refresh();
  }

  // -- lists ----------------------------------------------------------------------------------------

  function subsOf(ws) {
    return Object.keys(state.submissions).filter(function (k) { return k.split(SEP)[0] === ws; })
      .map(function (k) { return { key: k, sub: state.submissions[k] }; })
      .sort(function (a, b) {
        var x = a.sub.student, y = b.sub.student;
        return CK.ident.cls(x["class"]).localeCompare(CK.ident.cls(y["class"])) ||
          String(x.number).localeCompare(String(y.number), undefined, { numeric: true }) ||
          String(x.name).localeCompare(String(y.name));
      });
  }

  function missingOf(ws) {
    return state.roster.filter(function (p) { return !state.submissions[subKey(ws, p)]; });
  }

  function who(st) {
    return [CK.ident.cls(st["class"]), CK.ident.number(st.number), CK.ident.name(st.name)].filter(Boolean).join(" ");
  }

  function total(spec, g) {
    if (!spec.rubric || !g || !g.scores) return null;
    var ks = Object.keys(g.scores);
    if (!ks.length) return null;
    return ks.reduce(function (s, k) { return s + g.scores[k]; }, 0);
  }

  function refresh() {
    var cur = ui.pick.value;
    ui.pick.textContent = "";
    specs.forEach(function (s) {
      var n = subsOf(s.id).length, m = missingOf(s.id).length;
      ui.pick.appendChild(h("option", { value: s.id, text: (s.label ? s.label + " " : "") + s.title + "（已交 " + n +
        (state.roster.length ? "，未交 " + m : "") + "）" }));
    });
    var firstWith = specs.filter(function (s) { return subsOf(s.id).length; })[0];
    // until the teacher picks one, show the first worksheet anything was handed in for
    ui.pick.value = cur && byId[cur] && (ui.chosen || !firstWith) ? cur : (firstWith || specs[0] || {}).id || "";
    var classes = {};
    Object.keys(state.submissions).forEach(function (k) { classes[CK.ident.cls(state.submissions[k].student["class"])] = 1; });
    ui.classes.textContent = "";
    Object.keys(classes).filter(Boolean).sort().forEach(function (c) { ui.classes.appendChild(h("option", { value: c })); });
    ui.problems.textContent = "";
    state.problems.forEach(function (p) { ui.problems.appendChild(h("li", {}, [h("strong", { text: p[0] }), "：" + p[1]])); });
    ui.problemsBox.hidden = !state.problems.length;
    showList();
  }

  function showList() {
    var ws = ui.pick.value, spec = byId[ws];
    ui.list.textContent = "";
    ui.missing.textContent = "";
    if (!spec) return;
    var subs = subsOf(ws);
    ui.listHead.textContent = "已交（" + subs.length + "）";
    subs.forEach(function (x) {
      var g = state.grades[x.key], t = total(spec, g);
      var mark = spec.rubric ? (t === null ? "未评分" : t + " / " + spec.rubric.total + " 分") : (g && g.comment ? "已写评语" : "");
      var b = h("button", { type: "button", className: "ck-grade-student", "data-key": x.key,
        onclick: function () { showStudent(x.key); } }, [who(x.sub.student), h("span", { className: "ck-grade-mark", text: mark })]);
      ui.list.appendChild(h("li", {}, [b]));
    });
    var miss = missingOf(ws);
    ui.missingHead.textContent = state.roster.length ? "未交（" + miss.length + "）" : "未交（请先在上方粘贴班级名单）";
    miss.forEach(function (p) { ui.missing.appendChild(h("li", { text: who(p) })); });
    if (!subs.some(function (x) { return x.key === ui.current; })) { ui.detail.textContent = ""; ui.current = null; }
    else showStudent(ui.current, true);
  }

  // -- one hand-in ------------------------------------------------------------------------------------

  function cellText(v) {
    if (v === undefined || v === null) return "";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  function answerView(f, v) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length)) {
      return h("p", { className: "ck-grade-none", text: "（未填写）" });
    }
    // as its type shows it (ck-fieldkinds.js), or as text when the answer has another shape
    var k = CK.fields.kind(f), view = k && k.view(f, v, { h: h, cellText: cellText });
    if (view) return view;
    return h("p", { className: "ck-grade-text", text: cellText(v) });
  }

  function showStudent(key, keepFocus) {
    var sub = state.submissions[key], spec = sub && byId[sub.worksheet];
    ui.detail.textContent = "";
    ui.current = key;
    if (!sub || !spec) return;
    Array.prototype.forEach.call(ui.list.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-current", b.getAttribute("data-key") === key ? "true" : "false");
    });
    var title = h("h3", { tabindex: "-1", text: who(sub.student) + "：" + (spec.label ? spec.label + " " : "") + spec.title });
    var meta = h("p", { className: "ck-grade-meta", text: "文件：" + sub.file + "　提交时间：" + (sub.saved || "未知") });
    ui.detail.appendChild(title);
    ui.detail.appendChild(meta);
    (sub.notes || []).forEach(function (n) { ui.detail.appendChild(h("p", { className: "ck-grade-note", text: "核对提示：" + n })); });
    var answers = h("div", { className: "ck-grade-answers" });
    spec.fields.forEach(function (f) {
      answers.appendChild(h("section", { className: "ck-grade-field" }, [h("h4", { text: f.label }), answerView(f, sub.answers[f.id])]));
    });
    var known = {};
    spec.fields.forEach(function (f) { known[f.id] = true; });
    var extra = Object.keys(sub.answers).filter(function (k) { return !known[k]; }).map(function (k) {
      return h("li", { text: k + "：" + cellText(sub.answers[k]) });
    }).concat((sub.old || []).map(function (o) {
      return h("li", { text: (o.label || o.field || "") + "：" + cellText(o.value) });
    }));
    if (extra.length) answers.appendChild(h("section", { className: "ck-grade-field" }, [h("h4", { text: "其他答案（旧版本或无对应栏目）" }), h("ul", {}, extra)]));
    var ref = h("div", { className: "ck-grade-reference" }, [h("h4", { text: "参考答案" })]);
    var refBody = h("div", {});
    if (spec.answerHtml) refBody.innerHTML = spec.answerHtml;  // the site's own rendered Markdown, not user text
    else refBody.textContent = "（本工作单没有参考答案）";
    ref.appendChild(refBody);
    ui.detail.appendChild(h("div", { className: "ck-grade-columns" }, [answers, ref]));
    ui.detail.appendChild(gradeForm(key, spec));
    if (!keepFocus) title.focus();
  }

  function gradeForm(key, spec) {
    var g = state.grades[key] || { scores: {}, comment: "", at: 0 };
    var form = h("form", { className: "ck-grade-form", onsubmit: function (e) { e.preventDefault(); } });
    var totalOut = h("output", { className: "ck-grade-total" });
    function showTotal() {
      var t = total(spec, state.grades[key]);
      totalOut.textContent = spec.rubric ? "总分：" + (t === null ? "—" : t) + " / " + spec.rubric.total : "";
    }
    function commit(update) {
      var cur = state.grades[key] || { scores: {}, comment: "", at: 0 };
      cur = { scores: Object.assign({}, cur.scores), comment: cur.comment || "", at: Date.now() };
      update(cur);
      state.grades[key] = cur;
      save();
      showTotal();
      // Keys hold \u0000, which CSS.escape turns into U+FFFD: compare attribute values instead of a selector.
      var btn = Array.prototype.filter.call(ui.list.querySelectorAll("button[data-key]"),
        function (b) { return b.getAttribute("data-key") === key; })[0];
      var mark = btn && btn.querySelector(".ck-grade-mark");
      if (mark) {
        var t = total(spec, cur);
        mark.textContent = spec.rubric ? (t === null ? "未评分" : t + " / " + spec.rubric.total + " 分") : (cur.comment ? "已写评语" : "");
      }
    }
    if (spec.rubric) {
      var levels = spec.rubric.levels || [];
      spec.rubric.criteria.forEach(function (c, i) {
        var id = "ck-grade-score-" + i, msgId = id + "-msg";
        var input = h("input", { type: "text", inputmode: "numeric", id: id, className: "ck-grade-score",
          "aria-describedby": msgId, autocomplete: "off", "data-criterion": String(i) });
        input.value = g.scores && g.scores[i] !== undefined ? String(g.scores[i]) : "";
        var msg = h("span", { id: msgId, className: "ck-grade-invalid", "aria-live": "polite" });
        input.addEventListener("input", function () {
          var v = input.value.normalize("NFKC").trim();
          if (v === "") { input.removeAttribute("aria-invalid"); msg.textContent = ""; commit(function (x) { delete x.scores[i]; }); return; }
          if (!/^[0-9]+$/.test(v) || parseInt(v, 10) > c.points) {
            input.setAttribute("aria-invalid", "true");
            msg.textContent = "请输入 0 到 " + c.points + " 的整数，未保存";
            return;
          }
          input.removeAttribute("aria-invalid");
          msg.textContent = "";
          commit(function (x) { x.scores[i] = parseInt(v, 10); });
        });
        var desc = h("ul", { className: "ck-grade-levels" }, (c.descriptors || []).map(function (d, j) {
          return h("li", {}, [h("strong", { text: (levels[j] || "") + "：" }), d]);
        }));
        form.appendChild(h("fieldset", { className: "ck-grade-criterion" }, [
          h("legend", { text: c.name + "（满分 " + c.points + "）" }), desc,
          h("label", { "for": id, text: c.name + " 得分（0–" + c.points + "）" }), input, msg]));
      });
    }
    var cid = "ck-grade-comment";
    var comment = h("textarea", { id: cid, rows: "3", className: "ck-grade-comment" });
    comment.value = g.comment || "";
    comment.addEventListener("input", function () { commit(function (x) { x.comment = comment.value; }); });
    form.appendChild(h("p", {}, [h("label", { "for": cid, text: "评语" }), comment]));
    form.appendChild(totalOut);
    showTotal();
    return form;
  }

  // -- records and export ---------------------------------------------------------------------------

  function download(name, bytes, type) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = h("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function exportRecord() {
    download("评分记录-" + CK.today() + ".json", JSON.stringify(state, null, 1), "application/json");
    say("已导出评分记录。");
  }

  function importRecord(file) {
    if (!file) return;
    var r = new FileReader();
    r.onload = function () {
      var data;
      try { data = JSON.parse(String(r.result).replace(/^\uFEFF/, "")); } catch (e) { data = null; }
      if (!data || data.format !== "coursekit-grading" || typeof data.grades !== "object") {
        say("“" + file.name + "”不是本页导出的评分记录（.json），没有导入任何内容。");
        return;
      }
      var subs = data.submissions && typeof data.submissions === "object" ? data.submissions : {};
      Object.keys(subs).forEach(function (k) {
        var s = subs[k];
        if (!s || typeof s !== "object" || !s.student || !s.answers || !byId[s.worksheet]) return;
        if (!state.submissions[k] || later(s, state.submissions[k])) state.submissions[k] = s;
      });
      var n = 0;
      Object.keys(data.grades || {}).forEach(function (k) {
        var g = data.grades[k];
        if (!g || typeof g !== "object") return;
        var mine = state.grades[k];
        if (!mine || (Number(g.at) || 0) > (Number(mine.at) || 0)) {  // newer `at` wins per grade
          var scores = {};
          Object.keys(g.scores || {}).forEach(function (i) { if (/^[0-9]+$/.test(String(g.scores[i]))) scores[i] = Number(g.scores[i]); });
          state.grades[k] = { scores: scores, comment: String(g.comment || ""), at: Number(g.at) || 0 };
          n += 1;
        }
      });
      var seen = {};
      state.roster.concat(Array.isArray(data.roster) ? data.roster : []).forEach(function (p) {
        if (p && typeof p === "object") seen[identKey(p)] = { "class": String(p["class"] || ""), number: String(p.number || ""), name: String(p.name || "") };
      });
      state.roster = Object.keys(seen).map(function (k) { return seen[k]; });
      save();
      say("已导入评分记录：更新了 " + n + " 条评分。");
      refresh();
    };
    r.readAsText(file);
  }

  function clearAll() {
    if (!root.confirm("清空本页保存的全部作业、名单和评分？此操作无法撤销，建议先导出评分记录。")) return;
    state = empty();
    save();
    ui.current = null;
    say("已清空。");
    refresh();
  }

  /** The model CK.gradebook.build takes (ck-gradebook.js). */
  function model() {
    return { worksheets: specs,
      submissions: Object.keys(state.submissions).map(function (k) {
        var s = state.submissions[k];
        return { worksheet: s.worksheet, student: s.student, answers: s.answers, old: s.old || [], saved: s.saved,
          file: s.file, notes: notesOf(s, k) };
      }),
      grades: state.grades, roster: state.roster, problems: state.problems };
  }

  function exportExcel() {
    say("正在生成 Excel……");
    CK.code.ready().then(function () { return CK.load("javascripts/ck-xlsx.js"); })
      .then(function () { return CK.load("javascripts/ck-gradebook.js"); })
      .then(function () {
        if (!CK.gradebook || !CK.gradebook.build) throw new Error("missing");
        download("作业汇总-" + CK.today() + ".xlsx", CK.gradebook.build(model()),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        say("已导出 Excel 成绩表。");
      }).catch(function () {
        say("导出 Excel 的功能尚未就绪（缺少 ck-gradebook.js），请先用“导出评分记录”保存评分，或用 coursekit collect 汇总。");
      });
  }

  // -- page -----------------------------------------------------------------------------------------

  function build() {
    el.textContent = "";
    var fileInput = h("input", { type: "file", multiple: "", accept: ".docx,.json,.txt", id: "ck-grade-files",
      "aria-label": "选择作业文件（.docx、.json、.txt，可多选）",
      onchange: function () { readFiles(fileInput.files).then(function () { fileInput.value = ""; }); } });
    var drop = h("div", { className: "ck-grade-drop", tabindex: "0", role: "button",
      "aria-describedby": "ck-grade-drop-help",
      onclick: function () { fileInput.click(); },
      onkeydown: function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fileInput.click(); } },
      ondragover: function (e) { e.preventDefault(); drop.classList.add("ck-grade-over"); },
      ondragleave: function () { drop.classList.remove("ck-grade-over"); },
      ondrop: function (e) { e.preventDefault(); drop.classList.remove("ck-grade-over"); readFiles(e.dataTransfer.files); } },
      [h("strong", { text: "把作业文件拖到这里，或点此选择文件" }),
        h("span", { id: "ck-grade-drop-help", text: "可一次选多个：Word（.docx）、答案文件（.json）、含提交码的文本（.txt）" })]);
    ui.status = h("p", { className: "ck-grade-status", role: "status" });
    ui.warn = h("p", { className: "ck-storage-warning", role: "alert", hidden: "" });
    ui.paste = h("textarea", { id: "ck-grade-paste", rows: "4" });
    ui.rosterText = h("textarea", { id: "ck-grade-roster", rows: "4" });
    ui.rosterClass = h("input", { type: "text", id: "ck-grade-roster-class", autocomplete: "off", list: "ck-grade-classes" });
    ui.classes = h("datalist", { id: "ck-grade-classes" });
    ui.rosterMsg = h("p", { className: "ck-grade-status", role: "status" });
    ui.problems = h("ul", {});
    ui.problemsBox = h("section", { className: "ck-grade-problems", hidden: "" }, [h("h2", { text: "问题文件" }), ui.problems]);
    ui.pick = h("select", { id: "ck-grade-pick", onchange: function () { ui.chosen = true; ui.current = null; showList(); } });
    ui.list = h("ul", { className: "ck-grade-list" });
    ui.missing = h("ul", { className: "ck-grade-missing" });
    ui.listHead = h("h3", {});
    ui.missingHead = h("h3", {});
    ui.detail = h("div", { className: "ck-grade-detail", "aria-live": "off" });
    var recordInput = h("input", { type: "file", accept: ".json", id: "ck-grade-import", className: "ck-grade-hidden",
      tabindex: "-1", "aria-label": "评分记录文件（.json）",
      onchange: function () { importRecord(recordInput.files[0]); recordInput.value = ""; } });
    [
      ui.warn,
      h("section", {}, [h("h2", { text: "收作业" }), drop, fileInput,
        h("p", {}, [h("label", { "for": "ck-grade-paste", text: "或粘贴含提交码的聊天记录（可一次粘贴多条）" }), ui.paste]),
        h("p", {}, [h("button", { type: "button", className: "md-button", onclick: readPasted, text: "读取提交码" })]), ui.status]),
      h("section", {}, [h("h2", { text: "班级名单" }),
        h("p", {}, [h("label", { "for": "ck-grade-roster", text: "从 Excel 复制姓名和学号两列（可带表头和班级列）粘贴到这里" }), ui.rosterText]),
        h("p", {}, [h("label", { "for": "ck-grade-roster-class", text: "名单所属班级（名单里没有班级列时填写）" }), ui.rosterClass, ui.classes]),
        h("p", {}, [h("button", { type: "button", className: "md-button", onclick: readRoster, text: "读取名单" })]), ui.rosterMsg]),
      ui.problemsBox,
      h("section", {}, [h("h2", { text: "评分" }),
        h("p", {}, [h("label", { "for": "ck-grade-pick", text: "工作单" }), ui.pick]),
        h("div", { className: "ck-grade-lists" }, [h("div", {}, [ui.listHead, ui.list]), h("div", {}, [ui.missingHead, ui.missing])]),
        ui.detail]),
      h("section", {}, [h("h2", { text: "保存与导出" }), h("p", { className: "ck-grade-actions" }, [
        h("button", { type: "button", className: "md-button md-button--primary", onclick: exportExcel, text: "导出 Excel" }),
        h("button", { type: "button", className: "md-button", onclick: exportRecord, text: "导出评分记录" }),
        h("button", { type: "button", className: "md-button", onclick: function () { recordInput.click(); },
          text: "导入评分记录" }), recordInput,
        h("button", { type: "button", className: "md-button", onclick: clearAll, text: "清空全部" })])])
    ].forEach(function (x) { el.appendChild(x); });
  }

  function init() {
    el = document.querySelector("[data-ck-grade]");
    if (!el || el.getAttribute("data-ck-ready")) return;
    var dataEl = el.querySelector("script.ck-grade-data");
    var data;
    try { data = JSON.parse(dataEl.textContent); } catch (e) { return; }
    specs = data.worksheets || [];
    byId = {};
    specs.forEach(function (s) { byId[s.id] = s; });
    el.setAttribute("data-ck-ready", "1");
    state = load();
    build();
    if (!save()) say("");
    refresh();
  }

  CK.grade = { parseRoster: parseRoster, later: later, model: model, state: function () { return state; } };
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
