"""题库-学习通.xlsx: the whole bank as 学习通's Excel question-bank import, one row per item.

Which column holds what comes from the mapping file (:mod:`.mapping`), so a teacher whose platform
hands out a different template edits that file, not code. 判断题 follow 学习通's template: two options,
选项A 正确 and 选项B 错误, and the answer is the letter (A or B). A 填空题's answers go in the option
columns, one blank per column, its accepted answers separated by ``;`` as 学习通 asks. No cell is
ever stored as a formula: text that starts like one stays text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .. import outputs
from ..errors import CourseError, Problem
from ..handouts.fonts import DEFAULT, face
from ..models.question import LETTERS, TYPE_NAMES
from ..plaintext import is_formula_like
from ..registry import Registry
from . import bank
from .bank import Entry
from .mapping import Mapping, default_path, load, rel

log = logging.getLogger(__name__)

FILE = outputs.QUESTION_FILES["xuexitong"][0]
HEAD_FILL = PatternFill("solid", fgColor="E0F2F1")
WIDE = {"stem": 50, "analysis": 60, "answer": 30, "catalog": 30}


def write_xuexitong(reg: Registry, out_dir: Path, lang: str = DEFAULT, mapping: Path | None = None) -> list[Path]:
    """Write the workbook to ``out_dir`` with the columns of ``mapping`` (default: the course's); returns its path."""
    path = mapping or default_path(reg.root)
    columns = load(path, reg.root)
    problems = overflow(reg, columns, rel(path, reg.root))
    if problems:
        raise CourseError(problems)
    return [write_sheet(reg, out_dir / FILE, columns, lang)]


def overflow(reg: Registry, mapping: Mapping, where: str) -> list[Problem]:
    """An item with more options (or blanks) than the mapping has option columns would lose some: say which."""
    have = {c.value for c in mapping.columns}
    room = next((i for i, letter in enumerate(LETTERS) if f"option_{letter.lower()}" not in have), len(LETTERS))
    if not room:
        return []  # a template without option columns (open items only, say): nothing to cut
    more = (f"add option_{LETTERS[room].lower()} and on" if room < len(LETTERS)
            else "学习通 has at most 8; split the item")
    return [Problem(where, None, "schema", f"columns: item {e.uid} needs {n} option columns (选项A…) but the mapping "
                                           f"has {room}; {more}")
            for e in bank.entries(reg) if (n := len(option_texts(e, mapping))) > room]


def write_sheet(reg: Registry, dest: Path, mapping: Mapping, lang: str = DEFAULT) -> Path:
    """The workbook at ``dest``, its columns as ``mapping`` says."""
    font = face(lang).sans
    wb = Workbook()
    ws = wb.active
    ws.title = mapping.sheet
    for col, column in enumerate(mapping.columns, start=1):
        cell = ws.cell(1, col)
        _set(cell, column.header)
        cell.font, cell.fill = Font(name=font, bold=True), HEAD_FILL
        ws.column_dimensions[get_column_letter(col)].width = WIDE.get(column.value, 12)
    for row, entry in enumerate(bank.entries(reg), start=2):
        for col, column in enumerate(mapping.columns, start=1):
            cell = ws.cell(row, col)
            _set(cell, VALUES[column.value](entry, mapping))
            cell.font, cell.alignment = Font(name=font), Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.properties.title, wb.properties.creator = f"{reg.course.title} 题库", f"{reg.course.title}编写组"
    wb.save(dest)
    return dest


def _set(cell: Any, value: str | int | None) -> None:
    """Store a value; text that a spreadsheet would read as a formula stays text."""
    cell.value = value if value != "" else None
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def catalog(e: Entry, m: Mapping) -> str:
    """学习通's folder path: ``/项目…/任务…`` (a ``/`` inside a title would start a new folder)."""
    return "/" + "/".join(part.replace("/", "／") for part in (e.project_name, e.task_name))


def answer(e: Entry, m: Mapping) -> str:
    """The 正确答案 cell: letters, A/B for 判断, the reference answer for open items, empty for 填空."""
    q = e.item
    if q.type == "judge":
        return "A" if q.answer is True else "B"
    if q.type == "blank":
        return ""
    assert isinstance(q.answer, str)
    return q.answer if q.type in ("single", "multiple") else bank.text(q.answer)


def option_texts(e: Entry, m: Mapping) -> list[str]:
    """What the option columns hold: options, the two 判断 words, or each blank's accepted answers."""
    q = e.item
    if q.type == "judge":
        return list(m.judge_options)
    if q.type == "blank":
        return [m.alternatives.join(accepted) for accepted in bank.blanks(q)]
    return [text for _, text in bank.options(q)]


def tags(e: Entry, m: Mapping) -> str:
    """课后自测 (when marked), 知识 or 技能, and the item's id in the bank."""
    found = (["课后自测"] if e.item.selfcheck else []) + ["知识" if e.item.objective == "knowledge" else "技能", e.uid]
    return m.tags_separator.join(found)


def _option(index: int) -> Callable[[Entry, Mapping], str]:
    def value(e: Entry, m: Mapping) -> str:
        texts = option_texts(e, m)
        return texts[index] if index < len(texts) else ""
    return value


VALUES: dict[str, Callable[[Entry, Mapping], str | int | None]] = {
    "catalog": catalog,
    "type": lambda e, m: TYPE_NAMES[e.item.type],
    "stem": lambda e, m: bank.stem(e.item),
    "answer": answer,
    "analysis": lambda e, m: bank.full_analysis(e.item),
    "difficulty": lambda e, m: e.item.difficulty,
    "point": lambda e, m: e.point,
    "tags": tags,
    "option_count": lambda e, m: len(option_texts(e, m)) or None,
    "empty": lambda e, m: None,
    **{f"option_{letter.lower()}": _option(i) for i, letter in enumerate(LETTERS)},
}
"""Each ``value`` a mapping column may name, and how it is filled (mapping.Value lists the same names)."""
