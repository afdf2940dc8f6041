"""Worksheet field types are declared once: every type has every behaviour, and a new one needs no other edits.

Each type in coursekit.models.fields must implement the behaviour it declares (collector spec, gradebook
columns, fits, paper size, Word answer space) and have its macros in templates/fields/<kind>.html; the Word
writer must draw every shape a type may use. A forgotten one fails here, naming what and the kind.
"""

from __future__ import annotations

import inspect
import re
import io
import shutil
from pathlib import Path
from typing import Any, Literal, get_args

import docx
import lxml.html
import pytest

from coursekit.collect.columns import columns, cut_notes, leftovers
from coursekit.collect.spec import worksheet_spec
from coursekit.collect.submission import Student, Submission
from coursekit.handouts import docx as ws_docx
from coursekit.handouts import htmlprint, layout
from coursekit.models.answers import Getter
from coursekit.models.fields import FIELD_KINDS, FIELD_TYPES, BaseField
from coursekit.models.paper import Cell, Grid, Space
from coursekit.registry import load
from coursekit.render import environment
from coursekit.site import Site

from conftest import FIXTURE, ROOT

@pytest.mark.parametrize("kind", FIELD_KINDS)
def test_every_type_implements_what_it_declares(kind: str) -> None:
    cls = FIELD_TYPES[FIELD_KINDS.index(kind)]
    missing = sorted(getattr(cls, "__abstractmethods__", ()))
    assert not inspect.isabstract(cls), f"field type {kind!r} ({cls.__name__}) does not implement {missing}"


def test_word_draws_every_shape() -> None:
    """Field types describe their Word answer space in coursekit.models.paper's shapes; docx.py draws each."""
    shapes = get_args(Space)
    missing = [s.__name__ for s in shapes if s not in ws_docx.DRAW]
    assert not missing, f"coursekit.handouts.docx.DRAW has no drawer for the shape(s) {missing}"
    assert set(ws_docx.DRAW) == set(shapes)


@pytest.mark.parametrize("kind", FIELD_KINDS)
def test_every_type_describes_its_word_space(kind: str) -> None:
    ws = load(FIXTURE).get("worksheets", "all-fields")
    for f in (f for f in ws.fields() if f.kind == kind):
        spaces = f.paper()
        assert spaces and all(isinstance(s, get_args(Space)) for s in spaces), f"{kind}.paper() gave {spaces}"


def test_kinds_are_unique_and_the_fixture_uses_every_one() -> None:
    assert len(set(FIELD_KINDS)) == len(FIELD_KINDS)
    ws = load(FIXTURE).get("worksheets", "all-fields")
    assert {f.kind for f in ws.fields()} == set(FIELD_KINDS)


class StarsField(BaseField):
    """A field type made up here: a row of stars to colour in. Only this class, its macros and its Word
    answer space exist for it; everything else must find it through them."""

    kind: Literal["stars"]
    count: int = 5

    def spec(self) -> dict[str, Any]:
        return {"count": self.count}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        return [(f"{self.label}·星数", lambda a: a.get(self.id) if isinstance(a.get(self.id), int) else None)]

    def fits(self, value: Any) -> bool:
        return isinstance(value, int) and 0 <= value <= self.count

    def paper_mm(self) -> float:
        return 12.0

    def paper(self) -> list[Space]:
        return [Grid([Cell("星数", bold=True)], [[Cell("☆" * self.count, align=1)]], 12.0)]


def _stars_sheet() -> Any:
    """The fixture's all-fields worksheet with a stars field added to its last section."""
    ws = load(FIXTURE).get("worksheets", "all-fields")
    stars = StarsField(id="stars", kind="stars", label="给这次活动打星", count=4)
    last = ws.sections[-1].model_copy(update={"fields": [*ws.sections[-1].fields, stars]})
    return ws.model_copy(update={"sections": [*ws.sections[:-1], last]})


# the made-up type is not in the Field union, so pydantic warns when content_version dumps the worksheet
@pytest.mark.filterwarnings("ignore::UserWarning:pydantic")
def test_a_new_type_needs_only_its_own_declaration_in_python(tmp_path: Path) -> None:
    ws = _stars_sheet()
    spec = worksheet_spec(ws)
    assert spec["fields"][-1] == {"id": "stars", "kind": "stars", "label": "给这次活动打星",
                                  "section": ws.sections[-1].title, "count": 4}
    sub = Submission(worksheet=ws.id, version="", student=Student("甲", "一班", "01"), answers={"stars": 3})
    cols = columns(ws, [sub])
    assert cols[-1].header == "给这次活动打星·星数" and cols[-1].get(sub.answers) == 3
    assert leftovers(ws, sub) is None and cut_notes(ws, sub) == []
    assert leftovers(ws, Submission(ws.id, "", Student("甲", "一班", "01"), answers={"stars": 9})) == "stars：9"
    assert layout.field_height_mm(ws.fields()[-1]) == 12.0
    dest = tmp_path / "stars.docx"
    ws_docx.write_worksheet_docx(load(FIXTURE), ws, dest)
    document = docx.Document(io.BytesIO(dest.read_bytes()))
    assert "给这次活动打星" in [p.text for p in document.paragraphs]
    assert [[c.text for c in r.cells] for r in document.tables[-1].rows] == [["星数"], ["☆☆☆☆"]]


@pytest.mark.parametrize("kind", FIELD_KINDS)
def test_every_type_has_its_macros(kind: str) -> None:
    env = environment(ROOT / "templates")
    module = env.get_template(f"fields/{kind}.html").module
    missing = [m for m in ("web", "paper") if not callable(getattr(module, m, None))]
    assert not missing, f"templates/fields/{kind}.html has no macro {missing} (web: the site's form, paper: print)"


STARS = """{# made-up field type stars #}
{% macro web(ws, f) %}
<p class="ck-stars" data-count="{{ f.count }}">{% for _ in range(f.count) %}☆{% endfor %}</p>
{% endmacro %}
{% macro paper(f, layout) %}
<p class="pr-stars" style="height: {{ f.paper_mm() }}mm">{% for _ in range(f.count) %}☆{% endfor %}</p>
{% endmacro %}
"""


@pytest.mark.filterwarnings("ignore::UserWarning:pydantic")
def test_a_new_type_needs_only_its_macros_in_the_templates(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "fields" / "stars.html").write_text(STARS, encoding="utf-8")
    site = Site(FIXTURE, "student", templates=templates)
    site.reg.records["worksheets"]["all-fields"] = _stars_sheet()
    html = lxml.html.fragment_fromstring(str(site.embed("worksheet", "all-fields", "modules/01-alpha/1-first.md")),
                                        create_parent="div")
    [field] = html.xpath('//div[@data-kind="stars"]')
    assert field.get("class") == "ck-field ck-field-stars" and field.get("data-field") == "stars"
    assert field.xpath('p[@class="ck-field-label"]')[0].text == "给这次活动打星"
    assert field.xpath('p[@class="ck-stars"]')[0].text == "☆☆☆☆"
    paper = lxml.html.fragment_fromstring(
        str(htmlprint.fragment(templates, site.reg, "worksheets", _stars_sheet(), teacher=False)), create_parent="div")
    [box] = paper.xpath('//div[contains(@class, "pr-field-stars")]')
    assert "pr-keep" in box.get("class").split()
    assert box.xpath('p[@class="pr-stars"]')[0].get("style") == "height: 12.0mm"


@pytest.mark.parametrize("kind", FIELD_KINDS)
def test_every_type_has_a_browser_entry(kind: str) -> None:
    """The fast check; tests/browser/test_fieldkinds.py checks the entry's methods in Chromium."""
    js = (ROOT / "docs" / "assets" / "javascripts" / "ck-fieldkinds.js").read_text(encoding="utf-8")
    assert re.search(rf"^\s*kinds\.{kind} = ", js, re.M), f"ck-fieldkinds.js has no CK.fields.kinds.{kind}"
