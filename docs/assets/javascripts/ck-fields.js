/* Worksheet fields: read each field's schema from the static blank form and turn it into controls in place.
 *
 * Answer shapes, by kind: text / textarea → string; table → rows of {column header: cell string} (keyed by
 * column, so a column removed from the YAML leaves the others under their own headers; old positional rows
 * are migrated in coerce); matrix → {cell id: string};
 * checklist → list of ticked item texts; rating → {item: score}. The blank form stays in the page (hidden on
 * screen) for printing a blank copy. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};

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

  /** The schema of one field, read from its blank form (before enhancement). */
  function fieldSchema(el) {
    var f = { id: el.getAttribute("data-field"), kind: el.getAttribute("data-kind"),
      label: text(el.querySelector(".ck-field-label")), section: text(el.closest("fieldset") &&
        el.closest("fieldset").querySelector("legend")), el: el };
    var heads = Array.prototype.map.call(el.querySelectorAll("thead th"), text);
    var rowHeads = Array.prototype.map.call(el.querySelectorAll("tbody th[scope=row]"), text);
    if (f.kind === "table") {
      f.rowLabels = rowHeads;
      f.columns = rowHeads.length ? heads.slice(1) : heads;
      f.rows = rowHeads.length || el.querySelectorAll("tbody tr").length;
    } else if (f.kind === "matrix") {
      f.rowHeads = rowHeads;
      f.colHeads = heads.slice(1);
      f.cells = Array.prototype.map.call(el.querySelectorAll("td[data-cell]"), function (td) {
        return { id: td.getAttribute("data-cell"), label: text(td.querySelector(".ck-quadrant")) };
      });
    } else if (f.kind === "checklist") {
      f.items = Array.prototype.map.call(el.querySelectorAll("li"), function (li) {
        return text(li).replace(/^☐\s*/, "");
      });
    } else if (f.kind === "rating") {
      f.items = rowHeads;
      f.scale = heads.slice(1).map(Number);
    } else if (f.kind === "textarea") {
      var box = el.querySelector(".ck-blank-box");
      f.lines = parseInt(box && box.style.getPropertyValue("--lines"), 10) || 4;
    }
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
    var rest;
    if (v === undefined || v === null) return {};
    if (f.kind === "text" || f.kind === "textarea") return typeof v === "string" ? { value: v } : { rest: v };
    if (f.kind === "table") {
      if (!Array.isArray(v)) return { rest: v };
      var extra = [];
      var rows = v.map(function (row, i) {
        var r = keyRow(f, row, heads);
        var name = f.rowLabels.length ? f.rowLabels[i] : "第 " + (i + 1) + " 行";
        if (f.rowLabels.length && i >= f.rowLabels.length) extra.push(row);
        else if (r.rest !== undefined && !empty(r.rest)) extra.push(isObj(r.rest) ? Object.assign({ "行": name }, r.rest) : r.rest);
        return r.value;
      });
      if (f.rowLabels.length) rows = rows.slice(0, f.rowLabels.length);
      return extra.length ? { value: rows, rest: extra } : { value: rows };
    }
    if (f.kind === "matrix" || f.kind === "rating") {
      if (!isObj(v)) return { rest: v };
      var keys = f.kind === "matrix" ? f.cells.map(function (c) { return c.id; }) : f.items;
      var value = {};
      Object.keys(v).forEach(function (k) {
        var ok = keys.indexOf(k) >= 0 && (f.kind === "matrix" ? typeof v[k] === "string"
          : v[k] >= f.scale[0] && v[k] <= f.scale[f.scale.length - 1]);
        if (ok) value[k] = v[k]; else { rest = rest || {}; rest[k] = v[k]; }
      });
      return { value: value, rest: rest };
    }
    if (f.kind === "checklist") {
      if (!Array.isArray(v)) return { rest: v };
      var gone = v.filter(function (item) { return f.items.indexOf(item) < 0; });
      return { value: v.filter(function (item) { return f.items.indexOf(item) >= 0; }),
        rest: gone.length ? gone : undefined };
    }
    return { rest: v };
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

  /** One row of controls for a blank-row table (new rows are added at the end). */
  function tableRow(f, tr, index) {
    var cells = tr.querySelectorAll("td:not(.ck-row-tools)");
    var ctls = [];
    f.columns.forEach(function (col, c) {
      var label = f.label + " " + (f.rowLabels.length ? f.rowLabels[index] : "第 " + (index + 1) + " 行") + " " + col;
      var td = cells[c];
      var mobile = h("span", { className: "ck-cell-label", "aria-hidden": "true", text: col });
      td.insertBefore(mobile, td.firstChild);
      ctls.push(textControl(td, true, { rows: "1", "aria-label": label }));
    });
    if (!f.rowLabels.length) {
      var del = h("button", { type: "button", className: "ck-btn ck-btn-small", "data-act": "row-del",
        "aria-label": "删除" + f.label + "第 " + (index + 1) + " 行", text: "删除" });
      tr.appendChild(h("td", { className: "ck-row-tools" }, [del]));
    }
    return ctls;
  }

  /** Controls for one field; returns a controller {f, get(), set(value)}. */
  function enhanceField(f, wsId) {
    var el = f.el, labelId = el.querySelector(".ck-field-label").id;
    var blank = el.querySelector(".ck-blank");
    var ctl, rows;
    if (f.kind === "text" || f.kind === "textarea") {
      ctl = textControl(el, f.kind === "textarea", f.kind === "textarea"
        ? { rows: String(f.lines), "aria-labelledby": labelId } : { "aria-labelledby": labelId }, blank);
      return { f: f, get: function () { return ctl.value; }, set: function (v) { setText(ctl, v); } };
    }
    if (f.kind === "table") {
      var table = el.querySelector("table"), tbody = table.querySelector("tbody");
      var wrap = h("div", { className: "ck-table-scroll" });
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
      if (!f.rowLabels.length) table.querySelector("thead tr").appendChild(
        h("th", { scope: "col", className: "ck-row-tools" }, [h("span", { className: "ck-sr", text: "操作" })]));
      rows = Array.prototype.map.call(tbody.querySelectorAll("tr"), function (tr, i) { return tableRow(f, tr, i); });
      var template = tbody.querySelector("tr").cloneNode(true);
      var addRow = function () {
        var tr = template.cloneNode(true);
        Array.prototype.forEach.call(tr.querySelectorAll("td"), function (td) {
          if (td.classList.contains("ck-row-tools")) tr.removeChild(td); else td.textContent = "";
        });
        tr.className = "ck-added";
        tbody.appendChild(tr);
        rows.push(tableRow(f, tr, rows.length));
      };
      var relabel = function () {
        Array.prototype.forEach.call(tbody.querySelectorAll("tr"), function (tr, i) {
          rows[i].forEach(function (c, j) { c.setAttribute("aria-label", f.label + " 第 " + (i + 1) + " 行 " + f.columns[j]); });
          var b = tr.querySelector("[data-act=row-del]");
          if (b) b.setAttribute("aria-label", "删除" + f.label + "第 " + (i + 1) + " 行");
        });
      };
      if (!f.rowLabels.length) {
        el.appendChild(h("button", { type: "button", className: "ck-btn ck-btn-small", "data-act": "row-add",
          text: "＋ 添加一行", "aria-label": f.label + "：添加一行" }));
        el.addEventListener("click", function (e) {
          var b = e.target.closest("button");
          if (!b || !el.contains(b)) return;
          if (b.getAttribute("data-act") === "row-add") {
            addRow();
            rows[rows.length - 1][0].focus();
          } else if (b.getAttribute("data-act") === "row-del") {
            var tr = b.closest("tr"), i = Array.prototype.indexOf.call(tbody.children, tr);
            var filled = rows[i].some(function (c) { return c.value; });
            if (filled && !root.confirm("删除这一行？行里填写的内容也会删掉。")) return;
            if (rows.length === 1) { rows[0].forEach(function (c) { setText(c, ""); }); }
            else { tbody.removeChild(tr); rows.splice(i, 1); relabel(); }
          } else return;
          el.dispatchEvent(new Event("input", { bubbles: true }));
        });
      }
      return { f: f, get: function () {
        return rows.map(function (r) {
          var o = {};
          r.forEach(function (c, j) { o[f.columns[j]] = c.value; });
          return o;
        });
      }, set: function (v) {
        v = v || [];
        while (!f.rowLabels.length && rows.length < v.length) addRow();
        rows.forEach(function (r, i) { r.forEach(function (c, j) { setText(c, cellOf(v[i], f.columns[j])); }); });
      } };
    }
    if (f.kind === "matrix") {
      var cells = {};
      f.cells.forEach(function (cell) {
        var td = el.querySelector('td[data-cell="' + cell.id + '"]');
        cells[cell.id] = textControl(td, true, { rows: "4", "aria-label": f.label + " " + cell.label });
      });
      return { f: f, get: function () {
        var v = {};
        Object.keys(cells).forEach(function (k) { if (cells[k].value) v[k] = cells[k].value; });
        return v;
      }, set: function (v) { Object.keys(cells).forEach(function (k) { setText(cells[k], (v || {})[k]); }); } };
    }
    if (f.kind === "checklist") {
      var boxes = Array.prototype.map.call(el.querySelectorAll("li"), function (li, i) {
        var id = wsId + "--" + f.id + "--" + i;
        li.textContent = "";
        var box = h("input", { type: "checkbox", id: id, className: "ck-ctl" });
        li.appendChild(box);
        li.appendChild(h("label", { "for": id, text: f.items[i] }));
        return box;
      });
      return { f: f, get: function () {
        return f.items.filter(function (item, i) { return boxes[i].checked; });
      }, set: function (v) { boxes.forEach(function (b, i) { b.checked = (v || []).indexOf(f.items[i]) >= 0; }); } };
    }
    if (f.kind === "rating") {
      var radios = Array.prototype.map.call(el.querySelectorAll("tbody tr"), function (tr, i) {
        var th = tr.querySelector("th");
        th.id = th.id || wsId + "--" + f.id + "--r" + i;
        tr.setAttribute("role", "radiogroup");
        tr.setAttribute("aria-labelledby", th.id);
        return Array.prototype.map.call(tr.querySelectorAll("td"), function (td, j) {
          td.textContent = "";
          var r = h("input", { type: "radio", name: wsId + "--" + f.id + "--" + i, value: String(f.scale[j]),
            className: "ck-ctl", "aria-label": f.items[i] + "：" + f.scale[j] + " 分" });
          td.appendChild(r);
          return r;
        });
      });
      return { f: f, get: function () {
        var v = {};
        radios.forEach(function (row, i) { row.forEach(function (r) { if (r.checked) v[f.items[i]] = Number(r.value); }); });
        return v;
      }, set: function (v) {
        radios.forEach(function (row, i) { row.forEach(function (r) { r.checked = (v || {})[f.items[i]] === Number(r.value); }); });
      } };
    }
    return null;
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

  /** Is an answer worth saving? Anything typed, ticked or rated, or a table whose rows were added or removed. */
  function keep(f, v) { return !empty(v) || (f.kind === "table" && Array.isArray(v) && v.length !== f.rows); }

  CK.fields = { schema: schema, coerce: coerce, cell: cellOf, enhance: enhanceField, empty: empty, keep: keep, h: h, text: text };
})(window);
