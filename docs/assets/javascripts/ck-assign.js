/* 作业布置: the whole assignment lives in the link's query string (no server); the homework page that
 * reads it is ck-homework.js.
 *
 * Query: w = worksheet ids (repeated, or comma-separated), c = class, d = due date (YYYY-MM-DD), n = note.
 * The assignment form is a plain GET form to the homework page, so it works without scripts; here it also
 * filters by project, shows the link with a copy button and draws a QR code locally (vendored
 * qrcode-generator, loaded on demand). In the teacher edition the links open the student edition's homework
 * page (extra.student_site, or an address the teacher types here), never the teacher edition's. */
(function (root) {
  "use strict";
  var CK = root.CK = root.CK || {};

  /** The assignment in a query string. */
  function parse(search) {
    var q = new URLSearchParams(search);
    var ids = [];
    q.getAll("w").forEach(function (v) {
      v.split(",").forEach(function (id) { id = id.trim(); if (id && ids.indexOf(id) < 0) ids.push(id); });
    });
    return { ids: ids, cls: (q.get("c") || "").trim(), due: (q.get("d") || "").trim(), note: (q.get("n") || "").trim() };
  }

  /** The query string for an assignment (only the parts that are set). */
  function query(a) {
    var q = new URLSearchParams();
    if (a.ids.length) q.set("w", a.ids.join(","));
    if (a.cls) q.set("c", a.cls);
    if (a.due) q.set("d", a.due);
    if (a.note) q.set("n", a.note);
    return q.toString();
  }

  /** The share link's QR code as an <img>, or a message when the link is too long for one. */
  function qrImage(url) {
    return CK.load("vendor/qrcode-generator/qrcode.js").then(function () {
      var qr = root.qrcode(0, "M");
      qr.addData(url, "Byte");
      try { qr.make(); } catch (e) {
        return CK.fields.h("p", { className: "ck-assign-warn", text: "说明太长，二维码放不下：请缩短说明，或直接发送链接。" });
      }
      var img = CK.fields.h("img", { className: "ck-assign-qr", alt: "作业链接的二维码，用手机微信扫码打开" });
      img.src = qr.createDataURL(5, 20);  // 5 px modules, a 4-module quiet zone
      return img;
    });
  }

  /** The homework page that links open: this site's, or in the teacher edition the student edition's
   * (CK.editions, set in the page head by overrides/main.html); null while that address is unknown. */
  function homeworkUrl(form) {
    var own = new URL(form.getAttribute("data-homework"), root.location.href);
    if (form.getAttribute("data-edition") !== "teacher") return own;
    var ed = CK.editions, student = ed && ed.studentRoot();
    if (!student || own.href.indexOf(ed.root) !== 0) return null;
    return new URL(own.href.slice(ed.root.length), student);
  }

  /** Teacher edition: say where links open; without a configured address, ask for it and remember it. */
  function setupTarget(form) {
    var ed = CK.editions, part = function (name) { return form.querySelector('[data-assign="' + name + '"]'); };
    var target = part("target"), unset = part("unset"), field = form.querySelector("#ck-assign-site");
    var msg = part("site-msg");
    var show = function () {
      var url = homeworkUrl(form);
      target.textContent = url ? "作业链接打开学生版网站（" + ed.studentRoot().href + "），学生看不到参考答案和评分标准。"
        : "还不知道学生版网站的网址，所以还不能生成作业链接。";
      return url;
    };
    if (!ed || ed.configured) { show(); return function () { return true; }; }
    unset.hidden = false;
    field.value = ed.stored();
    /** Take the typed address; false (with a message) when it is not a student site's address. */
    var save = function () {
      var r = ed.check(field.value, true);
      if (r.error) {
        msg.textContent = r.error;
        msg.setAttribute("role", "alert");
        field.setAttribute("aria-invalid", "true");
        field.focus();
        return false;
      }
      ed.remember(r.url);
      field.value = r.url.href;
      field.removeAttribute("aria-invalid");
      msg.setAttribute("role", "status");
      msg.textContent = "已记住学生版网址，本浏览器以后生成的作业链接都打开这个网站。";
      show();
      return true;
    };
    part("save").addEventListener("click", save);
    show();
    return save;
  }

  /** The 作业布置 form: project filter, prefill from its own link, and the share link with QR code. */
  function setupForm(form) {
    if (form.getAttribute("data-ck-ready")) return;
    form.setAttribute("data-ck-ready", "1");
    var h = CK.fields.h, out = form.querySelector(".ck-assign-out");
    var saveSite = form.getAttribute("data-edition") === "teacher" ? setupTarget(form) : function () { return true; };
    var filter = form.querySelector("#ck-assign-project");
    filter.addEventListener("change", function () {
      form.querySelectorAll(".ck-assign-group").forEach(function (g) {
        g.hidden = !!filter.value && g.getAttribute("data-project") !== filter.value;
      });
    });
    var pre = parse(root.location.search);
    form.querySelectorAll('input[name="w"]').forEach(function (b) { b.checked = pre.ids.indexOf(b.value) >= 0; });
    if (pre.cls) form.elements.c.value = pre.cls;
    if (pre.due) form.elements.d.value = pre.due;
    if (pre.note) form.elements.n.value = pre.note;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = { ids: Array.prototype.filter.call(form.querySelectorAll('input[name="w"]'), function (b) { return b.checked; })
        .map(function (b) { return b.value; }), cls: form.elements.c.value.trim(), due: form.elements.d.value,
        note: form.elements.n.value.trim() };
      out.hidden = false;
      out.textContent = "";
      if (!a.ids.length) {
        out.appendChild(h("p", { className: "ck-assign-warn", role: "alert", text: "请至少勾选一张工作单。" }));
        return;
      }
      var url = saveSite() && homeworkUrl(form);
      if (!url) {  // never a link to the teacher edition
        out.appendChild(h("p", { className: "ck-assign-warn", role: "alert",
          text: "请先在上面填写学生版网站的网址，作业链接要打开学生版。" }));
        return;
      }
      url.search = query(a);
      var link = h("input", { type: "text", readonly: "", className: "ck-assign-link", value: url.href,
        "aria-label": "作业链接" });
      var copy = h("button", { type: "button", className: "ck-btn", text: "复制链接" });
      var msg = h("p", { className: "ck-assign-msg", role: "status" });
      copy.addEventListener("click", function () {
        link.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
        if (!ok && navigator.clipboard) navigator.clipboard.writeText(url.href);
        msg.textContent = "链接已复制，可以粘贴到班级群。";
      });
      out.appendChild(h("p", { className: "ck-ws-subtitle", text: "作业链接（" + a.ids.length + " 张工作单）" }));
      out.appendChild(h("p", { className: "ck-assign-linkrow" }, [link, copy,
        h("a", { href: url.href, className: "ck-btn", target: "_blank", rel: "noopener", text: "预览" })]));
      out.appendChild(msg);
      qrImage(url.href).then(function (img) { out.appendChild(img); }, function (err) {
        out.appendChild(h("p", { className: "ck-assign-warn", text: "二维码生成失败：" + err.message }));
      });
      link.focus();
    });
  }

  /** Set up the form, if this page has it. */
  function init() {
    document.querySelectorAll("form.ck-assign").forEach(setupForm);
  }

  CK.assign = { parse: parse, query: query, init: init };
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
