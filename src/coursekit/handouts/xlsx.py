"""SOPs and the 授课计划 as Excel workbooks that print well.

Every sheet has a bold, repeated, frozen header row, column widths, wrapped
text, A4 landscape fitted to one page wide, and row heights estimated from the
text (so LibreOffice and Excel show the same thing). Text that a spreadsheet
would take for a formula is stored as text with a quote prefix. Every cell
names the language's sans font (:mod:`.fonts`).
"""

from __future__ import annotations

import logging
import math
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import kinds
from ..plaintext import is_formula_like, plain
from ..registry import Registry
from .fonts import DEFAULT, face
from .schedule import build_schedule

log = logging.getLogger(__name__)

THIN = Side(style="thin", color="757575")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E0F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")
SOP_COLUMNS = [("序号", 6), ("时间 / 阶段", 14), ("角色", 12), ("动作", 40), ("话术模板", 40), ("工具", 16),
               ("产出 / 指标", 26)]
SCHEDULE_WIDTHS = [9, 30, 11, 11, 11, 8, 40, 28, 28]


def write_sop_xlsx(reg: Registry, sop: Any, dest: Path, lang: str = DEFAULT) -> None:
    """One SOP: title, project and cadence, scope, the step table, notes and sources; cells in ``lang``'s font."""
    font = face(lang).sans
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    project = reg.projects[sop.project]
    widths = [w for _, w in SOP_COLUMNS]
    _banner(ws, 1, sop.title, len(widths), font, size=14, bold=True)
    _banner(ws, 2, f"项目{project.number}　{project.title}　·　频次：{sop.cadence}", len(widths), font)
    _banner(ws, 3, "适用范围：" + plain(sop.scope), len(widths), font, widths=widths)
    header = 4
    _header(ws, header, [h for h, _ in SOP_COLUMNS], font)
    for i, step in enumerate(sop.steps, start=1):
        _row(ws, header + i, [i, step.when, step.role, plain(step.action), step.script or None, step.tool or None,
                              plain(step.output)], widths, font)
    row = header + len(sop.steps) + 2
    if sop.notes:
        _banner(ws, row, "注意事项", len(widths), font, bold=True)
        for n, note in enumerate(sop.notes, start=1):
            _banner(ws, row + n, f"{n}. {plain(note)}", len(widths), font, widths=widths)
        row += len(sop.notes) + 2
    if sop.sources:
        _banner(ws, row, "资料来源：" + "；".join(reg.get(kinds.BIBLIOGRAPHY.name, s).title for s in sop.sources), len(widths),
                font)
    _print_setup(ws, header, widths, f"{reg.course.title}　·　{sop.title}")
    wb.properties.title, wb.properties.creator = sop.title, f"{reg.course.title}编写组"
    wb.save(dest)


def write_schedule_xlsx(reg: Registry, dest: Path, lang: str = DEFAULT) -> None:
    """The 授课计划: one row per task, a totals row, and a sheet of project hours; cells in ``lang``'s font."""
    font = face(lang).sans
    schedule = build_schedule(reg)
    wb = Workbook()
    ws = wb.active
    ws.title = "授课计划"
    _banner(ws, 1, f"{reg.course.title} 授课计划", len(SCHEDULE_WIDTHS), font, size=14, bold=True)
    _banner(ws, 2, f"每学时 {schedule.period} 分钟；工作单、SOP 表和案例是各任务页使用的资料。", len(SCHEDULE_WIDTHS),
            font)
    header = 3
    _header(ws, header, schedule.headers, font)
    lines = [row.cells() for row in schedule.rows] + [schedule.session_cells(s) for s in schedule.sessions]
    for i, cells in enumerate(lines, start=1):
        _row(ws, header + i, cells, SCHEDULE_WIDTHS, font)
    total = header + len(lines) + 1
    _row(ws, total, schedule.total_cells(), SCHEDULE_WIDTHS, font)
    for cell in ws[total]:
        cell.font = Font(name=font, bold=True)
    _print_setup(ws, header, SCHEDULE_WIDTHS, f"{reg.course.title}　·　授课计划")
    hours_ws = wb.create_sheet("项目学时")
    # a project's 学时 are its tasks' minutes; a project without tasks yet shows its planned hours
    heads = ["项目", "任务数", "分钟", "学时"]
    widths = [30, 8, 10, 10]
    _header(hours_ws, 1, heads, font)
    for i, p in enumerate(schedule.projects, start=2):
        _row(hours_ws, i, [f"项目{p.number}　{p.title}", len(p.rows), p.minutes or None, p.hours], widths, font)
    row = len(schedule.projects) + 2
    for s in schedule.sessions:
        _row(hours_ws, row, [s.name, None, s.hours * schedule.period, s.hours], widths, font)
        row += 1
    _row(hours_ws, row, ["合计", len(schedule.rows), None, schedule.planned_hours], widths, font)
    _print_setup(hours_ws, 1, widths, f"{reg.course.title}　·　项目学时")
    wb.properties.title, wb.properties.creator = f"{reg.course.title} 授课计划", f"{reg.course.title}编写组"
    wb.save(dest)


def _set(cell: Any, value: Any) -> None:
    """Store a value; text that starts like a formula stays text (formula injection)."""
    cell.value = value
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _banner(ws: Worksheet, row: int, text: str, span: int, font: str, size: float = 10.5, bold: bool = False,
            widths: list[int] | None = None) -> None:
    """A line of text across the table's width (merged cells), in ``font``."""
    _set(ws.cell(row, 1), text)
    ws.cell(row, 1).font = Font(name=font, size=size, bold=bold)
    ws.cell(row, 1).alignment = WRAP
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    if widths:
        ws.row_dimensions[row].height = _height([text], [sum(widths)])
    elif size > 11:
        ws.row_dimensions[row].height = size * 1.8


def _header(ws: Worksheet, row: int, names: list[str], font: str) -> None:
    """A bold, shaded, centred header row in ``font``."""
    for col, name in enumerate(names, start=1):
        cell = ws.cell(row, col)
        _set(cell, name)
        cell.font = Font(name=font, bold=True)
        cell.fill, cell.border = HEAD_FILL, GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.row_dimensions[row].height = 22


def _row(ws: Worksheet, row: int, values: list[Any], widths: list[int], font: str) -> None:
    """A data row in ``font``: values, grid, wrapped text and a height that shows it all."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        _set(cell, value)
        cell.font = Font(name=font)
        cell.border, cell.alignment = GRID, WRAP
        if isinstance(value, (int, float)):
            cell.alignment = Alignment(vertical="top", horizontal="center")
    ws.row_dimensions[row].height = _height([str(v) if v is not None else "" for v in values], widths)


def _width(text: str) -> float:
    """Display width in Excel column units: a CJK character is about 1.8 (measured in LibreOffice)."""
    return sum(1.8 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _height(texts: list[str], widths: list[int]) -> float:
    """Row height (points) that shows the longest wrapped cell whole."""
    lines = 1
    for text, width in zip(texts, widths):
        usable = max(width - 1, 1)
        lines = max(lines, sum(max(1, math.ceil(_width(part) / usable)) for part in text.split("\n")))
    return round(lines * 14.5 + 5, 1)


def _print_setup(ws: Worksheet, header: int, widths: list[int], title: str) -> None:
    """Widths, frozen and repeated header, A4 landscape one page wide, running header and page numbers."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header + 1, 1)
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddHeader.left.text = title.replace("&", "&&")
    ws.oddHeader.left.size = 8
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.oddFooter.center.size = 8
