"""A content kind is declared once: a model, a template and one :class:`Kind` make it work everywhere."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from coursekit import kinds
from coursekit.models.base import Record, Slug, Text
from coursekit.pagecheck import jinja_problems, render_page
from coursekit.registry import check, load
from coursekit.kinds.describe import fields
from coursekit.search.records import record_entries
from coursekit.site import Site, macro_names

from conftest import teacher_fragments

LESSON = "modules/01-alpha/1-first.md"
ANSWER = "参考答案：先明确社群为谁服务再决定建群的方式。"


class Question(Record):
    """The whole model module of the new kind."""

    title: Text
    project: Slug
    text: Text
    answer: Text


EXERCISES = kinds.Kind(
    "exercises", Question, noun="exercise", title="练习题", anchor="q-", macro="exercise", template="exercise",
    var="q", library_page="library/exercises.md", listed=True, search=fields("title", "text", prefix="练习题："),
    teacher_only=("answer",))

TEMPLATE = """<div class="ck-question" id="{{ anchor('exercises', q.id) }}"><p>{{ q.text | md_inline }}</p>
{% if teacher %}<p class="ck-answer">{{ q.answer }}</p>{% endif %}</div>
"""


@pytest.fixture
def declared(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture course with one question, embedded in the first lesson; the kind declared, nothing else."""
    monkeypatch.setattr(kinds, "ALL", (*kinds.ALL, EXERCISES))
    (course / "templates" / "exercise.html").write_text(TEMPLATE, encoding="utf-8")
    (course / "data" / "exercises").mkdir()
    (course / "data" / "exercises" / "why-position.yml").write_text(
        f"id: why-position\ntitle: 为什么先定位\nproject: 01-alpha\ntext: 建群之前为什么要**先定位**？\nanswer: {ANSWER}\n",
        encoding="utf-8")
    page = course / "docs" / LESSON
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ exercise("why-position") }}\n', encoding="utf-8")
    (course / "docs" / "library" / "exercises.md").write_text("# 练习题\n\n{{ library(\"exercises\") }}\n",
                                                              encoding="utf-8")
    return course


def test_a_declared_kind_is_validated(declared: Path) -> None:
    (declared / "data" / "exercises" / "no-text.yml").write_text("id: no-text\ntitle: 题\nproject: 01-alpha\n"
                                                                 "answer: 答\n", encoding="utf-8")
    (declared / "data" / "exercises" / "lost.yml").write_text("id: lost\ntitle: 题\nproject: 09-gamma\ntext: 问\n"
                                                              "answer: 答\n", encoding="utf-8")
    page = declared / "docs" / LESSON
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ exercise("why-positon") }}\n', encoding="utf-8")
    found = [str(p) for p in check(declared)]
    assert "data/exercises/no-text.yml:1 [schema] text: required field is missing; add it" in found
    assert any(p.startswith("data/exercises/lost.yml:3 [unknown-ref] project '09-gamma' does not exist")
               for p in found)
    assert any(p.startswith(f'docs/{LESSON}:') and '[unknown-id] exercise("why-positon"): no exercise with id '
               "'why-positon' in data/exercises/; did you mean 'why-position'?" in p for p in found)


def test_a_declared_kind_is_embedded_anchored_listed_and_searched(declared: Path) -> None:
    reg = load(declared)
    assert list(reg.records["exercises"]) == ["why-position"]
    assert "exercise" in macro_names()
    page = reg.pages[LESSON]
    assert jinja_problems(page.body, page.rel, page.body_line, page.meta) == []
    student, teacher = Site(declared), Site(declared, "teacher")
    markdown, problems = render_page(student, LESSON, page)
    assert problems == []
    assert '<div class="ck-question" id="q-why-position"><p>建群之前为什么要<strong>先定位</strong>？</p>' in markdown
    assert student.home_of("exercises", "why-position") == (LESSON, "q-why-position")
    listing = str(student.library("exercises", "library/exercises.md"))
    assert 'id="q-why-position-entry"' in listing
    assert '<a href="../../modules/01-alpha/1-first/#q-why-position">为什么先定位</a>' in listing
    entries = record_entries(student, {LESSON: "modules/01-alpha/1-first/"})
    assert [(e.location, e.title, e.text) for e in entries if e.location.endswith("#q-why-position")] == [
        ("modules/01-alpha/1-first/#q-why-position", "为什么先定位", "练习题：建群之前为什么要先定位？")]
    assert ANSWER in str(teacher.embed("exercise", "why-position", LESSON))
    assert ANSWER not in markdown


def test_a_declared_kinds_teacher_only_fields_are_leak_tested(declared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = load(declared)
    assert ANSWER.rstrip("。") in teacher_fragments(reg, pages=False)
    undeclared = dataclasses.replace(EXERCISES, teacher_only=())
    kinds_without = tuple(undeclared if k is EXERCISES else k for k in kinds.ALL)
    monkeypatch.setattr(kinds, "ALL", kinds_without)
    assert ANSWER.rstrip("。") not in teacher_fragments(reg, pages=False)


def test_lookups() -> None:
    assert [k.name for k in kinds.ALL] == ["bibliography", "worksheets", "sops", "cases", "glossary", "questions",
                                        "lessonplans"]
    assert kinds.kind("sops") is kinds.SOPS
    assert kinds.by_macro("term") is kinds.GLOSSARY
    assert kinds.by_macro("lesson_header") is None
    with pytest.raises(KeyError):
        kinds.kind("exercises")
