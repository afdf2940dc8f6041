/* Worksheet fields: read each field's schema from the static blank form and turn it into controls in place.
 *
 * Each field type is one object in CK.fields.kinds (ck-fieldkinds.js), keyed by its kind as in
 * coursekit.models.fields; this file holds what every type shares and dispatches to them: schema (read from
 * the blank form of templates/fields/<kind>.html), coerce (fit a stored answer), enhance (controls), keep.
 * The blank form stays in the page (hidden on screen) for printing a blank copy. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var kinds = {};

  /** Trimmed text of an element, or "". */
  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  /** An element with attributes and children. */
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") el.textContent = attrs[k];
      else if (k === "className") el.className = attrs[k];
      else el.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { el.appendChild(c); });
    return el;
  }

  /** The type of a field (or of a field spec), or null for a kind this page does not know. */
  function kind(f) { return Object.prototype.hasOwnProperty.call(kinds, f.kind) ? kinds[f.kind] : null; }

  /** The schema of one field, read from its blank form (before enhancement). */
  function fieldSchema(el) {
    var f = { id: el.getAttribute("data-field"), kind: el.getAttribute("data-kind"),
      label: text(el.querySelector(".ck-field-label")), section: text(el.closest("fieldset") &&
        el.closest("fieldset").querySelector("legend")), el: el };
    var heads = Array.prototype.map.call(el.querySelectorAll("thead th"), text);
    var rowHeads = Array.prototype.map.call(el.querySelectorAll("tbody th[scope=row]"), text);
    if (kind(f)) kind(f).schema(f, el, heads, rowHeads);
    return f;
  }

  /** Every field of a worksheet element, in order. */
  function schema(ws) {
    return Array.prototype.map.call(ws.querySelectorAll(".ck-field[data-field]"), fieldSchema);
  }

  /** Is `v` a plain object? */
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  /** One table row keyed by column: {value, rest}. A positional (old) row is read through `heads` (the header
   * list stored with it), else by position only when its width matches; otherwise it is all `rest`. */
  function keyRow(f, row, heads) {
    var keyed = {}, rest = {}, lost = false;
    if (Array.isArray(row)) {
      var names = heads && heads.length === row.length ? heads : row.length === f.columns.length ? f.columns : null;
      if (!names) return { value: {}, rest: row };
      row.forEach(function (c, j) { keyed[names[j]] = c; });
    } else if (isObj(row)) keyed = row;
    else return { value: {}, rest: row };
    var value = {};
    Object.keys(keyed).forEach(function (k) {
      var c = keyed[k] === null || keyed[k] === undefined ? "" : String(keyed[k]);
      if (f.columns.indexOf(k) >= 0) value[k] = c;
      else if (c) { rest[k] = c; lost = true; }
    });
    return lost ? { value: value, rest: rest } : { value: value };
  }

  /** Fit a stored value to a field: {value, rest}; `rest` is what no longer has a place (kept as 旧版本答案).
   * `heads` is the header list stored with an old positional table answer, if any. */
  function coerce(f, v, heads) {
    if (v === undefined || v === null) return {};
    return kind(f) ? kind(f).coerce(f, v, heads) : { rest: v };
  }

  /** Grow a textarea to fit its text. */
  function autogrow(ta) {
    ta.style.height = "auto";
    ta.style.height = ta.scrollHeight + 2 + "px";
  }

  /** A text control (input or textarea) with its print mirror; returns the control. */
  function textControl(parent, multi, attrs, before) {
    var ctl = h(multi ? "textarea" : "input", attrs);
    if (!multi) ctl.type = "text";
    ctl.className = "ck-ctl";
    var mirror = h("div", { className: "ck-print-text", "aria-hidden": "true" });
    parent.insertBefore(ctl, before || null);
    parent.insertBefore(mirror, before || null);
    ctl.addEventListener("input", function () {
      mirror.textContent = ctl.value;
      if (multi) autogrow(ctl);
    });
    return ctl;
  }

  /** Set a text control's value and its mirror. */
  function setText(ctl, value) {
    ctl.value = value || "";
    ctl.nextSibling.textContent = ctl.value;
    if (ctl.tagName === "TEXTAREA") autogrow(ctl);
  }

  /** Controls for one field; returns a controller {f, get(), set(value)}, or null for an unknown kind. */
  function enhanceField(f, wsId) {
    var el = f.el;
    return kind(f) ? kind(f).enhance(f, el, { wsId: wsId, labelId: el.querySelector(".ck-field-label").id,
      blank: el.querySelector(".ck-blank") }) : null;
  }

  /** A table cell of a stored row, by column header ("" when missing). */
  function cellOf(row, col) { return isObj(row) && typeof row[col] === "string" ? row[col] : ""; }

  /** Is an answer empty (nothing typed, ticked or rated)? */
  function empty(v) {
    if (v === undefined || v === null || v === "") return true;
    if (Array.isArray(v)) return v.every(empty);
    if (isObj(v)) return Object.keys(v).every(function (k) { return empty(v[k]); });
    return false;
  }

  /** Is an answer worth saving? Anything typed, ticked or rated, or what the type keeps when empty
   * (a table whose rows were added or removed). */
  function keep(f, v) { return !empty(v) || Boolean(kind(f) && kind(f).keep && kind(f).keep(f, v)); }

  CK.fields = { kinds: kinds, kind: kind, schema: schema, coerce: coerce, cell: cellOf, enhance: enhanceField,
    empty: empty, keep: keep, h: h, text: text, isObj: isObj, keyRow: keyRow, textControl: textControl,
    setText: setText };
})(window);
