"""Each schema accepts valid records and rejects invalid ones with the exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit import models
from coursekit.kinds import kind as kind_of
from coursekit.registry import _load_record

from conftest import FIXTURE, ROOT

INVALID = sorted((ROOT / "tests" / "fixtures" / "invalid").glob("*.yml"))


def expected(path: Path) -> list[str]:
    """The ``# expect:`` lines at the top of a fixture file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_record_gives_exact_message(path: Path) -> None:
    kind = path.stem.split("--")[0]
    problems: list = []
    record, _ = _load_record(path, path.name, kind_of(kind).model, problems)
    assert record is None
    assert [f"{p.line} [{p.rule}] {p.message}" for p in problems] == expected(path)
    assert all(p.path == path.name for p in problems)


@pytest.mark.parametrize("path", sorted((FIXTURE / "data").glob("*/*.yml")), ids=lambda p: p.stem)
def test_valid_fixture_records_load(path: Path) -> None:
    problems: list = []
    record, _ = _load_record(path, path.name, kind_of(path.parent.name).model, problems)
    assert problems == []
    assert record.id == path.stem


def test_every_field_kind_is_covered_by_the_fixture() -> None:
    problems: list = []
    ws, _ = _load_record(FIXTURE / "data/worksheets/all-fields.yml", "x", models.Worksheet, problems)
    assert {f.kind for f in ws.fields()} == set(models.worksheet.FIELD_KINDS)


def test_field_ids_must_be_unique() -> None:
    data = {"id": "x", "title": "t", "project": "01-alpha", "purpose": "p", "instructions": "i", "minutes": 5,
            "sections": [{"title": "s", "fields": [{"id": "a", "kind": "text", "label": "l"},
                                                    {"id": "a", "kind": "text", "label": "m"}]}]}
    with pytest.raises(ValueError, match="field id 'a' is used twice"):
        models.Worksheet.model_validate(data)


def test_rubric_total_is_the_sum_of_points() -> None:
    problems: list = []
    ws, _ = _load_record(FIXTURE / "data/worksheets/all-fields.yml", "x", models.Worksheet, problems)
    assert ws.rubric.total == 100


def test_lesson_minutes_total() -> None:
    assert models.lesson.Minutes(teaching=45, practice=30).total == 75


class _Question(models.base.Model):
    text: models.base.Text
    table: list[str] = []


class _Bank(models.base.Record):
    questions: list[_Question]


def test_fields_named_like_field_kinds_keep_their_place() -> None:
    """A field called ``text`` or ``table`` is a field, not a worksheet field kind's union tag."""
    from coursekit.validate import validate
    data = {"id": "bank", "questions": [{"table": ["a"]}, {"text": "ok", "table": "x"}]}
    lines = {("questions", 0): 3, ("questions", 1, "table"): 6}
    record, problems = validate(_Bank, data, lines, "data/bank.yml")
    assert record is None
    assert [str(p) for p in problems] == [
        "data/bank.yml:3 [schema] questions[0].text: required field is missing; add it",
        "data/bank.yml:6 [schema] questions[1].table: input should be a valid list, got 'x'",
    ]
