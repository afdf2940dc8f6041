/* 提交码 and student identity, shared by the worksheets (提交, 在浏览器中打开) and 作业汇总.
 *
 * A 提交码 is "CK1." + base64url(raw deflate(UTF-8 JSON of a coursekit-submission)) + "." + CRC-32 of that
 * JSON as 8 hex digits; "." is not in the base64url alphabet, so a code is one token that chat apps do not
 * break, and whitespace inside it is ignored when reading (src/coursekit/collect/README.md, collect/code.py).
 * Compression is the vendored fflate, loaded on demand: call CK.code.ready() first. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var PREFIX = "CK1.";
  var MAX_JSON = 2 * 1024 * 1024;  // a decoded code larger than this is not a worksheet's answers
  var FIND = /CK1\.([A-Za-z0-9_\-\s]+)\.\s*([0-9A-Fa-f]{8})(?![0-9A-Fa-f])/g;

  var TABLE = (function () {
    var t = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();

  /** CRC-32 (zlib's) of bytes, as 8 lowercase hex digits. */
  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    return ("0000000" + ((c ^ 0xFFFFFFFF) >>> 0).toString(16)).slice(-8);
  }

  /** Bytes as base64url without padding. */
  function b64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /** base64url (padding optional) to bytes; throws on other characters. */
  function unb64(text) {
    var s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  /** Inflate with a ceiling on the output, so a crafted code cannot fill the memory. */
  function inflate(bytes) {
    var chunks = [], size = 0;
    var inf = new root.fflate.Inflate(function (chunk) {
      size += chunk.length;
      if (size > MAX_JSON) throw new Error("too large");
      chunks.push(chunk);
    });
    inf.push(bytes, true);
    var out = new Uint8Array(size), at = 0;
    chunks.forEach(function (c) { out.set(c, at); at += c.length; });
    return out;
  }

  /** A submission object as a 提交码 (needs fflate: CK.code.ready()). */
  function encode(submission) {
    var json = root.fflate.strToU8(JSON.stringify(submission));
    return PREFIX + b64(root.fflate.deflateSync(json, { level: 9 })) + "." + crc32(json);
  }

  /** One code (the token, whitespace allowed inside) to its submission; throws Error with a reason in Chinese. */
  function decode(code) {
    FIND.lastIndex = 0;
    var m = FIND.exec(String(code));
    if (!m) throw new Error("不是提交码（应以 CK1. 开头）");
    return decodeParts(m[1], m[2]);
  }

  function decodeParts(body, sum) {
    var json;
    try { json = inflate(unb64(body.replace(/\s+/g, ""))); } catch (e) {
      throw new Error(e.message === "too large" ? "提交码解开后过大，不是工作单答案" : "提交码不完整或被改动过（无法解压）");
    }
    if (crc32(json) !== sum.toLowerCase()) throw new Error("提交码不完整或被改动过（校验码不符）：请学生重新复制完整的提交码");
    var data;
    try { data = JSON.parse(root.fflate.strFromU8(json)); } catch (e) { throw new Error("提交码内容已损坏"); }
    if (!data || data.format !== "coursekit-submission") throw new Error("提交码里不是工作单答案");
    return data;
  }

  /** Every code in a pasted text: [{code, submission} or {code, error}], in order of appearance. */
  function find(text) {
    var out = [];
    FIND.lastIndex = 0;
    var m;
    while ((m = FIND.exec(String(text)))) {
      var item = { code: m[0].replace(/\s+/g, "") };
      try { item.submission = decodeParts(m[1], m[2]); } catch (e) { item.error = e.message; }
      out.push(item);
    }
    return out;
  }

  /** Resolves once fflate is loaded. */
  function ready() {
    return root.fflate ? Promise.resolve() : CK.load("vendor/fflate/fflate.min.js");
  }

  /** Identity as the collector compares it (same rules as coursekit.collect.identity): NFKC, no spaces. */
  function squash(s) { return String(s === undefined || s === null ? "" : s).normalize("NFKC").replace(/\s+/g, ""); }

  var ident = {
    /** Class as shown: "电商 2301" and "电商２３０１" both become "电商2301". */
    cls: squash,
    /** Student number as shown (leading zeros kept). */
    number: squash,
    name: squash,
    /** The key one student has within a class: number without leading zeros, else the name. */
    key: function (student) {
      var s = student || {};
      var cls = squash(s["class"]).toLowerCase();
      var num = squash(s.number).toLowerCase();
      if (/^[0-9]+$/.test(num)) num = num.replace(/^0+(?=.)/, "");
      return cls + "\u0000" + (num || "姓名:" + squash(s.name));
    }
  };

  CK.code = { encode: encode, decode: decode, find: find, ready: ready, crc32: crc32 };
  CK.ident = ident;
})(window);
