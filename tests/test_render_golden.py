"""Golden files: each template's output for the fixture course, per edition.

Expected HTML lives in ``tests/golden/<name>.<edition>.html``. After an
intended change, regenerate with ``pytest tests/test_render_golden.py --update-golden``
and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml

from coursekit.models import QuestionBank
from coursekit.site import Site

from conftest import FIXTURE, QUIZ_BANK, ROOT

GOLDEN = ROOT / "tests" / "golden"
LESSON = "modules/01-alpha/1-first.md"
META = {"project": "01-alpha"}

def with_bank(site: Site) -> Site:
    """The site with tests/fixtures/quiz/01-1.yml in its loaded course (the fixture course has no bank)."""
    site.reg.records["questions"]["01-1"] = QuestionBank.model_validate(
        yaml.safe_load(QUIZ_BANK.read_text(encoding="utf-8")))
    return site


RENDERERS: dict[str, Callable[[Site], str]] = {
    "worksheet": lambda s: s.embed("worksheet", "all-fields", LESSON),
    "sop": lambda s: s.embed("sop", "daily", LESSON),
    "case": lambda s: s.embed("case", "made-up", LESSON),
    "term": lambda s: s.embed("term", "private-traffic", LESSON),
    "lesson_header": lambda s: s.lesson_header({}, LESSON),
    "project_overview": lambda s: s.project_overview(META, "modules/01-alpha/index.md"),
    "project_practice": lambda s: s.project_practice(META, "modules/01-alpha/index.md"),
    "project_practice_downloads": lambda s: Site(FIXTURE, s.edition, templates=s.tpl, downloads=True).project_practice(
        META, "modules/01-alpha/index.md"),
    "library_worksheets": lambda s: s.library("worksheets", "library/worksheets.md"),
    "library_sops": lambda s: s.library("sops", "library/sops.md"),
    "library_cases": lambda s: s.library("cases", "library/cases.md"),
    "glossary": lambda s: s.listing("glossary", "library/glossary.md"),
    "course_overview": lambda s: s.course_overview("index.md"),
    "bibliography": lambda s: s.listing("bibliography", "library/sources.md"),
    "quiz": lambda s: with_bank(s).embed("quiz", "01-1", LESSON),
    "question_bank": lambda s: with_bank(s).listing("questions", "library/questions.md"),
}


@pytest.mark.parametrize("edition", ["student", "teacher"])
@pytest.mark.parametrize("name", RENDERERS)
def test_golden(name: str, edition: str, update_golden: bool) -> None:
    site = Site(FIXTURE, edition, templates=ROOT / "templates")
    html = str(RENDERERS[name](site)) + "\n"
    path = GOLDEN / f"{name}.{edition}.html"
    if update_golden or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"golden file {path.name} was missing and has been written; review and commit it")
    assert html == path.read_text(encoding="utf-8")


def test_rendered_html_has_no_blank_lines() -> None:
    """A blank line would end Markdown's raw-HTML block and break the page."""
    site = Site(FIXTURE, "teacher", templates=ROOT / "templates")
    for render in RENDERERS.values():
        assert "\n\n" not in str(render(site))


def test_teacher_only_parts_only_in_teacher_edition() -> None:
    student = Site(FIXTURE, "student", templates=ROOT / "templates")
    teacher = Site(FIXTURE, "teacher", templates=ROOT / "templates")
    for text in ("参考答案与指导", "评分标准", "全部填写"):
        assert text not in student.embed("worksheet", "all-fields", LESSON)
        assert text in teacher.embed("worksheet", "all-fields", LESSON)
    assert "引导学生关注定位" not in student.embed("case", "made-up", LESSON)
    assert "引导学生关注定位" in teacher.embed("case", "made-up", LESSON)


def test_markup_in_data_is_escaped() -> None:
    html = str(Site(FIXTURE, "teacher", templates=ROOT / "templates").embed("worksheet", "all-fields", LESSON))
    assert "<b>定位</b>" not in html and "&lt;b&gt;定位&lt;/b&gt;" in html
    sop = str(Site(FIXTURE, "student", templates=ROOT / "templates").embed("sop", "daily", LESSON))
    assert "<今天>" not in sop and "&lt;今天&gt;" in sop


def test_fictional_case_is_marked() -> None:
    assert "教学案例（虚构）" in Site(FIXTURE, templates=ROOT / "templates").embed("case", "made-up", LESSON)


def test_term_is_a_markdown_link_to_the_glossary() -> None:
    """A Markdown link (mkdocs checks it), then the definition for ck-terms.js's tooltip, hidden."""
    site = Site(FIXTURE, templates=ROOT / "templates")
    tip = ('{ .ck-term data-term="community" }<span class="ck-term-def" data-term-def="community" hidden '
           'data-search-exclude="coursekit">因共同需求聚在一起、持续互动的一群人。</span>')
    assert site.embed("term", "community", LESSON) == "[社群](../../library/glossary.md#term-community)" + tip
    assert site.embed("term", "community", "index.md", "社群们") == "[社群们](library/glossary.md#term-community)" + tip


def test_golden_dir_has_no_stale_files() -> None:
    expected = {f"{n}.{e}.html" for n in RENDERERS for e in ("student", "teacher")}
    assert {p.name for p in GOLDEN.glob("*.html")} <= expected

