"""The 课后自测: which items reach students (QUESTIONS.shown), the quiz macro, and the built sites."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from coursekit import grading, kinds
from coursekit.models import QuestionBank
from coursekit.registry import check, load
from coursekit.site import Site

from conftest import QUIZ_BANK, ROOT, add_quiz, teacher_fragments

LESSON = "modules/01-alpha/1-first.md"


def test_the_kind_shows_self_check_items_and_keeps_the_exam_pool_for_teachers() -> None:
    k = kinds.QUESTIONS
    bank = QuestionBank.model_validate(yaml.safe_load(QUIZ_BANK.read_text(encoding="utf-8")))
    shown = kinds.student_part(k, bank)
    assert [q.id for q in shown.items] == ["q01", "q02", "q03", "q04"]
    hidden = list(kinds.teacher_texts(k, bank))
    assert "EXAM-ONLY-ANSWER 先想清楚为谁服务。" in hidden and "EXAM-ONLY-ANALYSIS 先定位，再建群。" in hidden
    assert "考试题：建群前最先要做的是（　）。" in hidden and "说出服务对象" in hidden
    assert not set(hidden) & {"社群靠**共同目标**和持续互动维系。", "社群和普通群的区别在于（　）。", "人数不是关键。"}
    assert kinds.student_part(kinds.WORKSHEETS, bank) is bank  # other kinds show the whole record


def test_the_leak_fragments_cover_exam_items_and_not_self_check_ones() -> None:
    reg = load(ROOT)
    fragments = teacher_fragments(reg, pages=False)
    for bank in reg.records["questions"].values():
        for q in bank.items:
            texts = [q.stem, q.analysis, *q.why_wrong.values()]
            found = [f for f in fragments if any(f in t for t in texts)]
            assert bool(found) != q.selfcheck, (bank.id, q.id, found[:2])


def test_the_quiz_shows_the_self_check_items_in_both_editions(course: Path) -> None:
    add_quiz(course)
    for edition in ("student", "teacher"):
        html = str(Site(course, edition, templates=ROOT / "templates").embed("quiz", "01-1", LESSON))
        assert re.findall(r'data-item="(q\d+)"', html) == ["q01", "q02", "q03", "q04"]
        assert "EXAM-ONLY" not in html and "建群前最先要做" not in html
        assert "持续&lt;互动&gt;" in html and "<互动>" not in html  # data is text, not markup
        assert ("library/questions/#qb-01-1" in html) == (edition == "teacher")


def test_the_quiz_version_ignores_the_exam_pool(course: Path) -> None:
    """Editing an exam item must not change the 课后自测 a student's progress is stored against."""
    def version() -> str:
        html = str(Site(course, templates=ROOT / "templates").embed("quiz", "01-1", LESSON))
        return re.search(r'data-version="(\w+)"', html)[1]  # type: ignore[index]
    path = add_quiz(course)
    before = version()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["items"][5]["answer"] = "改过的参考答案。"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert version() == before
    data["items"][0]["analysis"] = "改过的解析。"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert version() != before


def test_the_student_config_drops_the_bank_page_and_its_assets() -> None:
    js, css = kinds.QUESTIONS.teacher_assets
    conf = {"extra": {"edition": "student"}, "nav": ["index.md", "library/questions.md"], "exclude_docs": None,
            "extra_javascript": ["assets/javascripts/ck-quiz.js", js], "extra_css": ["assets/stylesheets/quiz.css", css]}
    grading.teacher_only(conf)
    assert conf["nav"] == ["index.md"]
    assert conf["extra_javascript"] == ["assets/javascripts/ck-quiz.js"]
    assert conf["extra_css"] == ["assets/stylesheets/quiz.css"]
    assert conf["exclude_docs"].match_file(js) and not conf["exclude_docs"].match_file("assets/javascripts/ck-quiz.js")


def test_a_quiz_on_another_page_is_reported(course: Path) -> None:
    add_quiz(course)
    assert [str(p) for p in check(course)] == []
    index = course / "docs" / "modules" / "01-alpha" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n{{ quiz("01-1") }}\n', encoding="utf-8")
    found = [str(p) for p in check(course)]
    assert any(p.startswith("data/questions/01-1.yml:1 [quiz-page] quiz(\"01-1\") is on docs/modules/01-alpha/index.md")
               and p.endswith("belongs on its own task page, docs/modules/01-alpha/1-first.md") for p in found), found


def test_every_task_page_has_its_quiz_before_the_exercises() -> None:
    reg = load(ROOT)
    for path, lesson in reg.lessons.items():
        body = reg.pages[path].body
        bank = f"{lesson.project[:2]}-{lesson.task}"
        assert body.count(f'{{{{ quiz("{bank}") }}}}') == 1, path
        assert body.index("## 课后自测 { #selfcheck }") < body.index("## 思考与练习 { #exercises }"), path


# -- the built sites ---------------------------------------------------------------------------------------

@pytest.mark.build
def test_the_student_site_has_exactly_the_self_check_items(student_site: Path) -> None:
    reg = load(ROOT)
    everything = "\n".join(p.read_text(encoding="utf-8") for p in student_site.rglob("*")
                           if p.is_file() and p.suffix in (".html", ".json", ".js", ".xml", ".css"))
    exam = [t for bank in reg.records["questions"].values() for q in bank.items if not q.selfcheck
            for t in (q.stem, q.analysis, q.answer if isinstance(q.answer, str) else "", *q.why_wrong.values())]
    fragments = [f for f in teacher_fragments(reg, pages=True) if any(f in t for t in exam)]
    assert len(fragments) > 500
    assert [f for f in fragments if f in everything] == []  # the exam pool, anywhere a student can open
    for path, lesson in reg.lessons.items():
        bank = reg.records["questions"][f"{lesson.project[:2]}-{lesson.task}"]
        page = (student_site / path[:-3] / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<li class="ck-quiz-item" id="qb-[\w-]+" data-item="(q\d+)"', page)
        assert shown == [q.id for q in bank.items if q.selfcheck], path
    for asset in kinds.QUESTIONS.teacher_assets:
        assert not (student_site / asset).exists()
        assert Path(asset).name not in everything


@pytest.mark.build
def test_the_student_search_index_has_no_quiz(student_site: Path) -> None:
    index = json.loads((student_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(d["title"] + d["text"] for d in index["docs"]).replace("\u200b", "")
    reg = load(ROOT)
    for bank in reg.records["questions"].values():
        for q in bank.items:
            assert q.analysis not in text, (bank.id, q.id)
    assert not [d["location"] for d in index["docs"] if d["location"].endswith("#selfcheck")]


@pytest.mark.build
def test_the_teacher_site_links_each_quiz_to_its_bank_and_filters_the_bank(teacher_site: Path) -> None:
    page = (teacher_site / "modules" / "01-preparation" / "1-know-community" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../library/questions/#qb-01-1"' in page
    bank = (teacher_site / "library" / "questions" / "index.html").read_text(encoding="utf-8")
    assert 'id="qb-01-1"' in bank
    for asset in kinds.QUESTIONS.teacher_assets:
        assert (teacher_site / asset).exists() and Path(asset).name in bank
