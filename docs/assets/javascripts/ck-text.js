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

  /** One field's answer as text lines (no label), as its type writes it (ck-fieldkinds.js). */
  function field(f, v) {
    var k = CK.fields.kind(f);
    return k ? k.text(f, v) : value(v);
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
