"""On the site: each worksheet, SOP and case links to its files, each project page to its 教学包 and its
项目实训自评互评表."""

from __future__ import annotations

import posixpath
import re

import pytest

from coursekit.plugin.config import flag
from coursekit.site import Site
from coursekit.urls import page_url

from conftest import FIXTURE, ROOT

LESSON = "modules/01-alpha/1-first.md"
INDEX = "modules/01-alpha/index.md"


def site(edition: str, downloads: bool = True) -> Site:
    return Site(FIXTURE, edition, templates=ROOT / "templates", downloads=downloads)


def hrefs(html: str) -> list[str]:
    """Links to handout files (other generated files, e.g. slides, are not this command's)."""
    return [h for h in re.findall(r'href="([^"]*downloads/[^"]*)"', str(html))
            if h.endswith((".pdf", ".docx", ".xlsx", ".zip"))]


def test_no_links_unless_downloads_are_on() -> None:
    s = site("teacher", downloads=False)
    for html in (s.embed("worksheet", "all-fields", LESSON), s.embed("sop", "daily", LESSON), s.embed("case", "made-up", LESSON),
                 s.project_overview({"project": "01-alpha"}, INDEX), s.project_practice({"project": "01-alpha"}, INDEX)):
        assert "ck-downloads" not in html and not hrefs(html)


def test_student_pages_link_only_student_files() -> None:
    s = site("student")
    assert hrefs(s.embed("worksheet", "all-fields", LESSON)) == ["../../../downloads/01-alpha/worksheets/all-fields.pdf",
                                                       "../../../downloads/01-alpha/worksheets/all-fields.docx"]
    assert hrefs(s.embed("sop", "daily", LESSON)) == ["../../../downloads/01-alpha/sops/daily.xlsx",
                                            "../../../downloads/01-alpha/sops/daily.pdf"]
    assert hrefs(s.embed("case", "made-up", LESSON)) == ["../../../downloads/01-alpha/cases/made-up.pdf"]
    assert hrefs(s.project_overview({"project": "01-alpha"}, INDEX)) == ["../../downloads/01-alpha.zip"]
    assert hrefs(s.project_practice({"project": "01-alpha"}, INDEX)) == ["../../downloads/01-alpha/项目实训自评互评表.docx"]


def test_teacher_pages_also_link_teacher_files() -> None:
    s = site("teacher")
    assert "../../../downloads/01-alpha/worksheets/all-fields.teacher.pdf" in hrefs(s.embed("worksheet", "all-fields", LESSON))
    assert "../../../downloads/01-alpha/cases/made-up.teacher.pdf" in hrefs(s.embed("case", "made-up", LESSON))
    assert hrefs(s.project_overview({"project": "01-alpha"}, INDEX)) == ["../../downloads/01-alpha.zip",
                                                                        "../../downloads/01-alpha.teacher.zip"]


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_every_link_finds_a_generated_file(fixture_pack, edition: str) -> None:
    """Resolved against the page's URL, each link names a file the handouts command wrote."""
    out, _ = fixture_pack
    s = site(edition)
    pages = {LESSON: [s.embed("worksheet", "all-fields", LESSON), s.embed("sop", "daily", LESSON), s.embed("case", "made-up", LESSON)],
             INDEX: [s.project_overview({"project": "01-alpha"}, INDEX), s.project_practice({"project": "01-alpha"}, INDEX)]}
    for page, htmls in pages.items():
        for href in (h for html in htmls for h in hrefs(html)):
            target = posixpath.normpath(posixpath.join(page_url(page), href))
            assert target.startswith("downloads/")
            assert (out / target.removeprefix("downloads/")).is_file(), target


def test_downloads_setting_from_the_environment() -> None:
    assert flag(True) and flag("true") and flag("1") and flag("on")
    assert not flag(False) and not flag("false") and not flag("") and not flag(None)


@pytest.mark.parametrize("env,expected", [({}, False), ({"COURSEKIT_DOWNLOADS": "true"}, True)])
def test_mkdocs_yml_turns_downloads_on_from_the_environment(monkeypatch, env: dict, expected: bool) -> None:
    from mkdocs.utils.yaml import yaml_load
    monkeypatch.delenv("COURSEKIT_DOWNLOADS", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        assert flag(yaml_load(f)["plugins"]["coursekit"]["downloads"]) is expected
