/* Answers as plain text: for 复制为文本 (pasting into WeChat) and for showing 旧版本答案. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};

  /** Any stored value as readable text (used for answers whose field is gone). */
  function value(v) {
    if (v === undefined || v === null) return "";
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) {
      return v.map(function (x) { return Array.isArray(x) ? x.join(" | ") : value(x); }).join("\n");
    }
    return Object.keys(v).map(function (k) { return k + "：" + value(v[k]); }).join("\n");
  }

  /** One field's answer as text lines (no label). */
  function field(f, v) {
    if (f.kind === "text" || f.kind === "textarea") return v || "";
    if (f.kind === "table") {
      return (v || []).map(function (row, i) {
        var head = f.rowLabels.length ? f.rowLabels[i] + "：" : (i + 1) + ". ";
        return head + f.columns.map(function (c) { return c + "：" + CK.fields.cell(row, c); }).join("；");
      }).join("\n");
    }
    if (f.kind === "matrix") {
      return f.cells.map(function (c) { return c.label + "：" + ((v || {})[c.id] || ""); }).join("\n");
    }
    if (f.kind === "checklist") {
      return f.items.map(function (item) { return ((v || []).indexOf(item) >= 0 ? "☑ " : "☐ ") + item; }).join("\n");
    }
    if (f.kind === "rating") {
      return f.items.map(function (item) {
        var n = (v || {})[item];
        return item + "：" + (n === undefined ? "未评" : n + " 分") + "（" + f.scale[0] + "～" + f.scale[f.scale.length - 1] + "）";
      }).join("\n");
    }
    return value(v);
  }

  /** A whole worksheet as text: title, student, then each section and field. */
  function worksheet(meta, fields, record, student) {
    var out = [meta.title, "姓名：" + student.name + "　班级：" + student["class"] + "　学号：" + student.number];
    var section = null;
    fields.forEach(function (f) {
      if (f.section && f.section !== section) { section = f.section; out.push("", "【" + section + "】"); }
      out.push(f.label + "：", field(f, record.answers[f.id]));
    });
    (record.old || []).forEach(function (o, i) {
      if (i === 0) out.push("", "【旧版本答案】");
      out.push(o.label + "：", value(o.value));
    });
    return out.join("\n");
  }

  CK.text = { value: value, field: field, worksheet: worksheet };
})(window);
