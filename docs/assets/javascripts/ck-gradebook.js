/* The gradebook (.xlsx) written by 作业汇总 in the teacher's browser: the same layout as `coursekit collect`
 * (src/coursekit/collect/README.md, "Gradebook"; columns as in collect/columns.py, sheets as in workbook.py).
 *
 * CK.gradebook.build(model) → Uint8Array, model = {worksheets: [worksheet spec, in course order],
 *   submissions: [{worksheet, student: {name, class, number}, answers, old, saved, file, notes: [text]}],
 *   grades: {"<ws id>\u0000<CK.ident.key(student)>": {scores: {"<criterion index>": n}, comment}},
 *   roster: [{class, number, name}], problems: [[file, what]]}.
 * Needs fflate, ck-fields.js and ck-fieldkinds.js (CK.fields.kinds), ck-code.js (CK.ident) and ck-xlsx.js. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var IDENTITY = ["班级", "学号", "姓名", "提交时间", "文件"];
  var OTHER = "其他答案（旧版本或无对应栏目）";
  var NOTES = "核对提示";
  var COMMENT = "评语";
  var PROBLEMS = "问题文件";
  var META = "_coursekit";

  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  /** The answer columns of a worksheet ({header, get(answers)}), as each field type lays them out (columns.py;
   * CK.fields.kinds in ck-fieldkinds.js). `maxCols` bounds how many a table may add (Excel has 16,384
   * columns); rows cut are reported in `cut`. */
  function columns(spec, subs, maxCols, cut) {
    var out = [], fields = spec.fields || [];
    // columns each field needs whatever the answers (a blank-row table's rows depend on them: 0 here)
    var fixed = fields.map(function (f) { return CK.fields.kind(f) ? CK.fields.kind(f).width(f) : 0; });
    fields.forEach(function (f, at) {
      var k = CK.fields.kind(f);
      if (!k) return;
      var later = fixed.slice(at + 1).reduce(function (a, b) { return a + b; }, 0);
      out = out.concat(k.columns(f, { subs: subs, cut: cut, room: function () { return maxCols - out.length - later; } }));
    });
    return out;
  }

  /** Any stored value as readable text (columns.py _as_text). */
  function asText(v) {
    if (typeof v === "string") return v;
    if (Array.isArray(v)) return v.map(function (x) { return Array.isArray(x) ? x.map(str).join(" | ") : asText(x); }).join("\n");
    if (isObj(v)) return Object.keys(v).map(function (k) { return k + "：" + asText(v[k]); }).join("；");
    return v === null || v === undefined ? "" : str(v);
  }
  function str(v) {
    if (v === true) return "True";
    if (v === false) return "False";
    if (v === null || v === undefined) return "None";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  /** Does a stored answer fit the field's current shape completely? (each type's fits in columns.py) */
  function fits(f, v) { return Boolean(CK.fields.kind(f) && CK.fields.kind(f).fits(f, v)); }

  /** Answers with no column and 旧版本答案, as text (columns.py leftovers). */
  function leftovers(spec, sub) {
    var fields = {};
    (spec.fields || []).forEach(function (f) { fields[f.id] = f; });
    var lines = [];
    Object.keys(sub.answers).forEach(function (fid) {
      var f = Object.prototype.hasOwnProperty.call(fields, fid) ? fields[fid] : null;
      if (!f || !fits(f, sub.answers[fid])) lines.push(fid + "：" + asText(sub.answers[fid]));
    });
    (Array.isArray(sub.old) ? sub.old : []).forEach(function (o) {
      o = isObj(o) ? o : {};
      lines.push((o.label || o.field || "?") + "（旧版本）：" + asText(o.value));
    });
    return lines.join("\n") || null;
  }

  /** A save time as local "YYYY-MM-DD HH:MM"; what was stored when it is not an ISO time. */
  function when(saved) {
    var s = typeof saved === "string" ? saved : "";
    var d = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) ? new Date(s) : null;
    if (!d || isNaN(d.getTime())) return s;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + " " + two(d.getHours()) + ":" + two(d.getMinutes());
  }

  /** Rows by class, then number (numerically when a number), then name (gradebook.py _sort_key). */
  function byStudent(a, b) {
    function key(s) { return [s.cls, /^[0-9]+$/.test(s.number) ? Number(s.number) : 1e12, s.number, s.name]; }
    var x = key(a), y = key(b);
    for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  }

  function head(v) { return { v: v, bold: true, fill: true, wrap: true }; }
  function wrap(v) { return v === null || v === undefined ? null : { v: v, wrap: true }; }
  function formula(f) { return { v: f, t: "f" }; }
  function ref(sheet, row, col) { return "'" + sheet.replace(/'/g, "''") + "'!" + CK.xlsx.letter(col) + row; }

  /** One worksheet's sheet; returns its rows by identity key and the column of its total. */
  function worksheetSheet(spec, subs, name, grades) {
    var rubric = spec.rubric && spec.rubric.criteria && spec.rubric.criteria.length ? spec.rubric : null;
    var criteria = rubric ? rubric.criteria : [];
    var fixed = IDENTITY.length + 2 + criteria.length + (rubric ? 1 : 0) + 1;
    var cut = {};
    var cols = columns(spec, subs, CK.xlsx.MAX_COLS - fixed, cut);
    var headers = IDENTITY.concat(cols.map(function (c) { return c.header; }), [OTHER, NOTES],
      criteria.map(function (c) { return c.name + "（满分 " + c.points + "）"; }));
    var widths = [12, 10, 10, 17, 24].concat(cols.map(function () { return 24; }), [24, 24], criteria.map(function () { return 12; }));
    if (rubric) { headers.push("总分（满分 " + rubric.total + "）"); widths.push(12); }
    headers.push(COMMENT); widths.push(30);
    var firstScore = IDENTITY.length + cols.length + 3;
    var rows = [headers.map(head)], at = {};
    subs.forEach(function (sub, i) {
      var r = i + 2, s = sub.shown, key = CK.ident.key(sub.student);
      var notes = (Array.isArray(sub.notes) ? sub.notes : []).map(String);
      Object.keys(cut).forEach(function (fid) {
        var a = sub.answers[fid];
        if (Array.isArray(a) && a.length > cut[fid].kept) {
          notes.push("表格“" + cut[fid].label + "”共 " + a.length + " 行，超出 Excel 的列数上限，只列出前 " + cut[fid].kept + " 行，完整内容见原文件");
        }
      });
      var row = [s.cls, s.number, s.name, when(sub.saved), sub.file || ""].concat(
        cols.map(function (c) { return c.get(sub.answers); }), [leftovers(spec, sub), notes.join("\n") || null]).map(wrap);
      var g = grades[spec.id + "\u0000" + key] || {};
      var scores = isObj(g.scores) ? g.scores : {};
      criteria.forEach(function (c, k) {
        var n = scores[String(k)];
        row.push(typeof n === "number" && isFinite(n) ? n : null);
      });
      if (rubric) {
        var span = CK.xlsx.letter(firstScore) + r + ":" + CK.xlsx.letter(firstScore + criteria.length - 1) + r;
        row.push(formula('IF(COUNT(' + span + ')=0,"",SUM(' + span + '))'));
      }
      row.push(wrap(typeof g.comment === "string" && g.comment !== "" ? g.comment : null));
      rows.push(row);
      at[key] = r;
    });
    var validations = criteria.map(function (c, k) {
      var l = CK.xlsx.letter(firstScore + k);
      return { sqref: l + "2:" + l + Math.max(subs.length + 1, 2), min: 0, max: c.points,
        title: c.name, error: "请输入 0～" + c.points + " 的整数" };
    });
    return { sheet: { name: name, rows: rows, widths: widths, freeze: "D2", validations: validations, landscape: true },
      at: at, total: rubric ? firstScore + criteria.length : null };
  }

  /** One class: a row per student (handed in, or on the class list), a column per worksheet. */
  function summarySheet(cls, name, order, bySheet, placed, roster) {
    var students = {}, list = [];
    function add(key, shown) { if (!students[key]) { students[key] = shown; list.push(shown); } }
    order.forEach(function (spec) {
      bySheet[spec.id].forEach(function (sub) { if (sub.shown.cls === cls) add(CK.ident.key(sub.student), sub.shown); });
    });
    roster.forEach(function (p) { if (p.shown.cls === cls) add(p.key, p.shown); });
    var graded = order.some(function (spec) { return placed[spec.id].total !== null; });
    var headers = ["学号", "姓名"].concat(order.map(function (s) { return ((s.label || "") + " " + s.title).trim(); }), ["已交份数"]);
    var widths = [10, 10].concat(order.map(function () { return 16; }), [10]);
    if (graded) { headers.push("总分合计"); widths.push(10); }
    var rows = [headers.map(head)];
    list.slice().sort(function (a, b) {
      var x = /^[0-9]+$/.test(a.number) ? Number(a.number) : 1e12, y = /^[0-9]+$/.test(b.number) ? Number(b.number) : 1e12;
      return x !== y ? x - y : a.number !== b.number ? (a.number < b.number ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    }).forEach(function (s) {
      var key = CK.ident.key({ "class": s.cls, number: s.number, name: s.name }), handed = 0;
      var row = [s.number, s.name], totals = [];
      order.forEach(function (spec) {
        var p = placed[spec.id], at = p.at[key];
        if (at === undefined) { row.push("未交"); return; }
        handed += 1;
        if (p.total === null) row.push("已交");
        else { var c = ref(p.name, at, p.total); totals.push(c); row.push(formula("IF(" + c + '="","已交",' + c + ")")); }
      });
      row.push(handed);
      // the worksheet totals themselves, as workbook.py writes it
      if (graded) row.push(formula(totals.length ? "SUM(" + totals.join(",") + ")" : "0"));
      rows.push(row);
    });
    return { name: name, rows: rows, widths: widths, freeze: "C2" };
  }

  /** The whole gradebook as .xlsx bytes. */
  function build(model) {
    var id = CK.ident, taken = {};
    var order = (model.worksheets || []).filter(isObj);
    var bySheet = {};
    order.forEach(function (spec) { bySheet[spec.id] = []; });
    (model.submissions || []).forEach(function (sub) {
      if (!isObj(sub) || !bySheet[sub.worksheet]) return;
      var st = isObj(sub.student) ? sub.student : {};
      bySheet[sub.worksheet].push({ worksheet: sub.worksheet, student: st, answers: isObj(sub.answers) ? sub.answers : {},
        old: sub.old, saved: sub.saved, file: sub.file, notes: sub.notes,
        shown: { cls: id.cls(st["class"]), number: id.number(st.number), name: id.name(st.name) } });
    });
    order.forEach(function (spec) {
      bySheet[spec.id].sort(function (a, b) { return byStudent(a.shown, b.shown); });
    });
    order = order.filter(function (spec) { return bySheet[spec.id].length; });
    var roster = (model.roster || []).filter(isObj).map(function (p) {
      return { key: id.key(p), shown: { cls: id.cls(p["class"]), number: id.number(p.number), name: id.name(p.name) } };
    });
    var classes = {};
    order.forEach(function (spec) { bySheet[spec.id].forEach(function (s) { classes[s.shown.cls] = true; }); });
    roster.forEach(function (p) { classes[p.shown.cls] = true; });
    var clsList = Object.keys(classes).sort();
    var summaryNames = clsList.map(function (c) { return CK.xlsx.uniqueName("汇总 " + (c || "未填班级"), taken); });
    var placed = {}, sheets = [];
    order.forEach(function (spec) {
      var name = CK.xlsx.uniqueName(spec.label ? spec.label + " " + spec.title : spec.title, taken);
      var w = worksheetSheet(spec, bySheet[spec.id], name, isObj(model.grades) ? model.grades : {});
      placed[spec.id] = { name: name, at: w.at, total: w.total };
      sheets.push(w.sheet);
    });
    var summaries = clsList.map(function (c, i) { return summarySheet(c, summaryNames[i], order, bySheet, placed, roster); });
    var problems = [["文件", "说明"].map(head)].concat((model.problems || []).map(function (p) {
      return [wrap(str(p && p[0] !== undefined ? p[0] : "")), wrap(str(p && p[1] !== undefined ? p[1] : ""))];
    }));
    var problemName = CK.xlsx.uniqueName(PROBLEMS, taken);
    var metaName = CK.xlsx.uniqueName(META, taken);
    var meta = order.map(function (spec) { return [placed[spec.id].name, spec.id]; });
    return CK.xlsx.build({ sheets: summaries.concat(sheets, [
      { name: problemName, rows: problems, widths: [40, 90], freeze: "A2" },
      { name: metaName, rows: meta, hidden: true }]) });
  }

  CK.gradebook = { build: build, columns: columns, leftovers: leftovers, when: when };
})(window);
