/* The homework page: the worksheets a link assigns (ck-assign.js parses the link), loaded from their task
 * pages and shown with class, due date and note. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};

  /** The worksheet ``id`` from the task page at ``url`` (text of that page), its links made absolute. */
  function extract(html, url, id) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var ws = doc.querySelector('.ck-worksheet[data-worksheet="' + CSS.escape(id) + '"]');
    if (!ws) throw new Error("任务页上没有这张工作单");
    // links inside the worksheet are relative to its task page, not to this one
    ws.querySelectorAll("[href], [src]").forEach(function (el) {
      ["href", "src"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v && v.charAt(0) !== "#") el.setAttribute(attr, new URL(v, url).href);
      });
    });
    return document.importNode(ws, true);
  }

  /** Load each assigned worksheet from its task page (one request per page), in the link's order. */
  function loadItems(items) {
    var pages = {};
    return Promise.all(items.map(function (item) {
      var a = item.querySelector(".ck-hw-status a"), state = item.querySelector('[data-hw="state"]');
      var url = new URL(a.getAttribute("href"), root.location.href);
      url.hash = "";
      if (!pages[url.href]) {
        pages[url.href] = fetch(url.href, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.text();
        });
      }
      return pages[url.href].then(function (html) {
        item.appendChild(extract(html, url.href, item.getAttribute("data-hw-item")));
        state.textContent = "";
        a.textContent = "在任务页中打开这张工作单";  // the worksheet below shows its own title
        a.parentNode.className += " ck-hw-loaded";
      }).catch(function (err) {
        state.textContent = "：没能载入（" + err.message + "）。请点这个链接，到任务页上填写。";
        state.setAttribute("role", "alert");
      });
    }));
  }

  /** The homework page: show the assigned worksheets with class, due date and note. */
  function setupHomework(page) {
    if (page.getAttribute("data-ck-ready")) return;
    page.setAttribute("data-ck-ready", "1");
    var a = CK.assign.parse(root.location.search);
    var found = [], missing = [];
    a.ids.forEach(function (id) {
      // ids come from the link: match the attribute by value, never build a selector from them
      var item = Array.prototype.filter.call(page.querySelectorAll("[data-hw-item]"), function (el) {
        return el.getAttribute("data-hw-item") === id;
      })[0];
      if (item) { item.hidden = false; page.appendChild(item); found.push(item); } else missing.push(id);
    });
    var head = page.querySelector(".ck-hw-head");
    var set = function (key, value) { head.querySelector('[data-hw="' + key + '"]').textContent = value; };
    set("class", a.cls || "（未指定）");
    set("due", a.due || "（未指定）");
    set("count", found.length + " 张");
    set("note", a.note);
    var miss = head.querySelector('[data-hw="missing"]');
    miss.hidden = !missing.length;
    miss.textContent = missing.length ? "链接里的这些工作单在本站找不到（可能已改名）：" + missing.join("、") + "。请告诉老师。" : "";
    head.hidden = !found.length && !missing.length;
    page.querySelector(".ck-hw-empty").hidden = found.length > 0;
    var wechat = page.querySelector(".ck-hw-wechat");
    if (wechat) wechat.hidden = !(found.length && /MicroMessenger/i.test(navigator.userAgent));
    if (found.length) loadItems(found).then(function () { if (CK.worksheets) CK.worksheets.init(); });
  }

  /** Set up the homework page, if this is it. */
  function init() {
    document.querySelectorAll(".ck-homework").forEach(setupHomework);
  }

  CK.homework = { init: init };
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
