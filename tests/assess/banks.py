"""Synthetic question banks and blueprints for the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coursekit.models import QuestionBank
from coursekit.models.course import Exam

EXAM = {"minutes": 90, "total": 10, "seed": 1, "difficulty": {"易": 30, "中": 50, "难": 20}, "tolerance": 1,
        "sections": [{"type": "single", "count": 3, "points": 1}, {"type": "judge", "count": 2, "points": 1},
                     {"type": "short", "count": 1, "points": 5}]}


def item(n: int, kind: str, difficulty: str, stem: str = "") -> dict[str, Any]:
    """A valid item of ``kind``; ``stem`` replaces the numbered default."""
    base: dict[str, Any] = {"id": f"q{n:02d}", "type": kind, "difficulty": difficulty, "point": "task",
                            "objective": "knowledge", "analysis": f"解析{n}号"}
    text = stem or f"第 {n} 题的题干（{kind}）"
    if kind == "single":
        return {**base, "stem": text, "options": ["甲", "乙", "丙", "丁"], "answer": "A",
                "why_wrong": {"B": "错一", "C": "错二", "D": "错三"}}
    if kind == "multiple":
        return {**base, "stem": text, "options": ["甲", "乙", "丙", "丁"], "answer": "AB",
                "why_wrong": {"C": "错二", "D": "错三"}}
    if kind == "judge":
        return {**base, "stem": text, "answer": True}
    if kind == "blank":
        return {**base, "stem": text + "____", "answer": [["空"]]}
    return {**base, "stem": text, "answer": f"参考答案{n}号", "scoring": [{"step": f"要点{n}号", "points": 3},
                                                                       {"step": "结论", "points": 2}]}


def bank_data(spec: list[tuple[str, str]], project: str = "01-alpha", task: int = 1,
              stems: dict[int, str] | None = None) -> dict[str, Any]:
    """A bank with one item per (type, difficulty) in ``spec``."""
    items = [item(n, kind, d, (stems or {}).get(n, "")) for n, (kind, d) in enumerate(spec, start=1)]
    return {"id": f"{project[:2]}-{task}", "project": project, "task": task, "items": items}


def bank(spec: list[tuple[str, str]], project: str = "01-alpha", task: int = 1) -> QuestionBank:
    return QuestionBank.model_validate(bank_data(spec, project, task))


def exam(**changes: Any) -> Exam:
    return Exam.model_validate({**EXAM, **changes})


def write_course(course: Path, data: dict[str, Any], blueprint: dict[str, Any] | None = None) -> None:
    """Write a bank into the fixture course copy and add ``blueprint`` (default EXAM) to its course.yml."""
    folder = course / "data" / "questions"
    folder.mkdir(exist_ok=True)
    (folder / f"{data['id']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    outline = course / "data" / "course.yml"
    text = outline.read_text(encoding="utf-8")
    exam_yaml = yaml.safe_dump({"exam": blueprint or EXAM}, allow_unicode=True, sort_keys=False)
    outline.write_text(text + exam_yaml, encoding="utf-8")


ENOUGH = [*[("single", "易")] * 2, *[("single", "难")] * 4, *[("judge", "易")] * 4, ("short", "中"), ("short", "中")]
"""Just enough for EXAM twice over, mix included: 6 singles, 4 judges, 2 shorts."""
