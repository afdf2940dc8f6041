/* 课后自测 (templates/quiz.html): check each item in the browser and keep answers and results (ES2017).
 *
 * Each li.ck-quiz-item holds its answer (data-answer, JSON) and its hidden feedback. Progress is kept with the
 * worksheets' store (ck-store.js, CK.store.quiz): one record per quiz, {version, answers: {item: {value,
 * done}}, stamps}, merged per item across tabs; when storage refuses a write the quiz's warning says so and
 * the store retries. Whether an answer is right is worked out again at each render, so a corrected answer key
 * never leaves a stale result. Re-run on material's document$ (instant navigation). */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};
  var SAVE_DELAY = 400;
  var quizzes = [];

  /** Blanks compare without spaces, case or full-width forms: "ＫＯＬ " matches "kol". */
  function norm(s) { return String(s || "").normalize("NFKC").replace(/\s+/g, "").toLowerCase(); }

  /** The reader's answer to an item as shown: a letter, letters ("ACD"), true/false, or one text per blank. */
  function read(item) {
    var inputs = item.inputs;
    if (item.type === "blank") return inputs.map(function (i) { return i.value; });
    var on = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    if (item.type === "judge") return on.length ? on[0] === "true" : null;
    return on.join("") || null;
  }

  /** Put a saved answer back into the controls. */
  function put(item, value) {
    item.inputs.forEach(function (input, n) {
      if (item.type === "blank") input.value = value && typeof value[n] === "string" ? value[n] : "";
      else if (item.type === "judge") input.checked = value !== null && value !== undefined && String(value) === input.value;
      else input.checked = typeof value === "string" && value.indexOf(input.value) >= 0;
    });
  }

  /** Nothing answered yet? */
  function blank(item, value) {
    if (item.type === "blank") return !value || value.every(function (v) { return !norm(v); });
    return value === null || value === undefined || value === "";
  }

  /** Is `value` the right answer? */
  function right(item, value) {
    if (item.type === "blank") {
      return item.answer.every(function (accepted, n) {
        return accepted.some(function (a) { return norm(a) === norm(value && value[n]); });
      });
    }
    return value === item.answer;
  }

  /** Show an item's state: controls, buttons, verdict and (once submitted) its feedback. */
  function render(quiz, item) {
    var entry = quiz.record.answers[item.id];
    var done = !!(entry && entry.done);
    if (entry && !(item.el.contains(document.activeElement) && !done)) put(item, entry.value);
    if (!entry) put(item, null);
    item.fieldset.disabled = done;
    item.check.hidden = done;
    item.retry.hidden = !done;
    item.feedback.hidden = !done;
    item.el.classList.toggle("ck-quiz-right", done && right(item, entry.value));
    item.el.classList.toggle("ck-quiz-wrong", done && !right(item, entry.value));
    var chosen = done && typeof entry.value === "string" ? entry.value : "";
    item.el.querySelectorAll(".ck-quiz-why li").forEach(function (li) {
      li.hidden = chosen.indexOf(li.getAttribute("data-letter")) < 0;  // why the options the reader picked are wrong
    });
    var text = "";
    if (done) {
      text = right(item, entry.value) ? "✓ 回答正确" : "✗ 回答错误";
      if (item.type === "multiple" && !right(item, entry.value)) {
        var missed = item.answer.split("").filter(function (l) { return chosen.indexOf(l) < 0; });
        if (missed.length) text += "（漏选 " + missed.join("、") + "）";
      }
    }
    item.verdict.textContent = text;
  }

  /** Score line and 全部重做 button. */
  function summary(quiz) {
    var done = 0, good = 0;
    quiz.items.forEach(function (item) {
      var entry = quiz.record.answers[item.id];
      if (entry && entry.done) { done++; if (right(item, entry.value)) good++; }
    });
    var n = quiz.items.length;
    quiz.score.textContent = done === n ? "全部提交：答对 " + good + " / " + n + " 题，得分 " + Math.round(100 * good / n) + " 分" :
      "已提交 " + done + " / " + n + " 题，答对 " + good + " 题";
    quiz.retryAll.hidden = !Object.keys(quiz.record.answers).length;
  }

  function renderAll(quiz) { quiz.items.forEach(function (item) { render(quiz, item); }); summary(quiz); }

  /** Store some items' entries (null: forget it) merged per item with what other tabs stored. */
  function save(quiz, changes) {
    var now = Date.now();
    Object.keys(changes).forEach(function (id) {
      if (changes[id]) quiz.record.answers[id] = changes[id]; else delete quiz.record.answers[id];
      quiz.record.stamps[id] = now;
    });
    quiz.record.version = quiz.version;
    quiz.record.updated = new Date().toISOString();
    CK.store.quiz.save(quiz.id, quiz.record);
    quiz.record = normal(CK.store.quiz.load(quiz.id) || quiz.record);
  }

  /** A stored record with the parts this script relies on. */
  function normal(record) {
    record = record && typeof record === "object" ? record : {};
    return { version: record.version || "", answers: record.answers || {}, stamps: record.stamps || {},
      updated: record.updated || null };
  }

  /** Keep a draft answer (not submitted) so a reload shows it. */
  function draft(quiz, item) {
    clearTimeout(item.timer);
    item.timer = setTimeout(function () {
      item.timer = null;
      var value = read(item);
      var entry = quiz.record.answers[item.id];
      if (entry && entry.done) return;
      var change = {};
      change[item.id] = blank(item, value) ? null : { value: value, done: false };
      save(quiz, change);
      summary(quiz);
    }, SAVE_DELAY);
  }

  function submit(quiz, item) {
    clearTimeout(item.timer);
    var value = read(item);
    if (blank(item, value)) {
      item.verdict.textContent = item.type === "blank" ? "请先填写答案再提交" : "请先选择答案再提交";
      return;
    }
    var change = {};
    change[item.id] = { value: value, done: true };
    save(quiz, change);
    render(quiz, item);
    summary(quiz);
    item.retry.focus();  // the 提交 button is gone: keep the keyboard where the reader is
  }

  function retry(quiz, list) {
    var change = {};
    list.forEach(function (item) { clearTimeout(item.timer); change[item.id] = null; });
    save(quiz, change);
    list.forEach(function (item) { put(item, null); render(quiz, item); });
    summary(quiz);
    var first = list[0] && list[0].inputs[0];
    if (first) first.focus();
  }

  function setup(el) {
    if (el.getAttribute("data-ck-ready")) return;
    el.setAttribute("data-ck-ready", "1");
    var quiz = { el: el, id: el.getAttribute("data-quiz"), version: el.getAttribute("data-version"),
      record: normal(CK.store.quiz.load(el.getAttribute("data-quiz"))),
      score: el.querySelector(".ck-quiz-score"), retryAll: el.querySelector('[data-act="retry-all"]'),
      warning: el.querySelector(".ck-quiz-warning") };
    quiz.items = Array.prototype.map.call(el.querySelectorAll(".ck-quiz-item"), function (li) {
      var answer;
      try { answer = JSON.parse(li.getAttribute("data-answer")); } catch (e) { answer = null; }
      if (li.getAttribute("data-type") === "blank" && Array.isArray(answer)) {
        // the accepted answers as the page shows them too: the 繁體 edition's text is converted, the JSON is not
        li.querySelectorAll(".ck-quiz-accepted").forEach(function (group, n) {
          group.querySelectorAll("span").forEach(function (s) { if (answer[n]) answer[n].push(s.textContent); });
        });
      }
      return { el: li, id: li.getAttribute("data-item"), type: li.getAttribute("data-type"), answer: answer,
        fieldset: li.querySelector("fieldset"), inputs: Array.prototype.slice.call(li.querySelectorAll("input")),
        check: li.querySelector('[data-act="check"]'), retry: li.querySelector('[data-act="retry"]'),
        verdict: li.querySelector(".ck-quiz-verdict"), feedback: li.querySelector(".ck-quiz-feedback"), timer: null };
    });
    el.classList.add("ck-enhanced");
    quiz.items.forEach(function (item) {
      item.check.addEventListener("click", function () { submit(quiz, item); });
      item.retry.addEventListener("click", function () { retry(quiz, [item]); });
      item.el.addEventListener("input", function () { draft(quiz, item); });
      item.el.addEventListener("change", function () { draft(quiz, item); });
      item.el.addEventListener("keydown", function (e) {  // Enter in a blank submits, as in a form
        if (e.key === "Enter" && e.target.type === "text") { e.preventDefault(); submit(quiz, item); }
      });
    });
    quiz.retryAll.addEventListener("click", function () {
      if (root.confirm("清除本页全部自测答案，重新作答？")) retry(quiz, quiz.items);
    });
    renderAll(quiz);
    quizzes.push(quiz);
  }

  /** Show or hide every quiz's storage warning. */
  function warnings(ok, error) {
    var full = error && /quota/i.test(String(error.name || error.message));
    quizzes.forEach(function (quiz) {
      quiz.warning.hidden = ok;
      quiz.warning.textContent = ok ? "" : (full ? "浏览器存储空间已满，" :
        "这个浏览器不允许网页保存数据（可能是无痕模式或禁用了存储），") + "你的自测答案和结果暂时没有保存到本机，关闭页面就会丢失。";
    });
  }

  function init() {
    quizzes = quizzes.filter(function (q) { return document.body.contains(q.el); });
    document.querySelectorAll(".ck-quiz[data-quiz]").forEach(setup);
    if (quizzes.length) { CK.store.probe(); if (CK.store.error()) warnings(false, CK.store.error()); }
  }

  CK.quiz = { init: init, list: function () { return quizzes; } };
  CK.store.onStatus(warnings);
  root.addEventListener("storage", function (e) {  // another tab answered: merge per item, show it
    if (!e.key || e.key.indexOf(CK.store.quiz.PREFIX) !== 0) return;
    CK.store.external(e.key);
    quizzes.forEach(function (quiz) {
      if (CK.store.quiz.PREFIX + quiz.id !== e.key) return;
      quiz.record = normal(CK.store.mergeRecords(quiz.record, CK.store.quiz.load(quiz.id)));
      renderAll(quiz);
    });
  });
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
