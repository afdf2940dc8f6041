/* Worksheet answers in the browser's storage (ES2017, no dependencies).
 *
 * One key per worksheet, "ck:ws:<id>" → {version, answers, labels, old, updated}, "ck:student" for
 * name / class / student number, and one per 课后自测, "ck:quiz:<bank id>" → {version, answers, stamps}
 * (ck-quiz.js; not a worksheet: never in backups or hand-ins). A write that storage refuses stays in memory as pending and is retried, so
 * when storage is full or disabled the page keeps working (and can still export) and the warning stays until
 * nothing is pending. Worksheet saves merge per field with what another tab stored: `stamps` holds each
 * field's last edit time (ms) and the newer value wins. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var PREFIX = "ck:ws:";
  var STUDENT = "ck:student";
  var QUIZ = "ck:quiz:";
  var MERGED = [PREFIX, QUIZ];  // records saved per field: merged with what another tab stored
  var memory = {};          // key → parsed value that storage refused (pending), newer than storage
  var listeners = [];       // called with (ok, error) after every write
  var lastError = null;
  var retryTimer = null;
  var RETRY_MS = 2000;

  /** The localStorage object, or null where it is disabled (some browsers throw on access). */
  function storage() {
    try { return root.localStorage || null; } catch (e) { return null; }
  }

  /** Is `key` a record merged per field (a worksheet's or a quiz's)? */
  function merged(key) { return MERGED.some(function (p) { return key.indexOf(p) === 0; }); }

  /** Keys whose latest value is only in memory. */
  function pending() { return Object.keys(memory); }

  /** Tell listeners whether storage holds everything: a later small write that succeeds must not hide the
   * warning while an answer is still only in memory. */
  function report(error) {
    if (error) lastError = error;
    else if (!pending().length) lastError = null;
    listeners.forEach(function (fn) { fn(!lastError, lastError); });
  }

  /** The value in storage itself (another tab may have written it), or null. */
  function readStored(key) {
    var s = storage();
    if (!s) return null;
    try {
      var raw = s.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;  // unreadable entry: treat as empty rather than break the page
    }
  }

  /** The stored value of a key (memory first), or null. */
  function read(key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
    return readStored(key);
  }

  /** Try to put one value in storage; on failure it stays pending in memory. Returns the error or null. */
  function put(key, value) {
    var s = storage();
    if (!s) { memory[key] = value; return new Error("storage disabled"); }
    try {
      if (value === null) s.removeItem(key); else s.setItem(key, JSON.stringify(value));
      delete memory[key];
      return null;
    } catch (e) {
      memory[key] = value;
      return e;
    }
  }

  /** Retry every pending write (space may have been freed); keeps retrying while any is left. */
  function retry() {
    var error = null;
    pending().forEach(function (key) {
      var value = memory[key];
      if (merged(key) && value) value = mergeRecords(value, readStored(key));
      error = put(key, value) || error;
    });
    schedule();
    return error;
  }

  /** Keep a retry timer running exactly while something is pending. */
  function schedule() {
    if (pending().length && !retryTimer) {
      retryTimer = setTimeout(function () { retryTimer = null; report(retry()); }, RETRY_MS);
    }
  }

  /** Store a value (retrying older pending writes first); returns true when storage took it. */
  function write(key, value) {
    var earlier = retry();
    var error = put(key, value);
    schedule();
    report(error || earlier);
    return !error;
  }

  /** Save a record merged per field with what storage (another tab) holds, and with this tab's pending one. */
  function saveMerged(key, record) {
    return write(key, mergeRecords(record, has(memory, key) ? mergeRecords(memory[key], readStored(key)) : readStored(key)));
  }

  /** Merge two records of one worksheet (or quiz) per field: the newer stamp wins, so an older value never overwrites a
   * newer one and a save from one tab keeps what another tab typed. `mine` gives version and wins ties. */
  function mergeRecords(mine, theirs) {
    var out = clone(mine);
    if (!theirs || typeof theirs !== "object") return out;
    out.answers = out.answers || {};
    out.labels = out.labels || {};
    out.stamps = out.stamps || {};
    var ta = theirs.answers || {}, ts = theirs.stamps || {};
    var fids = {};
    [out.answers, out.stamps, ta, ts].forEach(function (o) { Object.keys(o).forEach(function (k) { fids[k] = 1; }); });
    Object.keys(fids).forEach(function (fid) {
      var a = out.stamps[fid] || 0, b = ts[fid] || 0;
      var take = b > a || (!b && !a && !has(out.answers, fid) && has(ta, fid));
      if (!take) return;
      if (has(ta, fid)) out.answers[fid] = clone(ta[fid]); else delete out.answers[fid];
      if (b) out.stamps[fid] = b;
      if (theirs.labels && theirs.labels[fid]) out.labels[fid] = theirs.labels[fid];
    });
    if ((theirs.oldStamp || 0) > (out.oldStamp || 0)) { out.old = clone(theirs.old || []); out.oldStamp = theirs.oldStamp; }
    else if ((theirs.oldStamp || 0) === (out.oldStamp || 0)) out.old = dedupe((out.old || []).concat(theirs.old || []));
    if (theirs.updated && (!out.updated || theirs.updated > out.updated)) out.updated = theirs.updated;
    return out;
  }

  /** Own property? */
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  /** 旧版本答案 without repeats. */
  function dedupe(old) {
    var seen = {};
    return old.filter(function (o) {
      var key = o.field + "\u0000" + JSON.stringify(o.value);
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
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
    /** Save a worksheet's record merged per field with what storage (another tab) holds; returns whether
     * storage took it. The merged record is in `CK.store.load(id)` afterwards. */
    save: function (id, record) { return saveMerged(PREFIX + id, record); },
    /** Replace a worksheet's record as is (clearing): no merge. */
    replace: function (id, record) { return write(PREFIX + id, clone(record)); },
    mergeRecords: mergeRecords,
    /** Another tab stored `key`: take its value unless this tab has a pending one (then merge and retry). */
    external: function (key) {
      if (has(memory, key) && merged(key) && memory[key]) report(retry());
    },
    /** A 课后自测's answers and results, {version, answers: {item: {value, done}}, stamps}, merged per item
     * across tabs like a worksheet's fields (the same retry and warning when storage is full). */
    quiz: {
      PREFIX: QUIZ,
      load: function (id) { return clone(read(QUIZ + id)); },
      save: function (id, record) { return saveMerged(QUIZ + id, record); }
    },
    /** Is any write still only in memory? */
    pending: function () { return pending().length > 0; },
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
        report(null);
        return !lastError;
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
      out.old = dedupe(old);
      out.stamps = {};
      Object.keys(out.answers).forEach(function (fid) { out.stamps[fid] = Date.now(); });
      out.updated = new Date().toISOString();
      return write(PREFIX + id, out);
    },
    clone: clone
  };
})(window);
