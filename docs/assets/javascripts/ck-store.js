/* Worksheet answers in the browser's storage (ES2017, no dependencies).
 *
 * One key per worksheet, "ck:ws:<id>" → {version, answers, labels, old, updated}, and "ck:student" for
 * name / class / student number. Every write also goes to an in-memory copy, so when storage is full or
 * disabled the page keeps working (and can still export) while a warning is shown. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var PREFIX = "ck:ws:";
  var STUDENT = "ck:student";
  var memory = {};          // key → parsed value; newer than storage when a write failed
  var listeners = [];       // called with (ok, error) after every write
  var lastError = null;

  /** The localStorage object, or null where it is disabled (some browsers throw on access). */
  function storage() {
    try { return root.localStorage || null; } catch (e) { return null; }
  }

  /** Tell listeners whether the last write reached storage. */
  function report(error) {
    lastError = error || null;
    listeners.forEach(function (fn) { fn(!error, error); });
  }

  /** The stored value of a key (memory first), or null. */
  function read(key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
    var s = storage();
    if (!s) return null;
    try {
      var raw = s.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;  // unreadable entry: treat as empty rather than break the page
    }
  }

  /** Keep a value in memory and try to store it; returns true when storage took it. */
  function write(key, value) {
    memory[key] = value;
    var s = storage();
    if (!s) { report(new Error("storage disabled")); return false; }
    try {
      if (value === null) s.removeItem(key); else s.setItem(key, JSON.stringify(value));
      report(null);
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  /** Every key holding a worksheet, from storage and memory. */
  function worksheetIds() {
    var ids = {};
    var s = storage();
    try {
      for (var i = 0; s && i < s.length; i++) {
        var k = s.key(i);
        if (k && k.indexOf(PREFIX) === 0) ids[k.slice(PREFIX.length)] = true;
      }
    } catch (e) { /* storage disabled: memory only */ }
    Object.keys(memory).forEach(function (k) {
      if (k.indexOf(PREFIX) === 0) ids[k.slice(PREFIX.length)] = memory[k] !== null;
    });
    return Object.keys(ids).filter(function (id) { return ids[id]; }).sort();
  }

  /** An empty student record. */
  function blankStudent() { return { name: "", "class": "", number: "" }; }

  /** Copy of a plain JSON value. */
  function clone(value) { return value === undefined ? undefined : JSON.parse(JSON.stringify(value)); }

  CK.store = {
    PREFIX: PREFIX,
    /** The saved record of a worksheet, or null. */
    load: function (id) { return clone(read(PREFIX + id)); },
    /** Save a worksheet's record; returns whether storage took it. */
    save: function (id, record) { return write(PREFIX + id, clone(record)); },
    /** Forget a worksheet's answers. */
    remove: function (id) { return write(PREFIX + id, null); },
    /** Name, class and student number, shared by every worksheet. */
    student: function () {
      var s = read(STUDENT) || {};
      var out = blankStudent();
      Object.keys(out).forEach(function (k) { if (typeof s[k] === "string") out[k] = s[k]; });
      return out;
    },
    /** Save name, class and student number. */
    setStudent: function (student) { return write(STUDENT, clone(student)); },
    /** Ids of every worksheet with saved answers. */
    ids: worksheetIds,
    /** Subscribe to write results: fn(ok, error). */
    onStatus: function (fn) { listeners.push(fn); },
    /** The last write error, or null when storage works. */
    error: function () { return lastError; },
    /** Check that storage accepts a write at all (private mode, disabled cookies). */
    probe: function () {
      var s = storage();
      try {
        s.setItem("ck:probe", "1");
        s.removeItem("ck:probe");
        return true;
      } catch (e) {
        report(e);
        return false;
      }
    },
    /** Every answer this browser holds, as a backup file's content. */
    backup: function () {
      var worksheets = {};
      worksheetIds().forEach(function (id) { worksheets[id] = clone(read(PREFIX + id)); });
      return { format: "coursekit-answers", formatVersion: 1, exported: new Date().toISOString(),
        student: this.student(), worksheets: worksheets };
    },
    /** Merge a worksheet record from a backup: its answers win, differing local ones move to `old`. */
    merge: function (id, incoming) {
      var local = read(PREFIX + id);
      var out = clone(incoming);
      out.answers = out.answers || {};
      out.labels = out.labels || {};
      var old = (out.old || []).concat(local && local.old || []);
      if (local) {
        Object.keys(local.answers || {}).forEach(function (fid) {
          var mine = local.answers[fid];
          if (!Object.prototype.hasOwnProperty.call(out.answers, fid)) out.answers[fid] = mine;
          else if (JSON.stringify(mine) !== JSON.stringify(out.answers[fid])) {
            old.push({ field: fid, label: (local.labels || {})[fid] || fid, value: mine,
              version: local.version, why: "import" });
          }
          if (!out.labels[fid] && local.labels && local.labels[fid]) out.labels[fid] = local.labels[fid];
        });
      }
      var seen = {};
      out.old = old.filter(function (o) {
        var key = o.field + "\u0000" + JSON.stringify(o.value);
        if (seen[key]) return false;
        seen[key] = true;
        return true;
      });
      out.updated = new Date().toISOString();
      return write(PREFIX + id, out);
    },
    clone: clone
  };
})(window);
