"""The worksheet field types in the browser (CK.fields.kinds, ck-fieldkinds.js), in a real Chromium.

Every kind of coursekit.models.fields has one object there with every method the scripts call (a missing
one names the kind and the method), and a made-up type registered here is drawn, filled, copied as text,
written to Word and laid out in the gradebook by the unchanged scripts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from coursekit.collect.spec import worksheet_spec
from coursekit.models.fields import FIELD_KINDS
from coursekit.site import Site

from conftest import FIXTURE, ROOT
from worksheet_browser import error_free_page, serve_scripts

pytestmark = [pytest.mark.browser]

JS = ROOT / "docs" / "assets"
SCRIPTS = ["vendor/fflate/fflate.min.js", "javascripts/ck-fields.js", "javascripts/ck-fieldkinds.js",
           "javascripts/ck-text.js", "javascripts/ck-code.js", "javascripts/ck-xlsx.js",
           "javascripts/ck-gradebook.js", "javascripts/ck-docx.js"]
REQUIRED = ["schema", "coerce", "enhance", "text", "docx", "width", "columns", "fits", "view"]
# A made-up type, as a new field type's entry in ck-fieldkinds.js would be: a row of stars, answer = a number.
STARS = """CK.fields.kinds.stars = {
  schema: function (f, el) { f.count = el.querySelectorAll(".ck-star").length; },
  coerce: function (f, v) { return typeof v === "number" && v >= 0 && v <= f.count ? { value: v } : { rest: v }; },
  enhance: function (f, el) {
    var n = CK.fields.h("input", { type: "number", min: "0", max: String(f.count), className: "ck-ctl",
      "aria-label": f.label });
    el.appendChild(n);
    return { f: f, get: function () { return n.value === "" ? undefined : Number(n.value); },
      set: function (v) { n.value = v === undefined ? "" : String(v); } };
  },
  text: function (f, v) { return v === undefined ? "未评" : "★".repeat(v) + "☆".repeat(f.count - v); },
  docx: function (f, v, w) { return w.para("CkAnswer", w.run(this.text(f, v))); },
  width: function () { return 1; },
  columns: function (f) { return [{ header: f.label + "·星数", get: function (a) { return typeof a[f.id] === "number" ? a[f.id] : null; } }]; },
  fits: function (f, v) { return typeof v === "number"; },
  view: function () { return null; }
};"""
FORM = ('<fieldset><legend>评价</legend><div class="ck-field ck-field-stars" data-field="stars" data-kind="stars">'
        '<p class="ck-field-label" id="w--stars">给这次活动打星</p>'
        '<p>{}</p></div></fieldset>').format('<span class="ck-star">☆</span>' * 4)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A bare page with the field, text, Word and gradebook scripts, on 127.0.0.1."""
    root = tmp_path_factory.mktemp("fieldkinds-page")
    with serve_scripts(root, JS, SCRIPTS, f'<div class="ck-worksheet">{FORM}</div>') as url:
        yield url


@pytest.fixture
def page(browser: Browser, served: str) -> Iterator[Page]:
    with error_free_page(browser, served + "/index.html") as p:
        yield p


def test_every_kind_has_one_object_with_every_method(page: Page) -> None:
    have: dict[str, list[str]] = page.evaluate(
        "req => Object.fromEntries(Object.keys(CK.fields.kinds).map(k => [k, req.filter(m => typeof CK.fields.kinds[k][m] !== 'function')]))",
        REQUIRED)
    assert sorted(have) == sorted(FIELD_KINDS), "CK.fields.kinds (ck-fieldkinds.js) must have exactly the kinds of coursekit.models.fields"
    missing = {k: m for k, m in have.items() if m}
    assert not missing, f"field types in ck-fieldkinds.js without these methods: {missing}"


def test_every_blank_form_reads_back_as_its_spec(page: Page) -> None:
    """What each kind's schema reads from its macro's blank form is the field spec collect/spec.py sends."""
    site = Site(FIXTURE, "student", templates=ROOT / "templates")
    ws = site.reg.get("worksheets", "all-fields")
    html = str(site.embed("worksheet", ws.id, "modules/01-alpha/1-first.md"))
    read: list[dict[str, Any]] = page.evaluate("""html => {
      const box = document.createElement('div'); box.innerHTML = html; document.body.appendChild(box);
      const out = CK.fields.schema(box.querySelector('.ck-worksheet')).map(f => { const o = Object.assign({}, f); delete o.el; delete o.lines; return o; });
      box.remove(); return out;
    }""", html)
    spec = worksheet_spec(ws)["fields"]
    # two known differences, both read as the scripts expect: the page counts a labelled table's rows (the
    # spec gives rows only for blank-row tables) and lists every point of a rating's scale (the spec its ends)
    for f in spec:
        if f["kind"] == "table" and f["rowLabels"]:
            f["rows"] = len(f["rowLabels"])
        if f["kind"] == "rating":
            f["scale"] = list(range(f["scale"][0], f["scale"][1] + 1))
    assert read == spec


def test_a_made_up_kind_needs_only_its_entry(page: Page) -> None:
    page.add_script_tag(content=STARS + "CK.today = function () { return \"2026-12-04\"; };")  # ck-actions.js has it
    out: dict[str, Any] = page.evaluate("""() => {
      const ws = document.querySelector('.ck-worksheet');
      const [f] = CK.fields.schema(ws);
      const ctl = CK.fields.enhance(f, 'w');
      ctl.set(3);
      const v = ctl.get();
      const spec = { id: 'w', title: '打星', fields: [{ id: 'stars', kind: 'stars', label: f.label, section: f.section, count: 4 }] };
      const sub = { worksheet: 'w', title: '打星', version: 'v', student: { name: '甲', 'class': '一班', number: '01' },
        answers: { stars: v }, old: [], saved: '2026-12-04T00:00:00.000Z' };
      const doc = fflate.strFromU8(fflate.unzipSync(CK.docx.build(sub, spec.fields))['word/document.xml']);
      const cols = CK.gradebook.columns(spec, [sub], 100, {});
      return { f: { kind: f.kind, label: f.label, section: f.section, count: f.count }, v: v,
        coerce: CK.fields.coerce(f, 9), keep: CK.fields.keep(f, v), text: CK.text.field(f, v),
        docx: doc.indexOf('★★★☆') >= 0, headers: cols.map(c => c.header), cells: cols.map(c => c.get(sub.answers)),
        left: CK.gradebook.leftovers(spec, { answers: { stars: 'x' }, old: [] }) };
    }""")
    assert out["f"] == {"kind": "stars", "label": "给这次活动打星", "section": "评价", "count": 4}
    assert out["v"] == 3 and out["coerce"] == {"rest": 9} and out["keep"] is True
    assert out["text"] == "★★★☆" and out["docx"]
    assert out["headers"] == ["给这次活动打星·星数"] and out["cells"] == [3]
    assert out["left"] == "stars：x"
