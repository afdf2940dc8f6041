"""Write the gradebook (.xlsx): a summary sheet per class, a sheet per worksheet, a sheet of problems.

Each worksheet sheet has a row per student: class, number, name, time, file, one column per answer
(:mod:`.columns`), then one score column per rubric criterion (header gives its maximum, input limited
to 0…maximum) and a total. Text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as text with
Excel's quote prefix, so opening the gradebook never runs a student's formula.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet as Sheet

from .. import kinds
from ..models.worksheet import Worksheet
from ..registry import Registry
from .columns import OTHER, columns, cut_notes, leftovers
from .gradebook import Gradebook, instant, number_order
from .merge import META_SHEET, Graded, Previous, criterion
from .read import shown_path
from .submission import Submission

log = logging.getLogger(__name__)

IDENTITY = ["班级", "学号", "姓名", "提交时间", "文件"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32767
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E0F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")
PROBLEMS_SHEET = "问题文件"
NOTES = "核对提示"
RESUBMITTED = "评分后又交了新版本，请复核"
COMMENT = "评语"
_SURROGATE = re.compile("[\ud800-\udfff]")


def put(sheet: Sheet, row: int, col: int, value: Any) -> None:
    """Write a value; text is cleaned of characters Excel refuses and can never become a formula."""
    cell = sheet.cell(row=row, column=col)
    if not isinstance(value, str):
        cell.value = value
        return
    text = _SURROGATE.sub("\ufffd", ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 40] + "……（超出 Excel 单元格上限，已截断，完整内容见原文件）"
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"      # openpyxl would otherwise store '=…' as a formula
        cell.quotePrefix = True   # Excel's own marker for "this is text"


def formula(sheet: Sheet, row: int, col: int, text: str) -> None:
    """Write one of our own formulas."""
    sheet.cell(row=row, column=col, value=text)


def sheet_name(text: str, taken: set[str]) -> str:
    """A legal, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    text = _SURROGATE.sub(" ", ILLEGAL_CHARACTERS_RE.sub(" ", text))
    base = re.sub(r"[\[\]:*?/\\'\s]+", " ", text).strip()[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f"~{n}"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def ref(sheet: str, row: int, col: int) -> str:
    """A cross-sheet cell reference."""
    return "'" + sheet.replace("'", "''") + f"'!{get_column_letter(col)}{row}"


def when(saved: str) -> str:
    """A submission's save time as local 'YYYY-MM-DD HH:MM', or '' when unknown."""
    t = instant(saved)
    if t is None:
        return saved[:40]
    try:
        return datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):
        return saved[:40]


def _header(sheet: Sheet, headers: list[str], widths: Sequence[float]) -> None:
    """The bold first row, frozen, with column widths."""
    for i, (text, width) in enumerate(zip(headers, widths), start=1):
        put(sheet, 1, i, text)
        sheet.cell(row=1, column=i).font = HEAD_FONT
        sheet.cell(row=1, column=i).fill = HEAD_FILL
        sheet.cell(row=1, column=i).alignment = WRAP
        sheet.column_dimensions[get_column_letter(i)].width = width


Person = tuple[str, str, str]  # class, number, name as shown


def worksheet_sheet(book: Workbook, ws: Worksheet, subs: list[Submission], folder: Path, taken: set[str],
                    prev: dict[tuple[str, str], Graded] | None = None, people: dict[tuple[str, str], Person] | None = None,
                    ) -> tuple[str, dict[tuple[str, str], int], int | None]:
    """One worksheet's sheet; returns its name, the row of each student and the total's column.

    ``prev``: this worksheet's rows of the earlier gradebook; their scores and 评语 are kept, and rows whose
    file has gone stay. ``people`` collects who is on the sheet, for the class summaries.
    """
    prev = prev or {}
    people = {} if people is None else people
    sheet = book.create_sheet(sheet_name(f"{ws.label} {ws.title}" if ws.label else ws.title, taken))
    cols = columns(ws, subs)
    criteria = ws.rubric.criteria if ws.rubric else []
    headers = (IDENTITY + [c.header for c in cols] + [OTHER, NOTES]
               + [f"{c.name}（满分 {c.points}）" for c in criteria])
    widths = [12, 10, 10, 17, 24] + [24] * (len(cols) + 2) + [12] * len(criteria)
    if criteria and ws.rubric:
        headers.append(f"总分（满分 {ws.rubric.total}）")
        widths.append(12)
    headers.append(COMMENT)
    widths.append(30)
    _header(sheet, headers, widths)
    sheet.freeze_panes = "D2"
    first_score = len(IDENTITY) + len(cols) + 3
    rows: dict[tuple[str, str], int] = {}
    r = 1
    for sub in subs:
        r += 1
        s = sub.student
        values: list[Any] = [s.cls, s.number, s.name, when(sub.saved), shown_path(sub.source.relative_to(folder).as_posix())]
        notes = sub.notes + cut_notes(ws, sub)
        old = prev.get(s.key)
        # Kept on later runs until the teacher deletes the note from 核对提示 (= has re-checked).
        if old is not None and old.graded and ((old.values.get("文件"), old.values.get("提交时间")) != (
                values[4], values[3] or None) or RESUBMITTED in _str(old.values.get(NOTES))):
            notes.insert(0, RESUBMITTED)
        values += [c.get(sub.answers) for c in cols] + [leftovers(ws, sub), "\n".join(notes) or None]
        for c, value in enumerate(values, start=1):
            put(sheet, r, c, value)
            sheet.cell(row=r, column=c).alignment = WRAP
        rows[s.key] = r
        people.setdefault(s.key, (s.cls, s.number, s.name))
        if old is not None:
            _grades(sheet, r, headers, old)
    for key, old in prev.items():
        if key in rows:
            continue
        r += 1  # the file has gone from the folder: keep what the gradebook had, scores included
        for c, h in enumerate(headers, start=1):
            if h in old.values and criterion(h) is None and not h.startswith("总分（"):
                put(sheet, r, c, old.values[h])
        note = "原文件已不在文件夹中（保留上次成绩表里的记录）"
        put(sheet, r, headers.index(NOTES) + 1, "\n".join(x for x in (note, _str(old.values.get(NOTES))) if x))
        _grades(sheet, r, headers, old)
        rows[key] = r
        people.setdefault(key, (_str(old.values.get("班级")), _str(old.values.get("学号")), _str(old.values.get("姓名"))))
    for row in range(2, r + 1):
        if criteria:
            last = first_score + len(criteria) - 1
            span = f"{get_column_letter(first_score)}{row}:{get_column_letter(last)}{row}"
            formula(sheet, row, last + 1, f'=IF(COUNT({span})=0,"",SUM({span}))')
    for i, crit in enumerate(criteria):
        letter = get_column_letter(first_score + i)
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2=str(crit.points),
                            showErrorMessage=True, error=f"请输入 0～{crit.points} 的整数", errorTitle=crit.name)
        dv.add(f"{letter}2:{letter}{max(r, 2)}")
        sheet.add_data_validation(dv)
    sheet.print_options.gridLines = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet.title, rows, (first_score + len(criteria)) if criteria else None


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _grades(sheet: Sheet, r: int, headers: list[str], old: Graded) -> None:
    """The scores (by criterion name) and 评语 the teacher typed in the earlier gradebook."""
    for c, h in enumerate(headers, start=1):
        name = criterion(h)
        if name is not None and old.scores.get(name) not in (None, ""):
            put(sheet, r, c, old.scores[name])
    if old.comment not in (None, ""):
        put(sheet, r, headers.index(COMMENT) + 1, old.comment)


def summary_sheet(sheet: Sheet, cls: str, order: list[Worksheet], people: dict[tuple[str, str], Person],
                  placed: dict[str, tuple[str, dict[tuple[str, str], int], int | None]]) -> None:
    """One class (by identity key): a row per student, a column per worksheet (its total, 已交 or 未交),
    the count handed in and, when some worksheet has a rubric, the sum of the totals."""
    students = {k: p for k, p in people.items() if k[0] == cls}
    scored = any(placed[ws.id][2] is not None for ws in order)
    headers = ["学号", "姓名"] + [f"{ws.label} {ws.title}".strip() for ws in order] + ["已交份数"]
    headers += ["总分合计"] if scored else []
    _header(sheet, headers, [10, 10] + [16] * len(order) + [10, 10])
    sheet.freeze_panes = "C2"
    ordered = sorted(students.items(), key=lambda kp: (number_order(kp[1][1]), kp[1][1], kp[1][2]))
    for r, (key, (_cls, number, person)) in enumerate(ordered, start=2):
        put(sheet, r, 1, number)
        put(sheet, r, 2, person)
        handed = 0
        totals = []
        for c, ws in enumerate(order, start=3):
            name, rows, total_col = placed[ws.id]
            row = rows.get(key)
            if row is None:
                put(sheet, r, c, "未交")
                continue
            handed += 1
            if total_col is None:
                put(sheet, r, c, "已交")
            else:
                cell = ref(name, row, total_col)
                totals.append(cell)
                formula(sheet, r, c, f'=IF({cell}="","已交",{cell})')
        put(sheet, r, len(order) + 3, handed)
        if scored:
            formula(sheet, r, len(order) + 4, f"=SUM({','.join(totals)})" if totals else "=0")


def write(gb: Gradebook, reg: Registry, folder: Path, out: Path, prev: Previous | None = None) -> None:
    """Write the whole gradebook to ``out`` (atomically: a half-written file never replaces a good one).

    ``prev``: the earlier gradebook at ``out``, whose scores, 评语 and rows are carried over.
    """
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    old = prev.sheets if prev else {}
    kind = kinds.collected().name
    ids = set(gb.submissions) | {i for i in old if i in reg.records[kind]}
    order = sorted((reg.get(kind, i) for i in ids),
                   key=lambda w: (reg.order.get((kind, w.id), (99, 0, 0)), w.id))
    people: dict[tuple[str, str], Person] = {}
    placed = {ws.id: worksheet_sheet(book, ws, gb.submissions.get(ws.id, []), folder, taken, old.get(ws.id), people)
              for ws in order}
    classes = sorted({k[0] for k in people})
    for n, cls in enumerate(classes):  # summaries go first, in class order
        sheet = book.create_sheet(sheet_name(f"汇总 {people[next(k for k in people if k[0] == cls)][0] or '未填班级'}",
                                             taken), n)
        summary_sheet(sheet, cls, order, people, placed)
    problems = book.create_sheet(sheet_name(PROBLEMS_SHEET, taken))
    _header(problems, ["文件", "说明"], [40, 90])
    for r, (name, what) in enumerate(gb.problems, start=2):
        put(problems, r, 1, name)
        put(problems, r, 2, what)
    meta = book.create_sheet(META_SHEET)  # lets a later run (and 作业汇总) find its sheets again
    meta.sheet_state = "hidden"
    for r, (ws_id, (name, _rows, _total)) in enumerate(placed.items(), start=1):
        put(meta, r, 1, name)
        put(meta, r, 2, ws_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    book.save(tmp)
    tmp.replace(out)
