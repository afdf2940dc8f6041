"""The exam blueprint: the draw of papers A and B (pure) and what coursekit check says about the bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit import blueprint, kinds
from coursekit.registry import check, load

from conftest import ROOT
from .banks import ENOUGH, EXAM, bank, bank_data, exam, write_course


@pytest.fixture(scope="module")
def real() -> tuple:
    reg = load(ROOT)
    weight = blueprint.weights(reg.projects, reg.lessons.values())
    return reg, weight, list(reg.records[kinds.QUESTIONS.name].values())


def ids(paper: blueprint.Paper) -> list[tuple[str, str]]:
    return [(p.bank, p.item.id) for p in paper.picks]


def test_shares_are_largest_remainders_within_caps() -> None:
    w = {"a": 1, "b": 1, "c": 1}
    assert blueprint.shares(10, w, dict.fromkeys(w, 99)) == {"a": 4, "b": 3, "c": 3}
    assert blueprint.shares(10, w, dict.fromkeys(w, 99), last_first=True) == {"a": 3, "b": 3, "c": 4}
    assert blueprint.shares(10, {"a": 6, "b": 3, "c": 1}, dict.fromkeys(w, 99)) == {"a": 6, "b": 3, "c": 1}
    assert blueprint.shares(10, {"a": 5, "b": 5}, {"a": 2, "b": 99}) == {"a": 2, "b": 8}  # a's excess goes to b
    assert sum(blueprint.shares(10, {"a": 5, "b": 5}, {"a": 2, "b": 3}).values()) == 5   # caps too small


def test_the_real_papers_meet_the_blueprint(real: tuple) -> None:
    reg, weight, banks = real
    exam_ = reg.course.exam
    a, b = blueprint.draw(exam_, banks, weight)
    assert not set(ids(a)) & set(ids(b)), "papers A and B share an item"
    total_minutes = sum(weight.values())
    for paper in (a, b):
        assert paper.total == exam_.total == 100
        for part, section in zip(paper.parts, exam_.sections):
            assert [p.item.type for p in part.picks] == [section.type] * section.count
            assert not any(p.item.selfcheck for p in part.picks)
            for slug, minutes in weight.items():  # largest remainders: the floor or the ceiling of the share
                got = sum(1 for p in part.picks if p.project == slug)
                assert int(section.count * minutes / total_minutes) <= got <= -(-section.count * minutes // total_minutes)
        for d, pts in paper.by_difficulty().items():
            assert abs(pts - exam_.difficulty[d] * exam_.total / 100) <= exam_.tolerance


def test_the_draw_is_the_same_on_every_run_and_seeded(real: tuple) -> None:
    reg, weight, banks = real
    first = blueprint.draw(reg.course.exam, banks, weight)
    again = blueprint.draw(reg.course.exam, list(reversed(banks)), weight)
    assert [ids(p) for p in first] == [ids(p) for p in again]
    other = blueprint.draw(reg.course.exam.model_copy(update={"seed": 99}), banks, weight)
    assert ids(other[0]) != ids(first[0])


def test_a_one_item_section_comes_from_different_projects_in_a_and_b(real: tuple) -> None:
    reg, weight, banks = real
    a, b = blueprint.draw(reg.course.exam, banks, weight)
    assert a.parts[-1].picks[0].project != b.parts[-1].picks[0].project  # the 案例分析题


def test_scoring_steps_scale_to_the_section_points() -> None:
    short = bank([("short", "中")]).items[0]  # steps of 3 and 2 points
    assert blueprint.step_points(short, 5) == [3, 2]
    assert blueprint.step_points(short, 20) == [12, 8]
    assert sum(blueprint.step_points(short, 7)) == 7


def test_a_small_bank_is_drawn_exactly() -> None:
    a, b = blueprint.draw(exam(), [bank(ENOUGH)], {"01-alpha": 90})
    assert [len(part.picks) for part in a.parts] == [3, 2, 1] == [len(part.picks) for part in b.parts]
    assert a.by_difficulty() == {"易": 3, "中": 5, "难": 2} == b.by_difficulty()


def test_check_names_the_type_and_how_many_items_are_missing(course: Path) -> None:
    write_course(course, bank_data(ENOUGH[:-1]))  # one 简答题 only: 2 needed
    line = (course / "data" / "course.yml").read_text(encoding="utf-8").splitlines().index("  - type: short") + 1
    assert [str(p) for p in check(course)] == [
        f"data/course.yml:{line} [exam-blueprint] exam.sections[2]: 简答题 ×1 needs 2 items for papers A and B "
        "(no item in both) but the bank has 1 outside the 课后自测: 1 missing; add 简答题 items without selfcheck "
        "to data/questions/ or lower the count"]


def test_selfcheck_items_are_not_in_the_exam_pool(course: Path) -> None:
    data = bank_data(ENOUGH)
    data["items"][0]["selfcheck"] = True
    write_course(course, data)
    assert any("简答题" not in str(p) and "单选题 ×3 needs 6 items" in str(p) and "1 missing" in str(p)
               for p in check(course))


def test_check_refuses_a_mix_the_bank_cannot_meet(course: Path) -> None:
    spec = [*[("single", "难")] * 6, *[("judge", "难")] * 4, ("short", "中"), ("short", "中")]
    write_course(course, bank_data(spec))
    found = [str(p) for p in check(course)]
    assert any("[exam-blueprint] exam.difficulty: paper A's 易 items make 0 points, the blueprint asks 3 ± 1" in p
               for p in found), found


def test_points_must_add_up_to_the_total(course: Path) -> None:
    write_course(course, bank_data(ENOUGH), {**EXAM, "total": 12})
    found = [str(p) for p in check(course)]
    assert len(found) == 1 and found[0].startswith("data/course.yml:")
    assert found[0].endswith("[schema] exam: the sections' points add up to 10, not the total 12")


def test_a_blueprint_the_bank_meets_passes(course: Path) -> None:
    write_course(course, bank_data(ENOUGH))
    assert [str(p) for p in check(course)] == []
    assert load(course).course.exam is not None


@pytest.mark.parametrize(("changes", "expected"), [
    ({"difficulty": {"易": 30, "中": 50}}, "exam: difficulty gives 易, 中 and 难 as percentages adding up to 100, "
                                         "e.g. {易: 30, 中: 50, 难: 20}"),
    ({"sections": [*EXAM["sections"], {"type": "judge", "count": 1, "points": 1}], "total": 11},
     "exam: each question type is one section; 判断题 appear more than once"),
    ({"sections": [{"type": "essay", "count": 1, "points": 10}]}, "exam.sections[0].type: 'essay' is not one of"),
])
def test_a_bad_blueprint_is_a_schema_error(course: Path, changes: dict, expected: str) -> None:
    write_course(course, bank_data(ENOUGH), {**EXAM, **changes})
    found = [str(p) for p in check(course)]
    assert len(found) == 1 and found[0].startswith("data/course.yml:") and f"[schema] {expected}" in found[0], found


def test_grading_weights_add_up_to_100(course: Path) -> None:
    outline = course / "data" / "course.yml"
    line = len(outline.read_text(encoding="utf-8").splitlines()) + 1
    outline.write_text(outline.read_text(encoding="utf-8") + "grading:\n"
                       "  - {name: 平时, weight: 30, basis: classwork, assesses: 出勤, method: 记录, objectives: [qualities]}\n",
                       encoding="utf-8")
    found = [str(p) for p in check(course)]
    assert found == [f"data/course.yml:{line} [schema] grading: the parts' weights add up to 30 %, not 100 %"], found
