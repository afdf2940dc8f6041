/* 作业汇总: hand-ins from files and pasted text, as submissions (src/coursekit/collect/README.md).
 * Word files are unzipped with the vendored fflate under limits checked before anything is inflated;
 * every bad file or code becomes a problem with its reason and never stops the others. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var MAX_PART = 20 * 1024 * 1024;   // a Word part larger than this is not one of our hand-ins
  var MAX_ENTRIES = 400;
  var MAX_FILE = 50 * 1024 * 1024;
  var NS = "urn:coursekit:submission:1";

  function fail(msg) { var e = new Error(msg); e.reason = true; throw e; }

  /** Positional table rows as {header: cell}, with the header list a submission carries (collect/read.py). */
  function keyedByHeader(answers, heads) {
    if (!heads || typeof heads !== "object") return answers;
    var out = {};
    Object.keys(answers).forEach(function (k) { out[k] = answers[k]; });
    Object.keys(heads).forEach(function (fid) {
      var names = heads[fid], rows = out[fid];
      if (!Array.isArray(names) || !Array.isArray(rows)) return;
      out[fid] = rows.map(function (row) {
        if (!Array.isArray(row) || row.length !== names.length) return row;
        var o = {};
        names.forEach(function (n, i) { o[String(n)] = row[i]; });
        return o;
      });
    });
    return out;
  }

  /** A submission payload checked and normalised; throws with a reason. */
  function submission(data, file, how) {
    if (!data || typeof data !== "object") fail("答案数据格式不对");
    var st = data.student, ans = data.answers;
    if (!st || typeof st !== "object" || !ans || typeof ans !== "object" || Array.isArray(ans) ||
        typeof data.worksheet !== "string") fail("答案数据格式不对（缺少 worksheet、student 或 answers）");
    var student = {};
    ["name", "class", "number"].forEach(function (k) { student[k] = String(st[k] || "").trim(); });
    var asg = data.assignment && typeof data.assignment === "object" ? data.assignment : null;
    if (asg && String(asg["class"] || "").trim()) student["class"] = String(asg["class"]).trim();  // the link's class wins
    return { worksheet: data.worksheet, title: String(data.title || ""), version: String(data.version || ""),
      student: student, answers: keyedByHeader(ans, data.columns),
      old: Array.isArray(data.old) ? data.old.filter(function (o) { return o && typeof o === "object"; }) : [],
      saved: String(data.saved || ""), file: file.name, mtime: file.mtime || 0, how: how };
  }

  /** Submissions in parsed JSON: a coursekit-submission or a coursekit-answers backup. */
  function fromJson(data, file) {
    if (data && data.format === "coursekit-submission") return [submission(data, file, "json")];
    if (data && data.format === "coursekit-grading") fail("这是评分记录，请用“导入评分记录”打开");
    if (!data || data.format !== "coursekit-answers" || !data.worksheets || typeof data.worksheets !== "object")
      fail("不是本站导出的答案文件（缺少 format: coursekit-answers）");
    var out = [];
    Object.keys(data.worksheets).sort().forEach(function (id) {
      var r = data.worksheets[id];
      if (!r || typeof r !== "object" || !r.answers || !Object.keys(r.answers).length) return;
      out.push(submission({ worksheet: id, version: r.version, student: data.student, answers: r.answers,
        old: r.old, columns: r.columns, saved: r.updated || data.exported || "" }, file, "json"));
    });
    if (!out.length) fail("备份文件里没有任何答案");
    return out;
  }

  /** The submission inside one of our .docx files. */
  function fromDocx(bytes, file) {
    var count = 0, tooBig = "";
    var parts;
    try {
      parts = root.fflate.unzipSync(bytes, { filter: function (f) {
        count += 1;
        if (count > MAX_ENTRIES) throw new Error("entries");
        if (f.originalSize > MAX_PART || f.size > MAX_PART) { tooBig = f.name; return false; }
        return /^customXml\/item\d*\.xml$/.test(f.name);
      } });
    } catch (e) {
      if (e.message === "entries") fail("Word 文件内部条目过多（超过 " + MAX_ENTRIES + " 个），不是本站下载的文件");
      fail("Word 文件已损坏或不是 .docx（无法解压）");
    }
    if (tooBig) fail("Word 文件中的 " + tooBig + " 超过 20 MB，没有读取");
    var names = Object.keys(parts).sort();
    for (var i = 0; i < names.length; i++) {
      var doc = new DOMParser().parseFromString(root.fflate.strFromU8(parts[names[i]]), "application/xml");
      if (doc.getElementsByTagName("parsererror").length) continue;
      var el = doc.getElementsByTagNameNS(NS, "submission")[0];
      if (!el) continue;
      var data;
      try { data = JSON.parse(el.textContent); } catch (e) { fail("Word 文件里的答案数据已损坏"); }
      if (!data || data.format !== "coursekit-submission") fail("Word 文件里的答案数据不是工作单答案");
      return [submission(data, file, "docx")];
    }
    fail("这个 Word 文件里没有本站的答案数据：请学生用工作单下方的“下载 Word”重新导出");
  }

  /** Submissions and problems in pasted text (提交码s). */
  function fromText(text, name) {
    var out = { subs: [], problems: [] };
    var found = CK.code.find(text);
    if (!found.length) { out.problems.push([name, "没有找到提交码（应以 CK1. 开头）"]); return out; }
    found.forEach(function (f, i) {
      var where = name + " 第 " + (i + 1) + " 个提交码";
      if (f.error) { out.problems.push([where, f.error]); return; }
      try { out.subs.push(submission(f.submission, { name: name, mtime: 0 }, "code")); } catch (e) {
        out.problems.push([where, e.reason ? e.message : "无法读取"]);
      }
    });
    return out;
  }

  function readBytes(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(new Error("无法读取文件")); };
      r.readAsArrayBuffer(file);
    });
  }

  /** One dropped file → {subs, problems}; never rejects. */
  function readFile(file) {
    var meta = { name: file.name, mtime: file.lastModified || 0 };
    var out = { subs: [], problems: [] };
    if (file.size > MAX_FILE) { out.problems.push([file.name, "文件超过 50 MB，不是工作单答案"]); return Promise.resolve(out); }
    var ext = (/\.([^.]+)$/.exec(file.name.toLowerCase()) || [])[1] || "";
    if (["docx", "json", "txt"].indexOf(ext) < 0) {
      out.problems.push([file.name, "不支持的文件类型：请拖入 .docx、.json 或含提交码的 .txt 文件"]);
      return Promise.resolve(out);
    }
    return readBytes(file).then(function (bytes) {
      if (ext === "docx") { out.subs = fromDocx(bytes, meta); return out; }
      var text = root.fflate.strFromU8(bytes).replace(/^\uFEFF/, "");
      if (ext === "txt") { var t = fromText(text, file.name); t.subs.forEach(function (s) { s.mtime = meta.mtime; }); return t; }
      var data;
      try { data = JSON.parse(text); } catch (e) { fail("不是有效的 JSON 文件"); }
      out.subs = fromJson(data, meta);
      return out;
    }).catch(function (e) {
      return { subs: [], problems: [[file.name, e && e.reason ? e.message : "无法读取文件"]] };
    });
  }

  CK.gradeRead = { readFile: readFile, fromText: fromText, fromJson: fromJson, fromDocx: fromDocx,
    submission: submission };
})(window);
