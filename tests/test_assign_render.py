"""The 作业布置 form and the homework page as rendered from the data (no build)."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURE, ROOT
from coursekit.site import Site

JS = ROOT / "docs" / "assets" / "javascripts"


@pytest.fixture(params=["student", "teacher"])
def site(request: pytest.FixtureRequest) -> Site:
    return Site(FIXTURE, request.param, templates=ROOT / "templates")


def test_form_lists_every_worksheet_by_project(site: Site) -> None:
    html = str(site.assignment_form("assign.md"))
    ids = re.findall(r'name="w" value="([^"]+)"', html)
    assert sorted(ids) == sorted(site.reg.records["worksheets"])
    assert 'action="../homework/"' in html and 'method="get"' in html
    assert '<div class="ck-assign-group" data-project="01-alpha">' in html
    assert "\n\n" not in html


def test_homework_page_links_every_worksheet_to_its_task_page() -> None:
    site = Site(FIXTURE, "student", templates=ROOT / "templates")
    html = str(site.homework("homework.md"))
    assert re.findall(r'data-hw-item="([^"]+)" hidden', html) == ["all-fields"]
    assert '<a href="../modules/01-alpha/1-first/#ws-all-fields">表 1-1 全字段工作单</a>' in html
    # the worksheets themselves are loaded from the task pages: the page does not grow with the course
    assert "data-worksheet=" not in html and "参考答案与指导" not in html and "\n\n" not in html


def test_teacher_homework_page_has_no_worksheets_and_no_task_links() -> None:
    """Its task pages carry answers: a homework link opened there is forwarded to the student edition."""
    site = Site(ROOT, "teacher")
    html = str(site.homework("homework.md"))
    assert 'class="ck-homework-teacher"' in html and 'href="../assign/"' in html
    for text in ("data-worksheet=", "data-hw-item", "modules/", 'class="ck-homework"', "参考答案", "评分标准"):
        assert text not in html, text


def test_teacher_form_asks_for_the_student_site_only_in_the_teacher_edition(site: Site) -> None:
    html = str(site.assignment_form("assign.md"))
    assert ('data-edition="teacher"' in html) == site.teacher
    assert ('id="ck-assign-site"' in html) == site.teacher
    assert ("STUDENT_SITE_URL" in html) == site.teacher
    if site.teacher:  # the address field is not sent with the no-script GET form
        assert re.search(r'<input id="ck-assign-site"(?![^>]*\bname=)[^>]*>', html)


def test_real_course_pages_render_without_teacher_text_for_students() -> None:
    site = Site(ROOT, "student")
    for html in (str(site.assignment_form("assign.md")), str(site.homework("homework.md"))):
        for text in ("参考答案与指导", "评分标准", "ck-teacher-only"):
            assert text not in html
    assert len(re.findall(r'name="w" value=', str(site.assignment_form("assign.md")))) == \
        len(site.reg.records["worksheets"])


@pytest.mark.parametrize("path", sorted([*JS.glob("ck-*.js"), JS / "worksheets.js"]), ids=lambda p: p.name)
def test_scripts_stay_es2017(path) -> None:
    """WeChat's browser: no syntax newer than ES2017 (no ?., ??, object spread, modules)."""
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', path.read_text(encoding="utf-8"))  # drop string contents
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.DOTALL)
    for pattern, what in ((r"\?\.", "optional chaining"), (r"\?\?", "nullish coalescing"), (r"\.\.\.", "spread"),
                          (r"^\s*(import|export)\b", "modules"), (r"\.flat(Map)?\(", "Array.flat"),
                          (r"Object\.fromEntries", "Object.fromEntries"), (r"\bcatch\s*\{", "optional catch binding")):
        assert not re.search(pattern, code, re.MULTILINE), f"{path.name}: {what} is newer than ES2017"
