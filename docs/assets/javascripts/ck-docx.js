/* A filled-in worksheet as a Word file (.docx), built in the browser; loaded only when 下载 Word is clicked.
 *
 * The visible document is a plain A4 page: title, student, then each field's label and answer as its type
 * writes it (CK.fields.kinds, ck-fieldkinds.js: tables for table, SWOT and rating fields). The exact answers also travel inside the file as a custom XML part,
 * customXml/item1.xml = <ck:submission> holding the submission as JSON, which `coursekit collect` reads
 * back. The zip container is written by the vendored fflate (assets/vendor/fflate/). */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var NS = "urn:coursekit:submission:1";
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  var HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  var PAGE_WIDTH = 9638;  // A4 text width in twentieths of a point (210 mm less 2 × 20 mm margins)

  /** Text made safe for XML: no characters XML 1.0 forbids, markup characters escaped. */
  function esc(s) {
    return String(s === undefined || s === null ? "" : s)
      .replace(/([\uD800-\uDBFF][\uDC00-\uDFFF])|[\uD800-\uDFFF]/g, function (m, pair) { return pair || "\uFFFD"; })
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /** A run of text; newlines become line breaks and tabs become tabs, so the paragraph reads back the same. */
  function run(text, bold, size) {
    var props = (bold ? "<w:b/>" : "") + (size ? '<w:sz w:val="' + size + '"/><w:szCs w:val="' + size + '"/>' : "");
    var parts = String(text || "").replace(/\r\n?/g, "\n").split(/(\n|\t)/);
    var body = parts.map(function (p) {
      if (p === "\n") return "<w:br/>";
      if (p === "\t") return "<w:tab/>";
      return p ? '<w:t xml:space="preserve">' + esc(p) + "</w:t>" : "";
    }).join("");
    return "<w:r>" + (props ? "<w:rPr>" + props + "</w:rPr>" : "") + body + "</w:r>";
  }

  /** A paragraph in a style, made of runs. */
  function para(style, runs) {
    return '<w:p><w:pPr><w:pStyle w:val="' + style + '"/></w:pPr>' + runs + "</w:p>";
  }

  /** A table; `rows` are lists of cells, each cell a string of paragraphs; the first row is a header. */
  function table(rows) {
    var n = rows[0].length, width = Math.floor(PAGE_WIDTH / n);
    var border = ["top", "left", "bottom", "right", "insideH", "insideV"].map(function (b) {
      return "<w:" + b + ' w:val="single" w:sz="4" w:space="0" w:color="808080"/>';
    }).join("");
    var grid = rows[0].map(function () { return '<w:gridCol w:w="' + width + '"/>'; }).join("");
    var body = rows.map(function (cells, r) {
      return "<w:tr>" + (r === 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells.map(function (c) {
        var shade = r === 0 ? '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' : "";
        return '<w:tc><w:tcPr><w:tcW w:w="' + width + '" w:type="dxa"/>' + shade + "</w:tcPr>" +
          (c || para("CkCell", "")) + "</w:tc>";
      }).join("") + "</w:tr>";
    }).join("");
    return '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>' + border +
      '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' + grid + "</w:tblGrid>" + body + "</w:tbl>";
  }

  /** A table cell holding plain text. */
  function cell(text, bold) { return para("CkCell", run(text, bold)); }

  /** What a field type's docx(f, v, w) writes with (ck-fieldkinds.js). */
  var WRITERS = { para: para, run: run, cell: cell, table: table };

  /** One field: its label, then its answer in the form its type writes. */
  function field(f, v) {
    var k = CK.fields.kind(f);
    return para("CkLabel", run(f.label, true)) + (k ? k.docx(f, v, WRITERS) : para("CkAnswer", run(CK.text.value(v))));
  }

  /** word/document.xml. */
  function documentXml(sub, fields) {
    var s = sub.student, body = [para("CkTitle", run(sub.title, true, 32)),
      para("CkInfo", run("姓名：" + s.name + "　班级：" + s["class"] + "　学号：" + s.number +
        "　日期：" + CK.today()))];
    var section = null;
    fields.forEach(function (f) {
      if (f.section && f.section !== section) { section = f.section; body.push(para("CkHeading", run(section, true, 24))); }
      body.push(field(f, sub.answers[f.id]));
    });
    if (sub.old.length) {
      body.push(para("CkHeading", run("旧版本答案", true, 24)));
      sub.old.forEach(function (o) { body.push(para("CkLabel", run(o.label, true)), para("CkAnswer", run(CK.text.value(o.value)))); });
    }
    body.push(para("CkNote", run("由《社群运营实战课》网站生成 · 工作单 " + sub.worksheet + " · 版本 " + sub.version)));
    return HEAD + '<w:document xmlns:w="' + W + '" xmlns:r="' + R + '"><w:body>' + body.join("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" ' +
      'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>';
  }

  /** word/styles.xml: a CJK font, 五号 text and the few paragraph styles used above. */
  function stylesXml() {
    var style = function (id, name, ppr, rpr) {
      return '<w:style w:type="paragraph" w:styleId="' + id + '"><w:name w:val="' + name + '"/>' +
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>' + ppr + "</w:pPr><w:rPr>" + rpr + "</w:rPr></w:style>";
    };
    return HEAD + '<w:styles xmlns:w="' + W + '"><w:docDefaults><w:rPrDefault><w:rPr>' +
      '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="宋体" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/>' +
      '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>' +
      '<w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
      style("CkTitle", "CK Title", '<w:jc w:val="center"/><w:spacing w:after="120"/>', "<w:b/>") +
      style("CkInfo", "CK Student", '<w:jc w:val="center"/><w:spacing w:after="240"/>', "") +
      style("CkHeading", "CK Section", '<w:keepNext/><w:spacing w:before="240" w:after="80"/>', "<w:b/>") +
      style("CkLabel", "CK Field Label", '<w:keepNext/><w:spacing w:before="120" w:after="40"/>', "<w:b/>") +
      style("CkAnswer", "CK Answer", '<w:ind w:left="240"/>', "") +
      style("CkCell", "CK Cell", '<w:spacing w:after="0"/>', "") +
      style("CkNote", "CK Note", '<w:spacing w:before="360"/>', '<w:color w:val="808080"/><w:sz w:val="16"/>') +
      "</w:styles>";
  }

  /** The submission as JSON inside XML text; JSON escapes control characters, so it reads back exactly. */
  function customXml(sub) {
    var json = JSON.stringify(sub).replace(/[\u007F-\u009F\uFFFE\uFFFF]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
    return HEAD + '<ck:submission xmlns:ck="' + NS + '" format="json">' +
      json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") + "</ck:submission>";
  }

  /** Every part of the package, in the order a zip should hold them. */
  function parts(sub, fields) {
    var created = sub.saved.replace(/\.\d+Z$/, "Z");
    return [
      ["[Content_Types].xml", HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'],
      ["_rels/.rels", HEAD + '<Relationships xmlns="' + PKG + '">' +
        '<Relationship Id="rId1" Type="' + R + '/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>"],
      ["docProps/core.xml", HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>' + esc(sub.title) + "</dc:title><dc:creator>" +
        esc(sub.student.name) + '</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">' + created +
        '</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">' + created + "</dcterms:modified></cp:coreProperties>"],
      ["word/document.xml", documentXml(sub, fields)],
      ["word/styles.xml", stylesXml()],
      ["word/_rels/document.xml.rels", HEAD + '<Relationships xmlns="' + PKG + '">' +
        '<Relationship Id="rId1" Type="' + R + '/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="' + R + '/customXml" Target="../customXml/item1.xml"/></Relationships>'],
      ["customXml/item1.xml", customXml(sub)],
      ["customXml/itemProps1.xml", HEAD + '<ds:datastoreItem ds:itemID="{6D1C3A0E-5B7F-4C1A-9E2D-C0C05E4B1A01}" ' +
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>' +
        '<ds:schemaRef ds:uri="' + NS + '"/></ds:schemaRefs></ds:datastoreItem>'],
      ["customXml/_rels/item1.xml.rels", HEAD + '<Relationships xmlns="' + PKG + '">' +
        '<Relationship Id="rId1" Type="' + R + '/customXmlProps" Target="itemProps1.xml"/></Relationships>']
    ];
  }

  CK.docx = {
    /** The .docx bytes for a submission (see CK.actions.submission) and the worksheet's fields. */
    build: function (sub, fields) {
      var files = {};
      parts(sub, fields).forEach(function (p) { files[p[0]] = root.fflate.strToU8(p[1]); });
      return root.fflate.zipSync(files, { level: 6, mtime: new Date() });
    },
    customXml: customXml
  };
})(window);
