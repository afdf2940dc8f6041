"""One student's hand-in of one worksheet, as every reader makes it (Word, JSON, 提交码).

The readers (:mod:`.read` for files, :mod:`.code` for 提交码s) both build on this module; it imports
neither, so they do not import each other's internals.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import identity

log = logging.getLogger(__name__)

MAX_DEPTH = 40               # nesting of answers; the site writes at most 4 levels
_SURROGATE = re.compile("[\ud800-\udfff]")


class Unreadable(Exception):
    """A file that holds no usable submission; ``str(exc)`` says why, in Chinese, for the teacher."""


@dataclass(frozen=True)
class Student:
    """Who handed a worksheet in."""

    name: str
    cls: str
    number: str

    @property
    def key(self) -> tuple[str, str]:
        """Identity within a class: the student number, else the name."""
        return identity.key(self.cls, self.number, self.name)


@dataclass
class Submission:
    """One student's answers to one worksheet, as found in one file."""

    worksheet: str
    version: str
    student: Student
    answers: dict[str, Any]
    old: list[dict[str, Any]] = field(default_factory=list)
    saved: str = ""      # ISO time the student saved or exported it
    source: Path = Path()
    notes: list[str] = field(default_factory=list)  # for the teacher's 核对提示 column
    word: bytes | None = None  # word/document.xml of a .docx, compared with the answers once the worksheet is known


def clean(value: Any, depth: int = 0) -> Any:
    """JSON data with lone surrogates replaced (no file format can store them); too deep is not ours."""
    if depth > MAX_DEPTH:
        raise Unreadable(f"答案数据嵌套超过 {MAX_DEPTH} 层，不是网站生成的答案")
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [clean(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean(k, depth + 1): clean(v, depth + 1) for k, v in value.items()}
    return value


def submission_from(data: dict[str, Any], path: Path) -> Submission:
    """Check a payload's shape and make a :class:`Submission`."""
    data = clean(data)
    student, answers = data.get("student"), data.get("answers")
    if not isinstance(student, dict) or not isinstance(answers, dict) or not isinstance(data.get("worksheet"), str):
        raise Unreadable("答案数据格式不对（缺少 worksheet、student 或 answers）")
    old: list[Any] = data["old"] if isinstance(data.get("old"), list) else []
    text = {k: identity.squash(v if isinstance(v := student.get(k), str | int) else "")
            for k in ("name", "class", "number")}
    assignment = data.get("assignment")
    link_cls = identity.squash(assignment.get("class")) if isinstance(assignment, dict) and isinstance(
        assignment.get("class"), str) else ""
    if link_cls:  # the class from the homework link wins over what the student typed
        text["class"] = link_cls
    return Submission(worksheet=data["worksheet"], version=str(data.get("version") or ""),
                      student=Student(text["name"], text["class"], text["number"]),
                      answers=keyed_by_header(answers, data.get("columns")),
                      old=[o for o in old if isinstance(o, dict)], saved=str(data.get("saved") or ""), source=path)


def keyed_by_header(answers: dict[str, Any], heads: Any) -> dict[str, Any]:
    """Positional table rows turned into {column header: cell} with the header list stored beside them.

    Rows are matched to the worksheet's columns by header later, so a column removed in a newer version of
    the worksheet cannot shift cells under the wrong header. Rows without a usable header list stay as
    they are (columns.py maps them by position only when the width matches).
    """
    if not isinstance(heads, dict):
        return answers
    out = dict(answers)
    for fid, names in heads.items():
        rows = out.get(fid)
        if not isinstance(names, list) or not isinstance(rows, list):
            continue
        out[fid] = [dict(zip(map(str, names), row)) if isinstance(row, list) and len(row) == len(names) else row
                    for row in rows]
    return out
