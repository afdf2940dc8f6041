/* A small SpreadsheetML (.xlsx) writer for the browser, on top of the vendored fflate (zipSync).
 *
 * Why our own and not a library: SheetJS on npm (0.18.5) has unfixed advisories; exceljs and
 * xlsx-js-style are large, need Node polyfills (streams, Buffer) in the browser and bring far more than
 * we use. The gradebook needs only shared strings, numbers, our own formulas, three styles, column widths,
 * freeze panes, whole-number data validation and a hidden sheet: a few hundred lines, like ck-docx.js.
 *
 * Safety: a string cell is always a string (never a formula), text starting with = + - @ gets Excel's
 * quote prefix, characters XML forbids and lone surrogates become U+FFFD, a cell is cut at 32,767
 * characters, sheets never exceed Excel's 1,048,576 rows × 16,384 columns, sheet names are made legal.
 *
 * CK.xlsx.build({sheets: [{name, hidden, widths: [..], freeze: "D2", rows: [[cell, ..], ..],
 *   validations: [{sqref, min, max, title, error}], landscape}]}) → Uint8Array.
 * A cell is null, a string, a number, or {v, t: "s" | "n" | "f", bold, fill, wrap}; for "f", v is the
 * formula without the leading "=". */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  var MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  var MAX_CELL = 32767, MAX_ROWS = 1048576, MAX_COLS = 16384;
  var CUT_NOTE = "……（超出 Excel 单元格上限，已截断，完整内容见原文件）";
  var FORMULA_START = /^[=+\-@\t\r]/;

  /** Text with what XML 1.0 forbids replaced by U+FFFD (as openpyxl's ILLEGAL_CHARACTERS_RE does). */
  function clean(s) {
    return String(s === undefined || s === null ? "" : s)
      .replace(/([\uD800-\uDBFF][\uDC00-\uDFFF])|[\uD800-\uDFFF]/g, function (m, pair) { return pair || "\uFFFD"; })
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
  }

  /** Markup characters escaped; "_xHHHH_" escaped too, or Excel would read it as a character code. */
  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "&#13;");
  }

  /** A cell's text: cleaned and cut to Excel's limit (never in the middle of a surrogate pair). */
  function cellText(v) {
    var text = clean(v);
    if (text.length > MAX_CELL) {
      var keep = MAX_CELL - CUT_NOTE.length - 1;
      if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep -= 1;
      text = text.slice(0, keep) + CUT_NOTE;
    }
    return text;
  }

  /** A legal sheet name as coursekit's workbook.py makes it: none of []:*?/\' , 1 to 31 characters. */
  function sheetName(text) {
    var chars = Array.from(clean(text).replace(/[\[\]:*?\/\\'\u0000-\u001F\uFFFD]/g, " ").trim());
    return chars.slice(0, 31).join("") || "Sheet";
  }

  /** A legal name not yet in `taken` (lower-cased names; Excel compares them case-insensitively). */
  function uniqueName(text, taken) {
    var base = sheetName(text), name = base, n = 2;
    while (taken[name.toLowerCase()]) {
      var suffix = "~" + n++;
      name = Array.from(base).slice(0, 31 - suffix.length).join("") + suffix;
    }
    taken[name.toLowerCase()] = true;
    return name;
  }

  /** Column letters of a 1-based index: 1 → A, 27 → AA. */
  function letter(n) {
    var s = "";
    while (n > 0) { var m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); }
    return s;
  }

  /** Styles: one cellXfs entry per combination of bold / fill / wrap / quote prefix. */
  function Styles() { this.keys = ["0000"]; }
  Styles.prototype.id = function (cell, quote) {
    var key = (cell.bold ? "1" : "0") + (cell.fill ? "1" : "0") + (cell.wrap ? "1" : "0") + (quote ? "1" : "0");
    var i = this.keys.indexOf(key);
    if (i < 0) { this.keys.push(key); i = this.keys.length - 1; }
    return i;
  };
  Styles.prototype.xml = function () {
    var xfs = this.keys.map(function (k) {
      var attrs = ' numFmtId="0" fontId="' + k[0] + '" fillId="' + (k[1] === "1" ? 2 : 0) + '" borderId="0" xfId="0"' +
        (k[0] === "1" ? ' applyFont="1"' : "") + (k[1] === "1" ? ' applyFill="1"' : "") +
        (k[3] === "1" ? ' quotePrefix="1"' : "");
      return k[2] === "1" ? "<xf" + attrs + ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : "<xf" + attrs + "/>";
    }).join("");
    return HEAD + '<styleSheet xmlns="' + MAIN + '">' +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFE0F2F1"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="' + this.keys.length + '">' + xfs + "</cellXfs>" +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  };

  /** Shared strings: each distinct text once. */
  function Strings() { this.index = new Map(); this.list = []; this.count = 0; }
  Strings.prototype.id = function (text) {
    this.count += 1;
    var i = this.index.get(text);
    if (i === undefined) { i = this.list.length; this.list.push(text); this.index.set(text, i); }
    return i;
  };
  Strings.prototype.xml = function () {
    var body = this.list.map(function (t) {
      return "<si><t" + (/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : "") + ">" + esc(t) + "</t></si>";
    }).join("");
    return HEAD + '<sst xmlns="' + MAIN + '" count="' + this.count + '" uniqueCount="' + this.list.length + '">' + body + "</sst>";
  };

  /** One cell's XML, or "" for an empty cell. */
  function cellXml(cell, ref, styles, strings) {
    if (cell === null || cell === undefined) return "";
    if (typeof cell !== "object") cell = { v: cell };
    var v = cell.v, t = cell.t || (typeof v === "number" ? "n" : "s");
    if (t === "n") {
      if (typeof v !== "number" || !isFinite(v)) t = "s";
      else return '<c r="' + ref + '"' + sAttr(styles.id(cell, false)) + "><v>" + String(v) + "</v></c>";
    }
    if (t === "f") {
      // our own formulas only; the cached value is left out and Excel recalculates on load
      return '<c r="' + ref + '"' + sAttr(styles.id(cell, false)) + "><f>" + esc(clean(v)) + "</f></c>";
    }
    if (v === null || v === undefined || v === "") return cell.bold || cell.fill ? '<c r="' + ref + '"' + sAttr(styles.id(cell, false)) + "/>" : "";
    var text = cellText(v);
    return '<c r="' + ref + '"' + sAttr(styles.id(cell, FORMULA_START.test(text))) + ' t="s"><v>' + strings.id(text) + "</v></c>";
  }
  function sAttr(id) { return id ? ' s="' + id + '"' : ""; }

  /** One worksheet part. */
  function sheetXml(sheet, styles, strings) {
    var rows = (sheet.rows || []).slice(0, MAX_ROWS);
    var width = 0;
    var body = rows.map(function (row, r) {
      var cells = (row || []).slice(0, MAX_COLS);
      width = Math.max(width, cells.length);
      var xml = cells.map(function (c, i) { return cellXml(c, letter(i + 1) + (r + 1), styles, strings); }).join("");
      return xml ? '<row r="' + (r + 1) + '">' + xml + "</row>" : "";
    }).join("");
    var view = '<sheetView workbookViewId="0"' + (sheet.first ? ' tabSelected="1"' : "") + ">";
    var freeze = /^([A-Z]+)([0-9]+)$/.exec(sheet.freeze || "");
    if (freeze) {
      var col = freeze[1].split("").reduce(function (n, ch) { return n * 26 + ch.charCodeAt(0) - 64; }, 0) - 1;
      var row = Number(freeze[2]) - 1;
      view += "<pane" + (col ? ' xSplit="' + col + '"' : "") + (row ? ' ySplit="' + row + '"' : "") +
        ' topLeftCell="' + sheet.freeze + '" activePane="' + (col && row ? "bottomRight" : row ? "bottomLeft" : "topRight") +
        '" state="frozen"/>';
    }
    view += "</sheetView>";
    var cols = (sheet.widths || []).slice(0, MAX_COLS).map(function (w, i) {
      return w ? '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + w + '" customWidth="1"/>' : "";
    }).join("");
    var dv = (sheet.validations || []).map(function (d) {
      return '<dataValidation type="whole" operator="between" allowBlank="1" showErrorMessage="1"' +
        ' errorTitle="' + esc(cellText(d.title || "").slice(0, 32)) + '" error="' + esc(cellText(d.error || "").slice(0, 255)) +
        '" sqref="' + esc(d.sqref) + '"><formula1>' + Number(d.min) + "</formula1><formula2>" + Number(d.max) +
        "</formula2></dataValidation>";
    }).join("");
    return HEAD + '<worksheet xmlns="' + MAIN + '" xmlns:r="' + R + '">' +
      (sheet.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      '<dimension ref="A1' + (width && rows.length ? ":" + letter(width) + rows.length : "") + '"/>' +
      "<sheetViews>" + view + "</sheetViews>" + '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? "<cols>" + cols + "</cols>" : "") + "<sheetData>" + body + "</sheetData>" +
      (dv ? '<dataValidations count="' + sheet.validations.length + '">' + dv + "</dataValidations>" : "") +
      (sheet.landscape ? '<printOptions gridLines="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : "") + "</worksheet>";
  }

  /** The whole workbook as the bytes of a .xlsx file. */
  function build(book) {
    var fflate = root.fflate;
    var styles = new Styles(), strings = new Strings();
    var taken = {};
    var sheets = book.sheets.map(function (s, i) {
      var name = uniqueName(s.name, taken);
      return { name: name, hidden: !!s.hidden, xml: sheetXml(Object.assign({}, s, { first: i === 0 }), styles, strings) };
    });
    var files = {};
    function put(path, xml) { files[path] = fflate.strToU8(xml); }
    put("[Content_Types].xml", HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map(function (s, i) {
        return '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
      }).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>");
    put("_rels/.rels", HEAD + '<Relationships xmlns="' + PKG + '">' +
      '<Relationship Id="rId1" Type="' + R + '/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="' + R + '/extended-properties" Target="docProps/app.xml"/></Relationships>');
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    put("docProps/core.xml", HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>coursekit</dc:creator>' +
      '<dcterms:created xsi:type="dcterms:W3CDTF">' + now + '</dcterms:created></cp:coreProperties>');
    put("docProps/app.xml", HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      "<Application>coursekit</Application></Properties>");
    put("xl/workbook.xml", HEAD + '<workbook xmlns="' + MAIN + '" xmlns:r="' + R + '"><bookViews><workbookView/></bookViews><sheets>' +
      sheets.map(function (s, i) {
        return '<sheet name="' + esc(s.name) + '" sheetId="' + (i + 1) + '"' + (s.hidden ? ' state="hidden"' : "") +
          ' r:id="rId' + (i + 1) + '"/>';
      }).join("") + '</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
    put("xl/_rels/workbook.xml.rels", HEAD + '<Relationships xmlns="' + PKG + '">' +
      sheets.map(function (s, i) {
        return '<Relationship Id="rId' + (i + 1) + '" Type="' + R + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>';
      }).join("") +
      '<Relationship Id="rId' + (sheets.length + 1) + '" Type="' + R + '/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId' + (sheets.length + 2) + '" Type="' + R + '/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
    sheets.forEach(function (s, i) { put("xl/worksheets/sheet" + (i + 1) + ".xml", s.xml); });
    put("xl/styles.xml", styles.xml());
    put("xl/sharedStrings.xml", strings.xml());
    return fflate.zipSync(files, { level: 6, mtime: new Date() });
  }

  CK.xlsx = { build: build, letter: letter, sheetName: sheetName, uniqueName: uniqueName, cellText: cellText,
    MAX_ROWS: MAX_ROWS, MAX_COLS: MAX_COLS, MAX_CELL: MAX_CELL };
})(window);
