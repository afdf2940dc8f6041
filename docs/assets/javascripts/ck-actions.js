/* A worksheet's toolbar: print / PDF, Word, copy as text, blank copy, JSON backup and import, clear. */
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
    return { format: "coursekit-submission", formatVersion: 1, worksheet: ws.id, title: ws.title,
      version: ws.version, student: CK.store.student(), answers: CK.store.clone(ws.record.answers),
      old: CK.store.clone(ws.record.old || []), saved: new Date().toISOString(), columns: headers(ws) };
  }

  /** Each table field's column headers, so a reader can tell which column a cell belongs to. */
  function headers(ws) {
    var out = {};
    ws.fields.forEach(function (f) { if (f.kind === "table") out[f.id] = f.columns.slice(); });
    return out;
  }

  /** Build and download the .docx (the zip library and the writer load only now). */
  function docx(ws) {
    CK.worksheets.flush();
    var student = CK.store.student();
    if (!student.name || !student.number) {
      say(ws, "请先在工作单上方填写姓名、班级和学号，老师靠它们区分作业。");
      var missing = ws.el.querySelector(student.name ? '[data-student="number"]' : '[data-student="name"]');
      if (missing) missing.focus();
      return Promise.resolve();
    }
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
    var txt = CK.text.worksheet({ title: ws.title }, ws.fields, ws.record, CK.store.student());
    var area = box.querySelector("textarea");
    area.value = txt;
    var fallback = function () {
      box.hidden = false;
      area.focus();
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(ws, ok ? "已复制，可以粘贴到微信。" : "请长按下面的文字全选复制。");
    };
    if (navigator.clipboard && root.isSecureContext) {
      navigator.clipboard.writeText(txt).then(function () { say(ws, "已复制，可以粘贴到微信。"); }, fallback);
    } else fallback();
  }

  /** Download every answer in this browser as one JSON file. */
  function backup(ws) {
    CK.worksheets.flush();
    var data = CK.store.backup();
    var s = data.student;
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
    var more = h("details", { className: "ck-more" }, [h("summary", { text: "更多：备份、导入、清空" }),
      btn("backup", "备份全部答案（JSON）", "把本机保存的所有工作单答案下载为一个文件，换设备时导入"),
      btn("import", "导入备份"), btn("clear", "清空本表答案"), file]);
    var bar = h("div", { className: "ck-ws-tools", role: "group", "aria-label": "保存与提交：" + ws.title },
      [btn("docx", "下载 Word", "生成 Word 文件交给老师"), btn("print", "打印 / 存为 PDF"),
        btn("copy", "复制为文本", "复制后可粘贴到微信"), btn("blank", "打印空白表", "打印不含答案的空白表，用于纸质作业"),
        more, copyBox]);
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (!b) return;
      var act = b.getAttribute("data-act");
      if (act === "docx") docx(ws);
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

  CK.actions = { toolbar: toolbar, docxName: docxName, submission: submission };
})(window);
