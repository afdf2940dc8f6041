"""授课计划: one row per task, computed from the task pages' front matter and the macros they call.

A task's worksheets, SOPs and cases are the ones its page embeds, in page order;
minutes come from ``minutes: {teaching, practice}``; one class period (学时) is
45 minutes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from .. import kinds
from ..registry import Registry
from ..render import cn_number

log = logging.getLogger(__name__)

PERIOD = 45
TASK_HEADERS = ["项目", "任务", "讲授（分钟）", "实训（分钟）", "合计（分钟）", "学时"]


def scheduled() -> list[kinds.Kind[Any]]:
    """The kinds with a column of their own (:attr:`Kind.schedule`), in course order."""
    return [k for k in kinds.ALL if k.schedule]


def header_row() -> list[str]:
    """The table's header row: the task columns, then a column per scheduled kind."""
    return TASK_HEADERS + [k.title for k in scheduled()]


def hours(minutes: int) -> float | int:
    """Minutes as class periods, to one decimal (whole numbers stay integers)."""
    value = round(minutes / PERIOD, 1)
    return int(value) if value == int(value) else value


@dataclass
class Row:
    """One task: its minutes and the records its page uses."""

    number: int
    task: int
    title: str
    teaching: int
    practice: int
    records: dict[str, list[Any]]

    @property
    def minutes(self) -> int:
        """Teaching plus practice minutes."""
        return self.teaching + self.practice

    def cells(self) -> list[Any]:
        """The row as the table shows it, in :func:`header_row` order."""
        return [f"项目{self.number}", f"任务{cn_number(self.task)}　{self.title}", self.teaching, self.practice,
                self.minutes, hours(self.minutes),
                *("\n".join(map(k.schedule, self.records[k.name])) for k in scheduled() if k.schedule)]


@dataclass
class ProjectRows:
    """A project's tasks; ``hours`` is the planned 学时 from the course outline."""

    slug: str
    number: int
    title: str
    hours: int
    rows: list[Row] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        """Minutes of the tasks written so far."""
        return sum(r.minutes for r in self.rows)


@dataclass
class Schedule:
    """The whole 授课计划."""

    projects: list[ProjectRows]
    headers: list[str] = field(default_factory=header_row)
    period: int = PERIOD

    @property
    def rows(self) -> list[Row]:
        """Every task row, in course order."""
        return [r for p in self.projects for r in p.rows]

    @property
    def total_minutes(self) -> int:
        """Minutes of all tasks."""
        return sum(p.minutes for p in self.projects)

    @property
    def total_hours(self) -> float | int:
        """All tasks' minutes in class periods."""
        return hours(self.total_minutes)

    @property
    def planned_hours(self) -> int:
        """学时 planned in the course outline."""
        return sum(p.hours for p in self.projects)

    def total_cells(self) -> list[Any]:
        """The totals row."""
        rows = self.rows
        return ["合计", f"{len(rows)} 个任务", sum(r.teaching for r in rows), sum(r.practice for r in rows),
                self.total_minutes, self.total_hours,
                *(f"{sum(len(r.records[k.name]) for r in rows)} {k.counter}" for k in scheduled())]


def build_schedule(reg: Registry) -> Schedule:
    """The schedule of the course in ``reg``."""
    projects = []
    for slug, project in reg.projects.items():
        prows = ProjectRows(slug, project.number, project.title, project.hours)
        for path, lesson in reg.lessons_of(slug):
            prows.rows.append(Row(project.number, lesson.task, lesson.title, lesson.minutes.teaching,
                                  lesson.minutes.practice, embedded_records(reg, path)))
        projects.append(prows)
    return Schedule(projects)


def embedded_records(reg: Registry, path: str) -> dict[str, list[Any]]:
    """Worksheets, SOPs and cases a page embeds, in the order it calls them, each once."""
    found: dict[str, list[Any]] = {k.name: [] for k in scheduled()}
    for name, arg, _ in reg.pages[path].calls:
        k = kinds.by_macro(name)
        kind = k.name if k else ""
        if kind in found and arg in reg.records[kind]:
            record = reg.records[kind][arg]
            if record not in found[kind]:
                found[kind].append(record)
    return found
