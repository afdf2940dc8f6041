/* A worksheet's toolbar: 提交 (提交码), Word, print / PDF, copy as text, blank copy, 在浏览器中打开, JSON backup
 * and import, clear; and the import of codes carried in the fragment (#ck=<code>,<code>). */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var h = CK.fields.h;
  var WECHAT = /MicroMessenger/i.test(navigator.userAgent);

  /** A file name part without characters Windows or phones refuse. */
  function safe(s) { return String(s || "").replace(/[\\\/:*?"<>|\s]+/g, "_").replace(/^[._]+|_+$/g, "") || "未填"; }

  /** The Word file's name: 班级-学号-姓名-<worksheet id>.docx. */
  function docxName(ws, student) {
    return [safe(student["class"]), safe(student.number), safe(student.name), ws.id].join("-") + ".docx";
  }

  /** Offer bytes as a download; in WeChat's browser, explain how to get the file out. */
  function download(ws, name, blob) {
    var url = URL.createObjectURL(blob);
    var a = h("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    say(ws, WECHAT ? "微信里可能无法直接下载：请点右上角“…”选择“在浏览器打开”，再点一次下载；或用“复制为文本”。"
      : "已生成 " + name);
  }

  /** Show a message in the worksheet's status line. */
  function say(ws, msg) { ws.status.textContent = msg; }

  /** Print just this worksheet, filled in or blank. */
  function print(ws, blank) {
    CK.worksheets.flush();
    CK.worksheets.printHeaders();
    document.body.classList.add("ck-print-one");
    if (blank) document.body.classList.add("ck-print-blank");
    ws.el.classList.add("ck-print-target");
    // mark the worksheet's ancestors, so print CSS can hide everything beside them
    for (var p = ws.el.parentElement; p && p !== document.body; p = p.parentElement) p.classList.add("ck-print-path");
    var done = function () {
      document.body.classList.remove("ck-print-one", "ck-print-blank");
      ws.el.classList.remove("ck-print-target");
      document.querySelectorAll(".ck-print-path").forEach(function (n) { n.classList.remove("ck-print-path"); });
      root.removeEventListener("afterprint", done);
    };
    root.addEventListener("afterprint", done);
    root.print();
  }

  /** The submission carried inside the Word file and read back by `coursekit collect`. */
  function submission(ws) {
    var out = { format: "coursekit-submission", formatVersion: 1, worksheet: ws.id, title: ws.title,
      version: ws.version, student: CK.worksheets.student(), answers: CK.store.clone(ws.record.answers),
      old: CK.store.clone(ws.record.old || []), saved: new Date().toISOString(), columns: headers(ws) };
    var a = CK.worksheets.assignment();
    if (a) out.assignment = { "class": a["class"], due: a.due };
    return out;
  }

  /** Each table field's column headers (a type's heads), so a reader can tell which column a cell belongs to. */
  function headers(ws) {
    var out = {};
    ws.fields.forEach(function (f) { var k = CK.fields.kind(f); if (k && k.heads) out[f.id] = k.heads(f); });
    return out;
  }

  /** Build and download the .docx (the zip library and the writer load only now). */
  /** Name and number are filled in (else say so and focus the empty one). */
  function identified(ws, student) {
    if (student.name && student.number) return true;
    say(ws, "请先在工作单上方填写姓名、班级和学号，老师靠它们区分作业。");
    var missing = ws.el.querySelector(student.name ? '[data-student="number"]' : '[data-student="name"]');
    if (missing) missing.focus();
    return false;
  }

  function docx(ws) {
    CK.worksheets.flush();
    var student = CK.worksheets.student();
    if (!identified(ws, student)) return Promise.resolve();
    say(ws, "正在生成 Word 文件…");
    return CK.load("vendor/fflate/fflate.min.js").then(function () { return CK.load("javascripts/ck-docx.js"); })
      .then(function () {
        var bytes = CK.docx.build(submission(ws), ws.fields);
        download(ws, docxName(ws, student), new Blob([bytes],
          { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
      }).catch(function (e) { say(ws, "生成 Word 失败：" + e.message + "。可以先用“复制为文本”保存答案。"); });
  }

  /** Copy the answers as text; where the clipboard is unavailable, show them selected for manual copying. */
  function copy(ws, box) {
    CK.worksheets.flush();
    var txt = CK.text.worksheet({ title: ws.title }, ws.fields, ws.record, CK.worksheets.student());
    clip(ws, box.querySelector("textarea"), txt, "已复制，可以粘贴到微信。", function () { box.hidden = false; });
  }

  /** Put text on the clipboard; where that is refused, show it selected (execCommand, then long press). */
  function clip(ws, area, txt, done, reveal) {
    area.value = txt;
    var fallback = function () {
      reveal();
      area.focus();
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(ws, ok ? done : "请长按下面的文字全选复制。");
    };
    if (navigator.clipboard && root.isSecureContext) {
      navigator.clipboard.writeText(txt).then(function () { say(ws, done); }, fallback);
    } else fallback();
  }

  var LONG_CODE = 8000;  // longer chat messages get cut or refused by some phones: suggest Word instead

  /** The message a student pastes to the teacher: one line who and what, the code, one line for the teacher. */
  function message(sub, code) {
    var s = sub.student;
    return "【作业提交】" + sub.title + "｜" + [CK.ident.cls(s["class"]), CK.ident.number(s.number), s.name.trim()]
      .filter(Boolean).join(" ") + "\n提交码：" + code + "\n（老师：把这条消息粘贴到教师版网站的“作业汇总”即可读出答案。）";
  }

  /** 提交: the submission as a 提交码 message, in a box with a copy button. */
  function submit(ws, box) {
    CK.worksheets.flush();
    if (!identified(ws, CK.worksheets.student())) return Promise.resolve();
    say(ws, "正在生成提交码…");
    return CK.code.ready().then(function () {
      var sub = submission(ws), code = CK.code.encode(sub), txt = message(sub, code);
      box.hidden = false;
      box.querySelector("textarea").value = txt;
      var info = box.querySelector('[data-ck="submit-info"]');
      info.textContent = "提交码共 " + code.length + " 个字符。点“复制”，粘贴到和老师的微信聊天里发送。" +
        (code.length > LONG_CODE ? "答案很长，微信可能发不完整：建议改用“下载 Word”，把文件发给老师。" : "");
      say(ws, "提交码已生成：点“复制”，粘贴到和老师的微信聊天里发送。");
      box.querySelector('[data-act="submit-copy"]').focus();
    }).catch(function (e) { say(ws, "生成提交码失败：" + e.message + "。可以改用“下载 Word”。"); });
  }

  /** 在浏览器中打开: every worksheet of the page as codes in the fragment, then explain how to switch. */
  function openOutside(ws, box) {
    CK.worksheets.flush();
    say(ws, "正在生成链接…");
    return CK.code.ready().then(function () {
      var codes = CK.worksheets.list().filter(function (w) { return Object.keys(w.record.answers).length || (w.record.old || []).length; })
        .map(function (w) { return CK.code.encode(submission(w)); });
      var url = new URL(root.location.href);
      url.hash = codes.length ? "ck=" + codes.join(",") : "";
      root.history.replaceState(root.history.state, "", url.href);
      box.hidden = false;
      box.querySelector("textarea").value = url.href;
      say(ws, codes.length ? "答案已放进这个网址：点右上角 ··· 选择“在浏览器打开”，答案会出现在浏览器里；" +
        "也可以点“复制链接”，粘贴到手机浏览器打开。" : "还没有填写任何答案。点右上角 ··· 选择“在浏览器打开”即可在浏览器中填写。");
    }).catch(function (e) { say(ws, "生成链接失败：" + e.message + "。"); });
  }

  /** Codes in this page's fragment (#ck=…): import them like a backup, then remove the fragment. */
  var importing = null;  // init runs again when the homework page has loaded its worksheets: import once
  function importFragment() {
    var m = /^#ck=(.*)$/.exec(root.location.hash);
    if (!m) return Promise.resolve(false);
    if (importing) return importing;
    importing = doImport(m).then(function (r) { importing = null; return r; });
    return importing;
  }

  function doImport(m) {
    var raw;
    try { raw = decodeURIComponent(m[1]); } catch (e) { raw = m[1]; }
    return CK.code.ready().then(function () {
      var parts = raw.split(",").filter(function (p) { return p.trim(); }), subs = [], bad = 0;
      parts.forEach(function (p) {
        try { subs.push(CK.code.decode(p)); } catch (e) { bad += 1; }
      });
      if (bad) {
        notice("链接里的答案不完整或被改动过（" + bad + " 份无法读出），" + (subs.length ? "其余的已导入。" : "没有导入任何内容，本机已有的答案没有改动。") +
          "请回到微信重新点“在浏览器中打开”，复制完整的链接。", true);
      }
      if (subs.length) {
        CK.worksheets.flush();
        subs.forEach(function (sub) {
          CK.store.merge(sub.worksheet, { version: sub.version, answers: sub.answers || {}, old: sub.old || [],
            columns: sub.columns || {}, labels: {} });
        });
        var mine = CK.store.student(), first = subs[0], theirs = first.student || {};
        // a class that came from a homework link is that link's, not the student's own
        var cls = theirs["class"] && !(first.assignment && first.assignment["class"] === theirs["class"]) ? theirs["class"] : "";
        if (!mine.name && !mine.number) {
          CK.store.setStudent({ name: String(theirs.name || ""), "class": String(cls || mine["class"]), number: String(theirs.number || "") });
        }
        CK.worksheets.reload();
        if (!bad) notice("已从链接导入 " + subs.length + " 张工作单的答案，现在保存在这个浏览器里。", false);
      }
      var url = new URL(root.location.href);
      url.hash = "";
      root.history.replaceState(root.history.state, "", url.href.replace(/#$/, ""));
      return true;
    }).catch(function (e) { notice("没能读取链接里的答案：" + e.message + "。", true); return false; });
  }

  /** A message at the top of the page content (import from a link). */
  function notice(msg, error) {
    var p = h("p", { className: "ck-import-msg" + (error ? " ck-import-error" : ""), role: error ? "alert" : "status", text: msg });
    var at = document.querySelector(".md-content__inner") || document.body;
    at.insertBefore(p, at.firstChild);
  }

  /** Download every answer in this browser as one JSON file. */
  function backup(ws) {
    CK.worksheets.flush();
    var data = CK.store.backup();
    var s = CK.worksheets.student();
    var name = [safe(s["class"]), safe(s.number), safe(s.name), "答案备份", CK.today().replace(/-/g, "")].join("-") + ".json";
    download(ws, name, new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
  }

  /** Read a backup file and merge it into this browser's answers. */
  function restore(ws, file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      if (!data || data.format !== "coursekit-answers" || typeof data.worksheets !== "object") {
        say(ws, "这不是本站导出的答案备份文件（.json），没有导入任何内容。");
        return;
      }
      CK.worksheets.flush();
      var ids = Object.keys(data.worksheets);
      ids.forEach(function (id) { if (data.worksheets[id]) CK.store.merge(id, data.worksheets[id]); });
      var mine = CK.store.student();
      if (data.student && !mine.name && !mine.number) CK.store.setStudent(data.student);
      CK.worksheets.reload();
      say(ws, "已导入 " + ids.length + " 张工作单的答案。");
    };
    reader.readAsText(file);
  }

  /** Clear this worksheet's answers, after asking. */
  function clear(ws) {
    if (!root.confirm("确定清空“" + ws.title + "”的全部答案吗？清空后不能恢复，建议先下载 Word 或备份。")) return;
    if (ws.timer) clearTimeout(ws.timer);
    ws.timer = null;
    var stamps = {}, now = Date.now();
    ws.fields.forEach(function (f) { stamps[f.id] = now; });  // newer than every answer, so other tabs clear too
    ws.record = { version: ws.version, answers: {}, labels: {}, old: [], stamps: stamps, oldStamp: now,
      updated: new Date().toISOString() };
    CK.store.replace(ws.id, ws.record);
    ws.ctls.forEach(function (c) { c.set(undefined); ws.shown[c.f.id] = c.get(); });
    CK.worksheets.renderOld(ws);
    say(ws, "已清空本表答案。");
  }

  /** The toolbar element for one worksheet. */
  function toolbar(ws) {
    var btn = function (act, label, title) {
      return h("button", { type: "button", className: "ck-btn", "data-act": act, title: title || label, text: label });
    };
    var file = h("input", { type: "file", accept: ".json,application/json", hidden: "", "aria-label": "选择答案备份文件" });
    var copyBox = h("div", { className: "ck-copy-box", hidden: "" },
      [h("textarea", { readonly: "", rows: "6", "aria-label": "答案文本（可全选复制）" })]);
    var submitBox = h("div", { className: "ck-submit-box", role: "region", "aria-label": "提交码", hidden: "" },
      [h("p", { className: "ck-submit-info", "data-ck": "submit-info" }),
        h("textarea", { readonly: "", rows: "5", "aria-label": "提交消息（可全选复制）" }),
        btn("submit-copy", "复制", "复制提交消息，粘贴到和老师的微信聊天里发送"),
        h("p", { className: "ck-submit-hint", text: "粘贴到和老师的微信聊天里发送。" })]);
    var linkBox = h("div", { className: "ck-link-box", hidden: "" },
      [h("p", { text: "点右上角 ··· 选择“在浏览器打开”；或复制下面的链接，粘贴到手机浏览器里打开。" }),
        h("textarea", { readonly: "", rows: "3", "aria-label": "带答案的链接（可全选复制）" }), btn("link-copy", "复制链接")]);
    var open = btn("open", "在浏览器中打开", "把答案放进网址，换到手机浏览器继续（可下载 Word）");
    var more = h("details", { className: "ck-more" }, [h("summary", { text: "更多：备份、导入、清空" }),
      btn("backup", "备份全部答案（JSON）", "把本机保存的所有工作单答案下载为一个文件，换设备时导入"),
      btn("import", "导入备份"), btn("clear", "清空本表答案")].concat(WECHAT ? [] : [open]).concat([file]));
    var submitBtn = btn("submit", "提交", "生成提交码，粘贴到和老师的微信聊天里");
    submitBtn.className += " ck-btn-primary";
    var bar = h("div", { className: "ck-ws-tools", role: "group", "aria-label": "保存与提交：" + ws.title },
      [submitBtn, btn("docx", "下载 Word", "生成 Word 文件交给老师")].concat(WECHAT ? [open] : []).concat([
        btn("print", "打印 / 存为 PDF"),
        btn("copy", "复制为文本", "复制后可粘贴到微信"), btn("blank", "打印空白表", "打印不含答案的空白表，用于纸质作业"),
        more, submitBox, linkBox, copyBox]));
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (!b) return;
      var act = b.getAttribute("data-act");
      if (act === "submit") submit(ws, submitBox);
      else if (act === "submit-copy") {
        clip(ws, submitBox.querySelector("textarea"), submitBox.querySelector("textarea").value,
          "已复制提交消息：粘贴到和老师的微信聊天里发送。", function () {});
      } else if (act === "open") openOutside(ws, linkBox);
      else if (act === "link-copy") {
        clip(ws, linkBox.querySelector("textarea"), linkBox.querySelector("textarea").value,
          "已复制链接：粘贴到手机浏览器的地址栏打开。", function () {});
      } else if (act === "docx") docx(ws);
      else if (act === "print") print(ws, false);
      else if (act === "blank") print(ws, true);
      else if (act === "copy") copy(ws, copyBox);
      else if (act === "backup") backup(ws);
      else if (act === "import") file.click();
      else if (act === "clear") clear(ws);
    });
    file.addEventListener("change", function () {
      if (file.files && file.files[0]) restore(ws, file.files[0]);
      file.value = "";
    });
    return bar;
  }

  CK.actions = { toolbar: toolbar, docxName: docxName, submission: submission, message: message,
    importFragment: importFragment, WECHAT: WECHAT };
})(window);
