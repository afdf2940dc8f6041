"""A second course, tests/fixtures/minicourse: mkdocs.yml and content only; coursekit brings the rest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coursekit.registry import load

from conftest import ROOT, build, teacher_fragments

pytestmark = pytest.mark.build

MINI = ROOT / "tests" / "fixtures" / "minicourse"
ALLOWED = {
    "mkdocs.yml", "mkdocs.teacher.yml",
    "data/course.yml", "data/bibliography/handbook.yml", "data/glossary/community.yml",
    "data/worksheets/first-plan.yml",
    "docs/index.md", "docs/library/glossary.md", "docs/modules/01-start/1-plan.md",
}
"""Every file of the course: no templates, macros, hooks or Python (they come with coursekit)."""
LESSON = "modules/01-start/1-plan/index.html"


def test_the_course_holds_only_config_data_and_pages() -> None:
    files = {p.relative_to(MINI).as_posix() for p in MINI.rglob("*")
             if p.is_file() and ".cache" not in p.relative_to(MINI).parts}  # jieba's cuts after a build in place
    assert files == ALLOWED


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both editions, built from a copy elsewhere: nothing may depend on the course's place in the repository."""
    course = tmp_path_factory.mktemp("mini") / "course"
    shutil.copytree(MINI, course, ignore=shutil.ignore_patterns(".cache"))
    built = {}
    for edition, config in [("student", "mkdocs.yml"), ("teacher", "mkdocs.teacher.yml")]:
        out = course.parent / f"site-{edition}"
        result = build(config, out, cwd=course)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        built[edition] = out
    return built


def text_of(site: Path) -> str:
    """Every page and the search index, as text."""
    parts = [re.sub(r"<[^>]+>", "", p.read_text(encoding="utf-8")) for p in site.rglob("*.html")]
    parts.append((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return "\n".join(parts).replace("\u200b", "")


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_the_worksheet_and_the_term_render(sites: dict[str, Path], edition: str) -> None:
    html = (sites[edition] / LESSON).read_text(encoding="utf-8")
    assert '<div class="ck-worksheet" id="ws-first-plan" data-worksheet="first-plan"' in html
    assert "建群计划表" in html and "社群名称" in html
    assert 'href="../../../library/glossary/#term-community"' in html


def test_teacher_only_text_is_only_in_the_teacher_edition(sites: dict[str, Path]) -> None:
    fragments = teacher_fragments(load(MINI), pages=False)  # the worksheet's answer and rubric
    assert len(fragments) >= 3
    student, teacher = text_of(sites["student"]), text_of(sites["teacher"])
    assert [f for f in fragments if f in student] == []
    assert [f for f in fragments if f not in teacher] == []
