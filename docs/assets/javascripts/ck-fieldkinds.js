/* The worksheet field types in the browser: one object per kind (as coursekit.models.fields), in CK.fields.kinds.
 *
 * Answer shapes: text / textarea → string; table → rows of {column header: cell string} (keyed by column, so
 * a column removed from the YAML leaves the others under their own headers; old positional rows are migrated
 * in coerce); matrix → {cell id: string}; checklist → list of ticked item texts; rating → {item: score}.
 *
 * Each type has: schema(f, el, heads, rowHeads) reads what it needs from its blank form (the field spec of
 * coursekit.collect.spec has the same names); coerce(f, v, heads) → {value, rest}; enhance(f, el, ctx) →
 * controller {f, get(), set(v)}; keep(f, v) (optional) keeps an empty answer; text(f, v) for 复制为文本;
 * docx(f, v, w) the Word XML of the answer (w: ck-docx.js's writers); width(f) and columns(f, ctx) the
 * gradebook's columns and fits(f, v) as collect/columns.py; view(f, v, ui) the answer on 作业汇总, or null
 * when it has the wrong shape; heads(f) (optional) what a submission stores to read old answers. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var F = CK.fields, kinds = F.kinds;
  var CHECKED = "✓";

  function orNull(v) { return typeof v === "string" && v !== "" ? v : null; }
  function isInt(v) { return typeof v === "number" && Number.isInteger(v); }
  /** Python's str() of a stored value (columns.py compares checklist items so). */
  function str(v) {
    if (v === true) return "True";
    if (v === false) return "False";
    if (v === null || v === undefined) return "None";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  /** A table row as {column header: cell}; a positional row only when its width matches (columns.py keyed_row). */
  function keyedRow(row, cols) {
    if (F.isObj(row)) return row;
    if (Array.isArray(row) && row.length === cols.length) {
      var out = {};
      cols.forEach(function (c, i) { out[c] = row[i]; });
      return out;
    }
    return null;
  }
  /** A stored {key: value} answer split into the keys the field has (and `ok` accepts) and the rest. */
  function keyedValues(v, keys, ok) {
    if (!F.isObj(v)) return { rest: v };
    var value = {}, rest;
    Object.keys(v).forEach(function (k) {
      if (keys.indexOf(k) >= 0 && ok(v[k])) value[k] = v[k]; else { rest = rest || {}; rest[k] = v[k]; }
    });
    return { value: value, rest: rest };
  }
  function rowName(f, i) { return f.rowLabels.length ? f.rowLabels[i] : "第 " + (i + 1) + " 行"; }

  function textKind(multi) {
    return {
      schema: function (f, el) {
        if (!multi) return;
        var box = el.querySelector(".ck-blank-box");
        f.lines = parseInt(box && box.style.getPropertyValue("--lines"), 10) || 4;
      },
      coerce: function (f, v) { return typeof v === "string" ? { value: v } : { rest: v }; },
      enhance: function (f, el, ctx) {
        var ctl = F.textControl(el, multi, multi ? { rows: String(f.lines), "aria-labelledby": ctx.labelId }
          : { "aria-labelledby": ctx.labelId }, ctx.blank);
        return { f: f, get: function () { return ctl.value; }, set: function (v) { F.setText(ctl, v); } };
      },
      text: function (f, v) { return v || ""; },
      docx: function (f, v, w) { return w.para("CkAnswer", w.run(v || "")); },
      width: function () { return 1; },
      columns: function (f) { return [{ header: f.label, get: function (a) { return orNull(a[f.id]); } }]; },
      fits: function (f, v) { return typeof v === "string"; },
      view: function () { return null; }
    };
  }
  kinds.text = textKind(false);
  kinds.textarea = textKind(true);

  /** One row of controls for a table (new rows are added at the end). */
  function tableRow(f, tr, index) {
    var cells = tr.querySelectorAll("td:not(.ck-row-tools)");
    var ctls = [];
    f.columns.forEach(function (col, c) {
      var td = cells[c];
      td.insertBefore(F.h("span", { className: "ck-cell-label", "aria-hidden": "true", text: col }), td.firstChild);
      ctls.push(F.textControl(td, true, { rows: "1", "aria-label": f.label + " " + rowName(f, index) + " " + col }));
    });
    if (!f.rowLabels.length) {
      var del = F.h("button", { type: "button", className: "ck-btn ck-btn-small", "data-act": "row-del",
        "aria-label": "删除" + f.label + "第 " + (index + 1) + " 行", text: "删除" });
      tr.appendChild(F.h("td", { className: "ck-row-tools" }, [del]));
    }
    return ctls;
  }

  kinds.table = {
    schema: function (f, el, heads, rowHeads) {
      f.rowLabels = rowHeads;
      f.columns = rowHeads.length ? heads.slice(1) : heads;
      f.rows = rowHeads.length || el.querySelectorAll("tbody tr").length;
    },
    coerce: function (f, v, heads) {
      if (!Array.isArray(v)) return { rest: v };
      var extra = [];
      var rows = v.map(function (row, i) {
        var r = F.keyRow(f, row, heads);
        if (f.rowLabels.length && i >= f.rowLabels.length) extra.push(row);
        else if (r.rest !== undefined && !F.empty(r.rest)) extra.push(F.isObj(r.rest) ? Object.assign({ "行": rowName(f, i) }, r.rest) : r.rest);
        return r.value;
      });
      if (f.rowLabels.length) rows = rows.slice(0, f.rowLabels.length);
      return extra.length ? { value: rows, rest: extra } : { value: rows };
    },
    enhance: function (f, el) {
      var table = el.querySelector("table"), tbody = table.querySelector("tbody");
      var wrap = F.h("div", { className: "ck-table-scroll" });
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
      if (!f.rowLabels.length) table.querySelector("thead tr").appendChild(
        F.h("th", { scope: "col", className: "ck-row-tools" }, [F.h("span", { className: "ck-sr", text: "操作" })]));
      var rows = Array.prototype.map.call(tbody.querySelectorAll("tr"), function (tr, i) { return tableRow(f, tr, i); });
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
        el.appendChild(F.h("button", { type: "button", className: "ck-btn ck-btn-small", "data-act": "row-add",
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
            if (rows.length === 1) { rows[0].forEach(function (c) { F.setText(c, ""); }); }
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
        rows.forEach(function (r, i) { r.forEach(function (c, j) { F.setText(c, F.cell(v[i], f.columns[j])); }); });
      } };
    },
    keep: function (f, v) { return Array.isArray(v) && v.length !== f.rows; },
    heads: function (f) { return f.columns.slice(); },
    text: function (f, v) {
      return (v || []).map(function (row, i) {
        var head = f.rowLabels.length ? f.rowLabels[i] + "：" : (i + 1) + ". ";
        return head + f.columns.map(function (c) { return c + "：" + F.cell(row, c); }).join("；");
      }).join("\n");
    },
    docx: function (f, v, w) {
      var rows = (v && v.length ? v : [{}]);
      if (f.rowLabels.length) rows = f.rowLabels.map(function (l, i) { return (v || [])[i] || {}; });
      var head = (f.rowLabels.length ? [""] : []).concat(f.columns).map(function (c) { return w.cell(c, true); });
      return w.table([head].concat(rows.map(function (row, i) {
        var cells = f.columns.map(function (c) { return w.cell(F.cell(row, c)); });
        return f.rowLabels.length ? [w.cell(f.rowLabels[i], true)].concat(cells) : cells;
      }))) + w.para("CkCell", "");
    },
    width: function (f) { return (f.rowLabels || []).length * (f.columns || []).length; },
    // ctx: {subs, room() → cells left for this field, cut: {field id: {label, kept}} for rows left out}
    columns: function (f, ctx) {
      var fid = f.id, cols = f.columns || [], labels = (f.rowLabels || []).slice(), out = [];
      if (!labels.length) {
        var used = ctx.subs.reduce(function (n, s) { return Array.isArray(s.answers[fid]) ? Math.max(n, s.answers[fid].length) : n; }, 0);
        var n = Math.max(f.rows || 0, used);
        var room = cols.length ? Math.max(0, Math.floor(ctx.room() / cols.length)) : n;
        if (n > room) { ctx.cut[fid] = { label: f.label, kept: room }; n = room; }
        for (var i = 0; i < n; i++) labels.push("第" + (i + 1) + "行");
      }
      labels.forEach(function (row, r) {
        cols.forEach(function (col) {
          out.push({ header: f.label + "·" + row + "·" + col, get: function (a) {
            var rows = a[fid];
            if (!Array.isArray(rows) || r >= rows.length) return null;
            var k = keyedRow(rows[r], cols);
            return k ? orNull(k[col]) : null;
          } });
        });
      });
      return out;
    },
    fits: function (f, v) {
      var cols = f.columns || [], labels = f.rowLabels || [];
      if (!Array.isArray(v) || (labels.length && v.length > labels.length)) return false;
      return v.every(function (row) {
        var k = keyedRow(row, cols);
        return k !== null && Object.keys(k).every(function (c) { return cols.indexOf(c) >= 0 || !orNull(k[c]); });
      });
    },
    view: function (f, v, ui) {
      if (!Array.isArray(v)) return null;
      var h = ui.h, cols = f.columns || [], labels = f.rowLabels || [];
      var head = h("tr", {}, (labels.length ? [h("th", { scope: "col", text: "" })] : []).concat(cols.map(function (c) { return h("th", { scope: "col", text: c }); })));
      var body = v.map(function (row, i) {
        var cells = cols.map(function (c, j) { return h("td", { text: ui.cellText(Array.isArray(row) ? row[j] : row && row[c]) }); });
        return h("tr", {}, (labels.length ? [h("th", { scope: "row", text: labels[i] || "" })] : []).concat(cells));
      });
      return h("div", { className: "ck-grade-scroll" }, [h("table", {}, [h("thead", {}, [head]), h("tbody", {}, body)])]);
    }
  };

  kinds.matrix = {
    schema: function (f, el, heads, rowHeads) {
      f.rowHeads = rowHeads;
      f.colHeads = heads.slice(1);
      f.cells = Array.prototype.map.call(el.querySelectorAll("td[data-cell]"), function (td) {
        return { id: td.getAttribute("data-cell"), label: F.text(td.querySelector(".ck-quadrant")) };
      });
    },
    coerce: function (f, v) {
      return keyedValues(v, f.cells.map(function (c) { return c.id; }), function (x) { return typeof x === "string"; });
    },
    enhance: function (f, el) {
      var cells = {};
      f.cells.forEach(function (cell) {
        var td = el.querySelector('td[data-cell="' + cell.id + '"]');
        cells[cell.id] = F.textControl(td, true, { rows: "4", "aria-label": f.label + " " + cell.label });
      });
      return { f: f, get: function () {
        var v = {};
        Object.keys(cells).forEach(function (k) { if (cells[k].value) v[k] = cells[k].value; });
        return v;
      }, set: function (v) { Object.keys(cells).forEach(function (k) { F.setText(cells[k], (v || {})[k]); }); } };
    },
    text: function (f, v) {
      return f.cells.map(function (c) { return c.label + "：" + ((v || {})[c.id] || ""); }).join("\n");
    },
    docx: function (f, v, w) {
      var m = v || {};
      var rows = [[w.cell(""), w.cell(f.colHeads[0], true), w.cell(f.colHeads[1], true)]];
      [0, 1].forEach(function (r) {
        rows.push([w.cell(f.rowHeads[r], true)].concat(f.cells.slice(r * 2, r * 2 + 2).map(function (c) {
          return w.cell(c.label, true) + w.cell(m[c.id] || "");
        })));
      });
      return w.table(rows) + w.para("CkCell", "");
    },
    width: function (f) { return (f.cells || []).length; },
    columns: function (f) {
      return (f.cells || []).map(function (q) {
        return { header: f.label + "·" + q.label, get: function (a) { return F.isObj(a[f.id]) ? orNull(a[f.id][q.id]) : null; } };
      });
    },
    fits: function (f, v) {
      var ids = (f.cells || []).map(function (q) { return q.id; });
      return F.isObj(v) && Object.keys(v).every(function (k) { return ids.indexOf(k) >= 0; });
    },
    view: function (f, v, ui) {
      if (typeof v !== "object") return null;
      return ui.h("dl", {}, (f.cells || []).reduce(function (acc, c) {
        return acc.concat([ui.h("dt", { text: c.label || c.id }), ui.h("dd", { text: ui.cellText(v[c.id]) || "（未填写）" })]);
      }, []));
    }
  };

  /** Gradebook columns, one per item of a checklist or rating; `get(v, item)` reads one. */
  function itemColumns(f, get) {
    return (f.items || []).map(function (item) {
      return { header: f.label + "·" + item, get: function (a) { return get(a[f.id], item); } };
    });
  }

  kinds.checklist = {
    schema: function (f, el) {
      f.items = Array.prototype.map.call(el.querySelectorAll("li"), function (li) {
        return F.text(li).replace(/^☐\s*/, "");
      });
    },
    coerce: function (f, v) {
      if (!Array.isArray(v)) return { rest: v };
      var gone = v.filter(function (item) { return f.items.indexOf(item) < 0; });
      return { value: v.filter(function (item) { return f.items.indexOf(item) >= 0; }),
        rest: gone.length ? gone : undefined };
    },
    enhance: function (f, el, ctx) {
      var boxes = Array.prototype.map.call(el.querySelectorAll("li"), function (li, i) {
        var id = ctx.wsId + "--" + f.id + "--" + i;
        li.textContent = "";
        var box = F.h("input", { type: "checkbox", id: id, className: "ck-ctl" });
        li.appendChild(box);
        li.appendChild(F.h("label", { "for": id, text: f.items[i] }));
        return box;
      });
      return { f: f, get: function () {
        return f.items.filter(function (item, i) { return boxes[i].checked; });
      }, set: function (v) { boxes.forEach(function (b, i) { b.checked = (v || []).indexOf(f.items[i]) >= 0; }); } };
    },
    text: function (f, v) {
      return f.items.map(function (item) { return ((v || []).indexOf(item) >= 0 ? "☑ " : "☐ ") + item; }).join("\n");
    },
    docx: function (f, v, w) {
      return f.items.map(function (item) {
        return w.para("CkAnswer", w.run(((v || []).indexOf(item) >= 0 ? "☑ " : "☐ ") + item));
      }).join("");
    },
    width: function (f) { return (f.items || []).length; },
    columns: function (f) {
      return itemColumns(f, function (v, item) { return Array.isArray(v) && v.indexOf(item) >= 0 ? CHECKED : null; });
    },
    fits: function (f, v) { return Array.isArray(v) && v.every(function (x) { return (f.items || []).indexOf(str(x)) >= 0; }); },
    view: function (f, v, ui) {
      if (!Array.isArray(v)) return null;
      return ui.h("ul", {}, (f.items || []).map(function (it) {
        return ui.h("li", { text: (v.indexOf(it) >= 0 ? "☑ " : "☐ ") + it });
      }).concat(v.filter(function (x) { return (f.items || []).indexOf(x) < 0; }).map(function (x) { return ui.h("li", { text: "☑ " + ui.cellText(x) }); })));
    }
  };

  kinds.rating = {
    schema: function (f, el, heads, rowHeads) {
      f.items = rowHeads;
      f.scale = heads.slice(1).map(Number);
    },
    coerce: function (f, v) {
      return keyedValues(v, f.items, function (n) { return n >= f.scale[0] && n <= f.scale[f.scale.length - 1]; });
    },
    enhance: function (f, el, ctx) {
      var radios = Array.prototype.map.call(el.querySelectorAll("tbody tr"), function (tr, i) {
        var th = tr.querySelector("th");
        th.id = th.id || ctx.wsId + "--" + f.id + "--r" + i;
        tr.setAttribute("role", "radiogroup");
        tr.setAttribute("aria-labelledby", th.id);
        return Array.prototype.map.call(tr.querySelectorAll("td"), function (td, j) {
          td.textContent = "";
          var r = F.h("input", { type: "radio", name: ctx.wsId + "--" + f.id + "--" + i, value: String(f.scale[j]),
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
    },
    text: function (f, v) {
      return f.items.map(function (item) {
        var n = (v || {})[item];
        return item + "：" + (n === undefined ? "未评" : n + " 分") + "（" + f.scale[0] + "～" + f.scale[f.scale.length - 1] + "）";
      }).join("\n");
    },
    docx: function (f, v, w) {
      var hi = f.scale[f.scale.length - 1];
      return w.table([[w.cell("评价项目", true), w.cell("评分（" + f.scale[0] + "～" + hi + "）", true)]]
        .concat(f.items.map(function (item) {
          var n = (v || {})[item];
          return [w.cell(item, true), w.cell(n === undefined ? "未评" : String(n))];
        }))) + w.para("CkCell", "");
    },
    width: function (f) { return (f.items || []).length; },
    columns: function (f) {
      return itemColumns(f, function (v, item) { return F.isObj(v) && isInt(v[item]) ? v[item] : null; });
    },
    fits: function (f, v) {
      var scale = f.scale || [1, 5];
      return F.isObj(v) && Object.keys(v).every(function (k) {
        return (f.items || []).indexOf(k) >= 0 && isInt(v[k]) && v[k] >= scale[0] && v[k] <= scale[1];
      });
    },
    view: function (f, v, ui) {
      if (typeof v !== "object") return null;
      return ui.h("table", {}, [ui.h("tbody", {}, (f.items || []).map(function (it) {
        return ui.h("tr", {}, [ui.h("th", { scope: "row", text: it }), ui.h("td", { text: ui.cellText(v[it]) || "—" })]);
      }))]);
    }
  };
})(window);
