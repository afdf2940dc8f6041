"""The question bank (data/questions/<NN>-<task>.yml): its schema, its checks across the course, the real bank."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from coursekit import kinds
from coursekit.registry import check, load

from conftest import ROOT

GOOD = {
    "id": "01-1", "project": "01-alpha", "task": 1,
    "items": [
        {"id": "q01", "type": "single", "stem": "社群和普通群的区别在于（　）。",
         "options": ["人数多", "有共同目标和持续互动", "有群主", "天天发广告"], "answer": "B",
         "analysis": "社群靠共同目标和持续互动维系。",
         "why_wrong": {"A": "人数不是关键。", "C": "普通群也有群主。", "D": "广告不是社群的特征。"},
         "difficulty": "易", "point": "task", "objective": "knowledge", "selfcheck": True, "sources": ["slides"]},
        {"id": "q02", "type": "judge", "stem": "社群成员之间需要有持续的互动。", "answer": True,
         "analysis": "没有互动的群只是名单。", "difficulty": "易", "point": "task", "objective": "knowledge"},
        {"id": "q03", "type": "blank", "stem": "社群成员因为共同的____聚在一起。", "answer": [["目标", "兴趣"]],
         "analysis": "共同的目标或兴趣是社群的纽带。", "difficulty": "中", "point": "task", "objective": "knowledge"},
        {"id": "q04", "type": "short", "stem": "说说你为什么要先定位再建群。", "answer": "先想清楚为谁服务。",
         "analysis": "考查定位的意义。", "scoring": [{"step": "说出服务对象", "points": 3}],
         "difficulty": "难", "point": "worksheet", "objective": "skill"},
    ],
}


def write(course: Path, data: dict, name: str = "01-1") -> Path:
    folder = course / "data" / "questions"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def item(i: int, **changes: object) -> dict:
    data = {**GOOD, "items": [dict(x) for x in GOOD["items"]]}
    data["items"][i].update(changes)
    return data


def test_a_good_bank_loads_and_has_no_problems(course: Path) -> None:
    write(course, GOOD)
    assert [str(p) for p in check(course)] == []
    bank = load(course).records["questions"]["01-1"]
    assert [q.type for q in bank.items] == ["single", "judge", "blank", "short"]


@pytest.mark.parametrize(("changes", "expected"), [
    ((0, {"answer": "E"}), "items[0]: answer must be option letters among ABCD, in order, e.g. B"),
    ((0, {"answer": "AB"}), "items[0]: a 单选题 has exactly one answer letter"),
    ((0, {"why_wrong": {"A": "x", "C": "y"}}), "items[0]: why_wrong must explain each wrong option: ACD"),
    ((1, {"answer": "对"}), "items[1]: a 判断题's answer is true or false"),
    ((2, {"answer": [["目标"], ["兴趣"]]}),
     "items[2]: a 填空题 has one list of accepted answers per ____ in its stem"),
    ((3, {"selfcheck": True}),
     "items[3]: only objective items (single, multiple, judge, blank) can be selfcheck"),
    ((3, {"scoring": []}), "items[3]: a 简答题 has a reference answer and scoring steps"),
])
def test_an_item_that_does_not_fit_its_type_is_reported_at_its_line(course: Path, changes: tuple, expected: str) -> None:
    index, fields = changes
    write(course, item(index, **fields))
    found = [str(p) for p in check(course)]
    assert len(found) == 1 and found[0].startswith("data/questions/01-1.yml:"), found
    assert f"[schema] {expected}" in found[0]


def test_knowledge_points_sources_task_and_stems_are_checked_across_the_course(course: Path) -> None:
    write(course, item(0, point="no-such-heading", sources=["slide"]))
    other = {**item(1, stem="另一道题：社群需要持续互动。"), "id": "01-9", "task": 9}
    write(course, {**other, "items": other["items"][1:2]}, "01-9")
    found = [str(p) for p in check(course)]
    assert ("data/questions/01-1.yml:20 [unknown-ref] item q01: 知识点 'no-such-heading' is not a heading id of "
            "docs/modules/01-alpha/1-first.md; use one of its { #id } headings") in found
    assert "data/questions/01-1.yml:24 [unknown-ref] item q01: source 'slide' does not exist" in found
    assert "data/questions/01-9.yml:3 [unknown-ref] task 9 of 01-alpha has no task page in docs/modules/" in found
    write(course, {**GOOD, "id": "01-9", "task": 1}, "01-9")
    found = [str(p) for p in check(course)]
    assert any(p.startswith("data/questions/01-9.yml:") and "[duplicate-question] item q01: the same stem as "
               "01-1.yml item q01" in p for p in found), found


def test_the_bank_page_is_teacher_only_and_the_exam_pool_leak_tested() -> None:
    k = kinds.kind("questions")
    assert k.teacher_page and k.library_page == "library/questions.md"
    assert k.shown is not None  # everything outside the 课后自测 is teacher-only (tests/test_quiz.py)


def test_the_real_bank_covers_every_task_page() -> None:
    reg = load(ROOT)
    banks = reg.records["questions"]
    tasks = {(le.project, le.task) for le in reg.lessons.values()}
    assert {(b.project, b.task) for b in banks.values()} == tasks
    total = sum(len(b.items) for b in banks.values())
    assert total >= 300
    for bank in banks.values():
        types = Counter(q.type for q in bank.items)
        assert len(bank.items) >= 18, bank.id
        assert types["single"] >= 6 and types["multiple"] >= 3 and types["judge"] >= 4, bank.id
        assert types["blank"] >= 2 and types["short"] + types["case"] >= 3, bank.id
    selfcheck = sum(q.selfcheck for b in banks.values() for q in b.items)
    assert selfcheck <= 0.4 * total


@pytest.mark.build
def test_the_bank_page_is_built_for_teachers_only(student_site: Path, teacher_site: Path) -> None:
    assert not (student_site / "library" / "questions").exists()
    assert "library/questions/" not in (student_site / "index.html").read_text(encoding="utf-8")
    page = (teacher_site / "library" / "questions" / "index.html").read_text(encoding="utf-8")
    assert 'id="qb-01-1-q01"' in page and "<strong>答案：</strong>" in page and "<strong>解析：</strong>" in page
