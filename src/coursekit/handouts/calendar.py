"""教学日历: the 授课计划's tasks laid out week by week from a start date and the weekly hours.

Tasks are taught in course order, each taking its minutes in class periods; a task that does not fit in
what is left of a week goes on the next week (续). A task's worksheets are due and its 课后自测 is done in
the week the task ends; a project's 项目实训 (its 自评互评表) in the week its last task ends. The review and exam sessions of ``data/course.yml`` follow the last task.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from .. import kinds
from ..hours import PERIOD, as_hours
from ..registry import Registry
from ..render import cn_number, render
from .fonts import DEFAULT, face
from .htmlprint import context
from .schedule import build_schedule
from .xlsx import _banner, _header, _print_setup, _row

log = logging.getLogger(__name__)

HEADERS = ["周次", "日期", "学时", "教学内容", "工作单（本周交）", "课后自测", "备注"]
WIDTHS = [7, 16, 7, 44, 34, 16, 14]
NAME = "教学日历"


@dataclass(frozen=True)
class Settings:
    """Where the calendar starts and how many 学时 a week has."""

    start: datetime.date
    weekly_hours: int
    term: str = ""


@dataclass
class Week:
    """One teaching week: what is taught, what is due."""

    number: int
    monday: datetime.date
    hours: Fraction = Fraction(0)
    content: list[str] = field(default_factory=list)
    due: list[str] = field(default_factory=list)
    selfcheck: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def dates(self) -> str:
        """``3 月 1 日—3 月 7 日``."""
        sunday = self.monday + datetime.timedelta(days=6)
        return f"{self.monday.month} 月 {self.monday.day} 日—{sunday.month} 月 {sunday.day} 日"

    def cells(self) -> list[Any]:
        """The week as a row, in :data:`HEADERS` order."""
        return [f"第 {self.number} 周", self.dates, as_hours(round(self.hours * PERIOD)), "\n".join(self.content),
                "\n".join(self.due), "\n".join(self.selfcheck), "\n".join(self.notes)]


def settings(reg: Registry, start: datetime.date | None = None, weekly_hours: int | None = None) -> Settings:
    """The course's calendar defaults with the command line's overrides; ValueError when neither gives a value."""
    cal = reg.course.calendar
    start = start or (cal.start if cal else None)
    weekly = weekly_hours or (cal.weekly_hours if cal else None)
    if start is None or weekly is None:
        raise ValueError("the 教学日历 needs a start date and weekly hours: add calendar: {start, weekly_hours} "
                         "to data/course.yml or give --start and --weekly-hours")
    if start.weekday() != 0:
        raise ValueError(f"--start {start} is not a Monday; give the Monday of the first teaching week")
    return Settings(start, weekly, cal.term if cal else "")


def job_id(s: Settings) -> str:
    """The settings as a job's id (``2027-03-01/4``): a job carries only strings."""
    return f"{s.start.isoformat()}/{s.weekly_hours}"


def from_job_id(reg: Registry, id_: str) -> Settings:
    """The settings a job's id names (the term comes from the course)."""
    start, weekly = id_.split("/")
    return settings(reg, datetime.date.fromisoformat(start), int(weekly))


def build_calendar(reg: Registry, s: Settings) -> list[Week]:
    """Every week from ``s.start`` until the exam, in order."""
    schedule = build_schedule(reg)
    selfchecks = {(b.project, b.task): sum(i.selfcheck for i in b.items) for b in reg.of(kinds.QUESTIONS).values()}
    weeks = [Week(1, s.start)]
    items: list[tuple[str, Fraction, list[str], list[str], str]] = []
    for p in schedule.projects:
        if not p.rows:  # its planned hours hold its place until its task pages are written
            items.append((f"项目{p.number}　{p.title}（任务编写中）", Fraction(p.planned_minutes, PERIOD), [], [], ""))
        front = reg.project_pages.get(p.slug)
        for r in p.rows:
            due = [f"{w.label + ' ' if w.label else ''}{w.title}" for w in r.records.get(kinds.WORKSHEETS.name, [])]
            if r is p.rows[-1] and front is not None and front.practice is not None:  # done with the last task
                due.append(f"项目{p.number}实训：{front.practice.title}（交项目实训自评互评表）")
            n = selfchecks.get((p.slug, r.task), 0)
            check = [f"项目{p.number}任务{cn_number(r.task)}自测（{n} 题）"] if n else []
            items.append((f"项目{p.number}　任务{cn_number(r.task)}　{r.title}", Fraction(r.minutes, PERIOD), due,
                          check, ""))
    for session in schedule.sessions:
        items.append((session.name, Fraction(session.hours), [], [], "复习周" if session.kind == "review" else "考试周"))
    for title, need, due, check, note in items:
        first = True
        while need > 0:
            week = weeks[-1]
            free = s.weekly_hours - week.hours
            if free <= 0:
                weeks.append(Week(week.number + 1, week.monday + datetime.timedelta(days=7)))
                continue
            take = min(free, need)
            week.hours += take
            need -= take
            week.content.append(f"{title}{'' if first else '（续）'}（{as_hours(round(take * PERIOD))} 学时）")
            if note and note not in week.notes:
                week.notes.append(note)
            first = False
        weeks[-1].due += due
        weeks[-1].selfcheck += check
    return weeks


def write_calendar_xlsx(reg: Registry, s: Settings, dest: Path, lang: str = DEFAULT) -> None:
    """The 教学日历 as one printable sheet, a row per week and a totals row; cells in ``lang``'s font."""
    font = face(lang).sans
    weeks = build_calendar(reg, s)
    wb = Workbook()
    ws = wb.active
    ws.title = NAME
    title = f"{reg.course.title} {NAME}"
    _banner(ws, 1, title, len(WIDTHS), font, size=14, bold=True)
    _banner(ws, 2, intro(reg, s, weeks), len(WIDTHS), font, widths=WIDTHS)
    _header(ws, 3, HEADERS, font)
    for i, week in enumerate(weeks, start=4):
        _row(ws, i, week.cells(), WIDTHS, font)
    total = 4 + len(weeks)
    _row(ws, total, ["合计", f"{len(weeks)} 周", as_hours(round(sum(w.hours for w in weeks) * PERIOD)),
                     None, None, None, None], WIDTHS, font)
    for cell in ws[total]:
        cell.font = Font(name=font, bold=True)
    _print_setup(ws, 3, WIDTHS, f"{reg.course.title}　·　{NAME}")
    wb.properties.title, wb.properties.creator = title, f"{reg.course.title}编写组"
    wb.save(dest)


def document(templates: Path, reg: Registry, s: Settings, lang: str = DEFAULT) -> str:
    """The 教学日历 as an HTML document for the PDF writer (landscape), tagged with ``lang``'s language tag."""
    weeks = build_calendar(reg, s)
    body = render(templates, "print/calendar", weeks=weeks, headers=HEADERS, intro=intro(reg, s, weeks),
                  total=as_hours(round(sum(w.hours for w in weeks) * PERIOD)), **context(reg, False))
    return str(render(templates, "print/document", title=f"{reg.course.title} {NAME}",
                      author=f"{reg.course.title}编写组", running=NAME, kind="calendar", landscape=True,
                      body=body, lang_tag=face(lang).tag, **context(reg, False)))


def intro(reg: Registry, s: Settings, weeks: list[Week]) -> str:
    """The line under the title: term, start, weekly hours and the total."""
    total = as_hours(round(sum(w.hours for w in weeks) * PERIOD))
    term = f"{s.term}　·　" if s.term else ""
    return (f"{term}{s.start.year} 年 {s.start.month} 月 {s.start.day} 日开课，每周 {s.weekly_hours} 学时"
            f"（每学时 {PERIOD} 分钟），共 {len(weeks)} 周、{total} 学时。工作单在任务结束的那一周交，课后自测同周完成。")
